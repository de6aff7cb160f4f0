// What the CLI's re-senders (`forward`, `replay-fixture`) send for a delivery the inbox
// gave them: its sub-path and query after --to's, its headers in order without hop-by-hop
// ones, and without the credentials the inbox masked (in headers or in the query). A mask
// sent on would only fail the local app's check in a confusing way.
import { queryParamName } from "@/lib/http/credential-query";
import { withInboxIds, withoutHopHeaders } from "@/lib/http/hop-headers";

type ResentDelivery = {
  id: string;
  eventId: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  maskedHeaders: string[];
  maskedQueryParams: string[];
};

export function resentRequest(
  delivery: ResentDelivery,
  to: URL,
): { path: string; headers: Array<[string, string]> } {
  const maskedHeaders = new Set(delivery.maskedHeaders);
  const sent = withoutHopHeaders(delivery.headers).filter(
    ([name]) => !maskedHeaders.has(name.toLowerCase()),
  );
  return {
    path: targetPath(to, delivery.path, withoutParams(delivery.query, delivery.maskedQueryParams)),
    headers: withInboxIds(sent, { eventId: delivery.eventId, deliveryId: delivery.id }),
  };
}

/**
 * The local request target: the --to URL's path with the delivery's sub-path (what came
 * after /in/<key>) appended, and its query joined to --to's own. Kept as sent, not
 * re-encoded by URL parsing.
 */
export function targetPath(target: URL, subPath: string, query: string): string {
  const path = subPath ? target.pathname.replace(/\/+$/, "") + subPath : target.pathname;
  const search = [target.search.replace(/^\?/, ""), query].filter(Boolean).join("&");
  return search ? `${path}?${search}` : path;
}

/** The query without the named parameters (lower-case decoded names), the rest byte for byte. */
function withoutParams(query: string, names: string[]): string {
  if (names.length === 0) return query;
  const dropped = new Set(names);
  return query
    .split("&")
    .filter((part) => !dropped.has(queryParamName(part) ?? ""))
    .join("&");
}
