"use client";

import { useState } from "react";

/**
 * A credential-like value, hidden until the person asks for it. The value is fetched
 * on that click (`load`, a server action), so it is in neither the page's HTML nor its
 * React payload before then: a screenshot, a shoulder or a saved page sees dots.
 */
export function MaskedValue({ name, load }: { name: string; load: () => Promise<string> }) {
  const [value, setValue] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (value !== null) return <span className="break-all font-mono text-xs">{value}</span>;
  return (
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
      className="rounded font-mono text-xs text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
    >
      {"••••••••••"} <span className="font-sans underline">{pending ? "revealing…" : "reveal"}</span>
    </button>
  );
}
