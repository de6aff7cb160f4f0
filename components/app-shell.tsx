import type { ReactNode } from "react";
import type { SignedInUser } from "@/lib/auth/session";
import type { ThemeChoice } from "@/lib/ui/theme";
import { NavLink } from "./nav-link";
import { ThemeToggle } from "./ui/theme-toggle";
import { BrandLink } from "./brand-link";

const NAV = [
  { href: "/", label: "Inbox", exact: true },
  { href: "/jobs", label: "Jobs" },
  { href: "/endpoints", label: "Endpoints" },
  { href: "/settings", label: "Settings" },
];

/** The frame of every signed-in page: product name, sections, who is signed in. */
export function AppShell({
  user,
  signOutAction,
  theme,
  children,
}: {
  user: SignedInUser;
  /** The sign-out server action (app/login/actions.ts), passed in by the layout. */
  signOutAction: () => Promise<void>;
  theme: ThemeChoice;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4">
          <BrandLink />
          <nav aria-label="Sections" className="flex items-center gap-1">
            {NAV.map((item) => (
              <NavLink key={item.href} href={item.href} exact={item.exact}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
            <ThemeToggle initial={theme} />
            <span className="hidden sm:inline" title={`Signed in as ${user.email}`}>
              {user.email}
            </span>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
