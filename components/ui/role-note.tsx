import type { ReactNode } from "react";

/**
 * Stands where a control is left out for the signed-in person's role, and says who can
 * use it. Hiding is only for clarity: the server refuses the action all the same.
 */
export function RoleNote({ children }: { children: ReactNode }) {
  return (
    <p
      data-testid="role-note"
      className="rounded-md border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
    >
      {children}
    </p>
  );
}
