// The job's sequence checks as a pass/warn list; each finding names the callbacks it
// is about as links to their events (or to a poll's place in the timeline), labelled
// as on the timeline (#position type).
import Link from "next/link";
import { visibleText } from "@/components/json/visible-text";
import { Badge, type Tone } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import type { CheckOutcome, CheckResult, Finding } from "@/lib/jobs/sequence-checks";

const OUTCOME: Record<CheckOutcome, { tone: Tone; label: string }> = {
  pass: { tone: "green", label: "pass" },
  warn: { tone: "amber", label: "warning" },
  skipped: { tone: "neutral", label: "not checked" },
};

export function ChecksPanel({
  results,
  eventLabels,
}: {
  results: CheckResult[];
  eventLabels: ReadonlyMap<string, string>;
}) {
  const warnings = results.filter((result) => result.outcome === "warn").length;
  return (
    <Panel
      title="Checks"
      actions={
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {warnings === 0 ? "nothing to look at" : `${warnings} of ${results.length} warn`}
        </span>
      }
    >
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {results.map((result) => (
          <li
            key={result.id}
            data-testid="sequence-check"
            data-outcome={result.outcome}
            className="flex items-start gap-3 py-2 first:pt-0 last:pb-0"
          >
            <span className="w-24 shrink-0">
              <Badge tone={OUTCOME[result.outcome].tone} dot>
                {OUTCOME[result.outcome].label}
              </Badge>
            </span>
            <div className="min-w-0 text-sm">
              <p className="font-medium text-zinc-900 dark:text-zinc-100">{result.title}</p>
              {result.outcome === "warn" ? (
                <ul className="mt-0.5 space-y-0.5 text-xs text-zinc-700 dark:text-zinc-300">
                  {result.findings.map((finding, index) => (
                    <li key={index} data-testid="check-finding">
                      <FindingText finding={finding} eventLabels={eventLabels} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{result.note}</p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function FindingText({
  finding,
  eventLabels,
}: {
  finding: Finding;
  eventLabels: ReadonlyMap<string, string>;
}) {
  return finding.parts.map((part, index) =>
    typeof part === "string" ? (
      <span key={index}>{part}</span>
    ) : part.kind === "callback" ? (
      <Link
        key={index}
        href={`/events/${encodeURIComponent(part.id)}`}
        className="font-mono text-indigo-600 hover:underline dark:text-indigo-400"
      >
        {visibleText(eventLabels.get(part.id) ?? part.id)}
      </Link>
    ) : (
      <a
        key={index}
        href={`#poll-${part.id}`}
        className="font-mono text-indigo-600 hover:underline dark:text-indigo-400"
      >
        {visibleText(eventLabels.get(part.id) ?? `poll ${part.id}`)}
      </a>
    ),
  );
}
