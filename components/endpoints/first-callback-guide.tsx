import { CodeBlock } from "@/components/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import type { CurlExample } from "./curl-command";

/** The empty state of an endpoint without events: how to send it a first callback. */
export function FirstCallbackGuide({
  providerLabel,
  example,
}: {
  providerLabel: string;
  example: CurlExample;
}) {
  return (
    <section
      aria-labelledby="first-callback"
      className="rounded-lg border border-dashed border-zinc-300 p-4 dark:border-zinc-700"
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2
            id="first-callback"
            className="text-sm font-semibold text-zinc-900 dark:text-zinc-100"
          >
            No callbacks yet
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Point {providerLabel} at the ingest URL, use “Send a test callback” above, or post the
            sample yourself with this command:
          </p>
        </div>
        <CopyButton value={example.command} label="Copy command" />
      </div>
      <CodeBlock label="curl">{example.command}</CodeBlock>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{example.note}</p>
    </section>
  );
}
