import type { ReactNode } from "react";

/** A labelled, horizontally scrollable block of shell or JSON text. */
export function CodeBlock({ label, children }: { label: string; children: ReactNode }) {
  return (
    <figure className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <figcaption className="border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs font-medium text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
        {label}
      </figcaption>
      <pre className="overflow-x-auto bg-white p-3 font-mono text-[13px] leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
        <code>{children}</code>
      </pre>
    </figure>
  );
}
