// `webhook-inbox export`: GET /api/events/export streamed to a writable (stdout), chunk
// by chunk with the writable's backpressure, so an export of any size runs in constant
// memory. Filters are the names of GET /api/events (endpointId=..., verification=...).
import type { Writable } from "node:stream";
import { once } from "node:events";
import { eventFilterNames } from "@/lib/events/filter-names";
import { CliError } from "./cli-error";
import { refusalOf, requestInbox, type InboxConnection } from "./inbox-api";

/** "name=value" or "a=1&b=2" (several --filter options add up) as search params. */
export function parseExportFilters(filters: readonly string[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const filter of filters) {
    for (const [name, value] of new URLSearchParams(filter)) {
      if (!(eventFilterNames as readonly string[]).includes(name))
        throw new CliError(
          `unknown filter "${name}"; use ${eventFilterNames.join(", ")} (as name=value)`,
        );
      params.set(name, value);
    }
  }
  return params;
}

/** Writes the NDJSON to `out`; returns the number of events (lines). */
export async function exportEvents(
  inbox: InboxConnection,
  filters: URLSearchParams,
  out: Writable,
): Promise<number> {
  const query = filters.toString();
  const response = await requestInbox(inbox, `/api/events/export${query ? `?${query}` : ""}`);
  if (!response.ok) throw await refusalOf(response, inbox, "the filter's endpoint or job");
  if (!response.body) return 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    for (const byte of chunk) if (byte === 0x0a) lines++;
    if (!out.write(chunk)) await once(out, "drain");
  }
  return lines;
}
