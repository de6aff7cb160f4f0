// Re-sending a stored request (forwarding, replay, the CLI's `forward`): which of its
// headers described the original hop rather than the callback, and the headers that
// name the inbox delivery it came from.
import { headerValues, type HeaderList } from "./header-list";

/** Headers that describe one hop or the framing of the original request, not the callback. */
const NOT_FORWARDED = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "upgrade",
  "expect",
  // The original sender's client negotiated this; our client decides what it accepts.
  "accept-encoding",
]);

/** The headers in order, minus hop-by-hop and framing ones and those the Connection header named. */
export function withoutHopHeaders(headers: HeaderList): Array<[string, string]> {
  const perConnection = new Set(
    headerValues(headers, "connection")
      .flatMap((value) => value.split(","))
      .map((name) => name.trim().toLowerCase()),
  );
  return headers
    .filter(([name]) => {
      const lower = name.toLowerCase();
      return !NOT_FORWARDED.has(lower) && !perConnection.has(lower);
    })
    .map(([name, value]) => [name, value]);
}

/**
 * Appends X-Inbox-Event-Id and X-Inbox-Delivery-Id (a receiver can dedupe on them),
 * dropping any x-inbox-* header the original sender made up.
 */
export function withInboxIds(
  headers: HeaderList,
  ids: { eventId: string; deliveryId: string },
): Array<[string, string]> {
  return [
    ...headers
      .filter(([name]) => !name.toLowerCase().startsWith("x-inbox-"))
      .map(([name, value]): [string, string] => [name, value]),
    ["X-Inbox-Event-Id", ids.eventId],
    ["X-Inbox-Delivery-Id", ids.deliveryId],
  ];
}
