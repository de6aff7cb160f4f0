// The event list's filter names, in the order the Inbox puts them in its URL and shows
// them. A module of its own (no zod) so the Inbox's client components can share the one
// list with GET /api/events, the export and the CLI; lib/events/schema.ts checks at
// compile time that its filter schema has exactly these keys.
export const eventFilterNames = [
  "q",
  "endpointId",
  "provider",
  "verification",
  "jobState",
  "type",
  "from",
  "to",
  "jobId",
] as const;

export type EventFilterName = (typeof eventFilterNames)[number];
