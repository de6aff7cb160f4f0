import { cx } from "@/components/ui/cx";
import type { LiveStatus } from "./use-live-inbox";

const LOOK: Record<LiveStatus, { label: string; dot: string; title: string }> = {
  connecting: { label: "Connecting", dot: "bg-zinc-400", title: "Opening the live connection" },
  live: {
    label: "Live",
    dot: "bg-emerald-500 animate-pulse",
    title: "New callbacks appear here as they arrive",
  },
  reconnecting: {
    label: "Reconnecting",
    dot: "bg-amber-500",
    title: "The live connection dropped; retrying",
  },
  paused: {
    label: "Paused",
    dot: "bg-zinc-400",
    title: "Live updates apply to the newest page only",
  },
};

/** Whether new callbacks show up by themselves; announced politely to screen readers. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const look = LOOK[status];
  return (
    <span
      role="status"
      title={look.title}
      data-live-status={status}
      className="inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium text-zinc-600 ring-1 ring-inset ring-zinc-300 dark:text-zinc-300 dark:ring-zinc-700"
    >
      <span aria-hidden className={cx("size-1.5 rounded-full", look.dot)} />
      {look.label}
    </span>
  );
}
