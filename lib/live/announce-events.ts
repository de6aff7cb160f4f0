// The ingest path's side of the live Inbox: after a delivery's statement committed,
// announce its event with pg_notify on a separate, later statement. Not a trigger and
// not inside the ingest statement: a NOTIFY in that transaction would take the global
// notify lock at every ingest commit. Batched per process (event-batcher.ts); a lost
// announcement only delays a live view, so errors are logged, never thrown.
import { EventBatcher } from "./event-batcher";
import type { StoredEvent } from "./messages";
import { notifyStoredEvents } from "./mutations";

// On globalThis: the ingest route and others may be separate bundles in one process.
const holder = globalThis as typeof globalThis & { __inboxEventBatcher?: EventBatcher };

export function announceStoredEvent(event: StoredEvent): void {
  holder.__inboxEventBatcher ??= new EventBatcher(notifyStoredEvents);
  holder.__inboxEventBatcher.add(event);
}
