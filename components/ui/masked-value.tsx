"use client";

import { useState } from "react";

/**
 * A credential value shown masked ("Bearer ••••abcd"). With `load` (admins only) a
 * click fetches the value from the server, which records the reveal; the value is in
 * neither the page's HTML nor its React payload before then.
 */
export function MaskedValue({
  name,
  masked,
  load,
}: {
  name: string;
  masked: string;
  load?: () => Promise<string>;
}) {
  const [value, setValue] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (value !== null) return <span className="break-all font-mono text-xs">{value}</span>;
  const shown = <span className="text-zinc-500 dark:text-zinc-400">{masked}</span>;
  if (!load) return shown;
  return (
    <span className="inline-flex flex-wrap items-baseline gap-2">
      {shown}
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          try {
            setValue(await load());
          } finally {
            setPending(false);
          }
        }}
        aria-label={`Reveal the value of ${name}`}
        className="rounded font-sans text-xs text-zinc-500 underline hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        {pending ? "revealing…" : "reveal"}
      </button>
    </span>
  );
}
