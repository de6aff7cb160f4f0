import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { signOutAction } from "@/app/login/actions";
import { requireUser } from "@/lib/auth/session";
import { parseTheme, THEME_COOKIE } from "@/lib/ui/theme";

// The shell needs the user; each page still checks the session itself (a layout is
// not re-run on every navigation, and pages render in parallel with it).
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <AppShell user={user} theme={theme} signOutAction={signOutAction}>
      {children}
    </AppShell>
  );
}
