// Coalesces "event stored" announcements of one process: the first one starts a short
// timer, and everything stored until it fires leaves as one batch. Under load that is
// a handful of NOTIFYs per second per process instead of one per callback (every
// NOTIFY takes Postgres' global notify-queue lock at commit).
import type { StoredEvent } from "./messages";
import { getLogger } from "@/lib/log/logger";

/** A NOTIFY payload must stay under 8000 bytes; an entry is about 65. */
export const MAX_EVENTS_PER_MESSAGE = 100;

export type BatchSender = (events: StoredEvent[]) => Promise<void>;

export class EventBatcher {
  private pending = new Map<string, StoredEvent>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: BatchSender,
    private readonly delayMs = 50,
    private readonly onError: (error: unknown) => void = (error) =>
      getLogger().error({ err: error }, "live inbox: announcing stored events failed"),
  ) {}

  /** Never throws and never waits: the caller is answering a callback. */
  add(event: StoredEvent): void {
    // A duplicate delivery names an event already waiting: one mention is enough.
    this.pending.set(event.eventId, event);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
    this.timer.unref?.();
  }

  private flush(): void {
    this.timer = null;
    const events = [...this.pending.values()];
    this.pending = new Map();
    for (let start = 0; start < events.length; start += MAX_EVENTS_PER_MESSAGE) {
      this.send(events.slice(start, start + MAX_EVENTS_PER_MESSAGE)).catch(this.onError);
    }
  }
}
