// How far a bulk replay got: a bar split by outcome and the count of each. The bar is
// SVG (widths as attributes): the pages' Content-Security-Policy allows no inline styles.
import { cx } from "@/components/ui/cx";

export type ReplayCounts = {
  total: number;
  succeeded: number;
  failed: number;
  blocked: number;
  pending: number;
};

const OUTCOMES = [
  {
    key: "succeeded",
    label: "Succeeded",
    bar: "fill-emerald-500",
    text: "text-emerald-700 dark:text-emerald-400",
  },
  { key: "failed", label: "Failed", bar: "fill-red-500", text: "text-red-700 dark:text-red-400" },
  {
    key: "blocked",
    label: "Blocked",
    bar: "fill-amber-500",
    text: "text-amber-700 dark:text-amber-400",
  },
  { key: "pending", label: "Pending", bar: null, text: "text-zinc-600 dark:text-zinc-400" },
] as const;

export function ReplayProgress({ counts }: { counts: ReplayCounts }) {
  const done = counts.total - counts.pending;
  let offset = 0;
  // What was sent, left to right; the track behind them is what is pending.
  const segments = OUTCOMES.flatMap((outcome) => {
    const x = offset;
    const width = counts[outcome.key];
    offset += width;
    return outcome.bar === null || width === 0
      ? []
      : [{ key: outcome.key, bar: outcome.bar, x, width }];
  });
  return (
    <div className="space-y-4">
      <div>
        <div className="mb-1.5 flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
          <span>
            <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">
              {done.toLocaleString("en")}
            </span>{" "}
            of {counts.total.toLocaleString("en")} sent
          </span>
          <span className="tabular-nums">
            {counts.total === 0 ? 100 : Math.floor((done / counts.total) * 100)}%
          </span>
        </div>
        <div
          role="progressbar"
          aria-label="Events sent"
          aria-valuemin={0}
          aria-valuemax={counts.total}
          aria-valuenow={done}
          className="h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <svg
            viewBox={`0 0 ${Math.max(counts.total, 1)} 1`}
            preserveAspectRatio="none"
            className="block h-full w-full"
            aria-hidden
          >
            {segments.map((segment) => (
              <rect
                key={segment.key}
                x={segment.x}
                y={0}
                width={segment.width}
                height={1}
                className={segment.bar}
              />
            ))}
          </svg>
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {OUTCOMES.map((outcome) => (
          <div
            key={outcome.key}
            className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800"
          >
            <dt className="text-xs text-zinc-500 dark:text-zinc-400">{outcome.label}</dt>
            <dd
              data-testid={`replay-${outcome.key}`}
              className={cx("text-xl font-semibold tabular-nums", outcome.text)}
            >
              {counts[outcome.key].toLocaleString("en")}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
