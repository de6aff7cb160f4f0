// The live Inbox's one write: a NOTIFY on the events channel, which every process's
// event stream (event-stream.ts) LISTENs to. Sent by announce-events.ts, batched.
import { getPool } from "@/lib/db/client";
import { INBOX_EVENTS_CHANNEL, type StoredEvent, type StoredEventsMessage } from "./messages";

export async function notifyStoredEvents(events: StoredEvent[]): Promise<void> {
  const message: StoredEventsMessage = { events };
  await getPool().query("SELECT pg_notify($1, $2)", [
    INBOX_EVENTS_CHANNEL,
    JSON.stringify(message),
  ]);
}
