"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";

/** A freshly created credential or link: visible in this browser now, never again. */
export function ShownOnce({
  title,
  value,
  children,
}: {
  title: string;
  value: string;
  children?: ReactNode;
}) {
  return (
    <Alert tone="success" title={title}>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code
          data-testid="shown-once"
          className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-zinc-900 ring-1 ring-inset ring-emerald-200 dark:bg-zinc-950 dark:text-zinc-100 dark:ring-emerald-900"
        >
          {value}
        </code>
        <CopyButton value={value} />
      </div>
      {children && <p className="mt-2 text-xs">{children}</p>}
    </Alert>
  );
}
