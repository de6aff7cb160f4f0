import { CopyButton } from "@/components/ui/copy-button";
import type { ExpectSnippet } from "@/lib/jobs/expect-snippets";

/**
 * "Register jobs when you submit them": where to call POST /api/endpoints/<id>/jobs in
 * the code that submits a render, for this endpoint's provider, ready to copy.
 */
export function ExpectJobsPanel({
  providerLabel,
  snippet,
  overdueWindow,
}: {
  providerLabel: string;
  snippet: ExpectSnippet;
  /** How long a registered job may take by default, in words. */
  overdueWindow: string;
}) {
  return (
    <div className="space-y-3" data-testid="expect-snippet">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A lost callback leaves no trace unless the inbox knows the job. Register each job right
        after {providerLabel} answers with its id (
        <code className="font-mono text-xs">{snippet.jobIdField}</code>
        ): it shows as <em>expected</em> until its first callback, and if it is not finished in time
        ({overdueWindow} unless you pass{" "}
        <code className="font-mono text-xs">expectTerminalMinutes</code>) it is flagged overdue,
        alerted and, with polling set up, polled.
      </p>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{snippet.note}</span>
        <CopyButton value={snippet.code} label="Copy code" />
      </div>
      {/* Not a <figure> (CodeBlock): the page's "No callbacks yet" curl is the figure there. */}
      <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
        <div className="border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs font-medium text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          {providerLabel}: submit, then register
        </div>
        <pre className="overflow-x-auto bg-white p-3 font-mono text-[13px] leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
          <code>{snippet.code}</code>
        </pre>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-zinc-500 dark:text-zinc-400">From a shell script:</span>
        <code className="min-w-0 flex-1 break-all rounded-md bg-zinc-50 px-2 py-1 font-mono text-xs text-zinc-800 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:text-zinc-200 dark:ring-zinc-800">
          {snippet.cli}
        </code>
        <CopyButton value={snippet.cli} label="Copy CLI command" />
      </div>
    </div>
  );
}
