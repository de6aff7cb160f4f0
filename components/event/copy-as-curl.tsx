"use client";

// The curl command of one delivery. Credential values stay out of it until the person
// asks for them, and the text next to it says what was left out.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { visibleText } from "@/components/json/visible-text";
import {
  buildCurlCommand,
  hasCredentials,
  REDACTED,
  type CurlSource,
} from "@/lib/events/curl-command";

/** Every value of a credential header, in arrival order (a server action bound to the delivery; admins only). */
export type RevealHeaderValues = (name: string) => Promise<string[]>;

/**
 * `source` comes with credential values masked; for an admin (`revealCredentials`
 * given) "Include credential values" fetches them from the server, one request per
 * header name, and only then puts them in the command.
 */
export function CopyAsCurl({
  source,
  rawHref,
  revealCredentials,
}: {
  source: CurlSource;
  rawHref: string;
  revealCredentials?: RevealHeaderValues;
}) {
  const [revealed, setRevealed] = useState<Record<number, string> | null>(null);
  const [includeCredentials, setIncludeCredentials] = useState(false);
  const withValues: CurlSource = revealed
    ? {
        ...source,
        headers: source.headers.map((h, i) =>
          h.isCredential ? { ...h, value: revealed[i] ?? "" } : h,
        ),
      }
    : source;
  const command = buildCurlCommand(withValues, {
    includeCredentials: includeCredentials && revealed !== null,
  });
  const credentialNames = [
    ...new Set(source.headers.filter((h) => h.isCredential).map((h) => h.name)),
  ];
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton value={command} label="Copy as curl" />
        {hasCredentials(source) && revealCredentials && (
          <Button
            size="sm"
            variant="ghost"
            onClick={async () => {
              if (!includeCredentials && revealed === null)
                setRevealed(await revealAll(source, revealCredentials));
              setIncludeCredentials(!includeCredentials);
            }}
          >
            {includeCredentials ? "Redact credentials" : "Include credential values"}
          </Button>
        )}
      </div>
      {hasCredentials(source) && !includeCredentials && (
        <p className="text-xs text-amber-700 dark:text-amber-400">
          The value of {credentialNames.join(", ")} is replaced by{" "}
          <code className="font-mono">{REDACTED}</code> in this command.
        </p>
      )}
      {source.body.kind === "file" && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {source.body.why === "binary"
            ? "The body is not UTF-8 text, so it cannot be part of a shell command"
            : "The body is too large to inline"}
          : the command reads it from <code className="font-mono">{source.body.fileName}</code>.{" "}
          <a href={rawHref} download className="text-indigo-600 underline dark:text-indigo-400">
            Download the raw body
          </a>{" "}
          first.
        </p>
      )}
      <pre
        aria-label="curl command"
        className="max-h-72 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap break-all text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
      >
        {visibleText(command)}
      </pre>
    </div>
  );
}

/** The plain value of every credential header, by its position in the command's header list. */
async function revealAll(
  source: CurlSource,
  reveal: RevealHeaderValues,
): Promise<Record<number, string>> {
  const byName = new Map<string, string[]>();
  for (const header of source.headers) {
    const lower = header.name.toLowerCase();
    if (header.isCredential && !byName.has(lower)) byName.set(lower, await reveal(header.name));
  }
  const next = new Map<string, number>();
  return Object.fromEntries(
    source.headers.flatMap((header, index) => {
      if (!header.isCredential) return [];
      const lower = header.name.toLowerCase();
      const occurrence = next.get(lower) ?? 0;
      next.set(lower, occurrence + 1);
      return [[index, byName.get(lower)?.[occurrence] ?? ""]];
    }),
  );
}
