"use client";

import { useState } from "react";

/**
 * A credential-like value, hidden until the person asks for it. The real value is only
 * in the DOM after the click, so a screenshot or a shoulder sees dots.
 */
export function MaskedValue({ value, name }: { value: string; name: string }) {
  const [shown, setShown] = useState(false);
  if (shown) return <span className="break-all font-mono text-xs">{value}</span>;
  return (
    <button
      type="button"
      onClick={() => setShown(true)}
      aria-label={`Reveal the value of ${name}`}
      className="rounded font-mono text-xs text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
    >
      {"•".repeat(Math.min(12, Math.max(6, value.length)))} <span className="font-sans underline">reveal</span>
    </button>
  );
}
