import type { ReactNode } from "react";

/** What to do next when a list is empty: a title, a sentence, and usually a command or a button. */
export function EmptyState({
  title,
  children,
  actions,
}: {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
      <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
      {children && (
        <div className="mx-auto mt-2 max-w-2xl text-left text-sm text-zinc-600 dark:text-zinc-400">
          {children}
        </div>
      )}
      {actions && <div className="mt-4 flex justify-center gap-2">{actions}</div>}
    </div>
  );
}
