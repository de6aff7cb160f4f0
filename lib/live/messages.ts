// What travels from the ingest path to open Inbox pages: the ids of events that were
// stored (new, or a duplicate delivery added to one). Readers refetch what they show;
// the message never carries payload data. Shared by the server (NOTIFY payload and
// SSE data) and the browser (parsing the SSE data), so no server imports here.
import { z } from "zod";

/** The Postgres NOTIFY channel the ingest path announces stored events on. */
export const INBOX_EVENTS_CHANNEL = "inbox_events";

export const storedEventSchema = z.object({ endpointId: z.string(), eventId: z.string() });
export type StoredEvent = z.infer<typeof storedEventSchema>;

/** The NOTIFY payload and the data of an SSE `events` message. */
export const storedEventsMessageSchema = z.object({ events: z.array(storedEventSchema) });
export type StoredEventsMessage = z.infer<typeof storedEventsMessageSchema>;

/** SSE event names of GET /api/events/stream. */
export const STREAM_EVENTS = "events";
/** Notifications may have been missed (listener reconnected): refetch. */
export const STREAM_RESET = "reset";
