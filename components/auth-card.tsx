import type { ReactNode } from "react";

/** The centred card of the sign-in, set-up and invitation pages. */
export function AuthCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="grid min-h-screen place-items-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2 text-sm font-semibold">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded bg-indigo-600 text-xs font-bold text-white"
          >
            WI
          </span>
          Webhook Inbox
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
          {description && (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
          )}
          <div className="mt-5">{children}</div>
        </div>
      </div>
    </main>
  );
}
