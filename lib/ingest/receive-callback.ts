// The ingest path (DESIGN.md 5): endpoint by key -> body within the cap -> verify
// the raw bytes -> read the payload with the endpoint's preset -> one atomic write
// -> answer. Nothing is answered 2xx before the write commits; when the database
// cannot take it the caller answers 503 with Retry-After so the sender retries.
// Two ways in share every step: a callback over HTTP (receiveCallback, /in/<key>)
// and one built in this process (receiveOwnCallback, the dashboard's test callback),
// so a test callback is stored, announced and forwarded exactly like a real one.
import { isDatabaseUnavailable } from "@/lib/db/errors";
import type { IngestEndpoint } from "@/lib/endpoints/types";
import { AppError } from "@/lib/http/app-error";
import { databaseUnavailable } from "@/lib/http/error-response";
import { clientAddress } from "@/lib/http/client-address";
import { pairRawHeaders, type HeaderList } from "@/lib/http/header-list";
import { currentRawRequest } from "@/lib/http/request-context";
import { wakeOutboxRelay } from "@/lib/forwarding/outbox-relay";
import { announceStoredEvent } from "@/lib/live/announce-events";
import { findEndpointForIngest } from "@/lib/endpoints/endpoint-cache";
import { appMetrics } from "@/lib/metrics/app-metrics";
import { isEndpointKey } from "./endpoint-key";
import { payloadTooLarge, readBodyWithinLimit } from "./read-body";
import { verifyAndStore, type ArrivedCallback, type StoredCallback } from "./verify-and-store";

/** The endpoint that takes callbacks at this key: unknown keys and archived endpoints are refused. */
export async function findOpenEndpoint(key: string): Promise<IngestEndpoint> {
  const endpoint = isEndpointKey(key)
    ? await findEndpointForIngest(key).catch(asUnavailable)
    : null;
  if (!endpoint) throw new AppError("not_found", "no endpoint has this ingest URL");
  if (endpoint.archivedAt)
    throw new AppError(
      "endpoint_archived",
      "this endpoint was archived and no longer accepts callbacks",
    );
  return endpoint;
}

export async function receiveCallback(request: Request, key: string): Promise<StoredCallback> {
  const receivedAt = new Date();
  const endpoint = await findOpenEndpoint(key);
  const body = await readBodyWithinLimit(request, endpoint.bodyLimitBytes);
  const raw = describeRequest(request, key);
  return accept(endpoint, {
    receivedAt,
    method: request.method,
    path: raw.path,
    query: raw.query,
    headers: raw.headers,
    body,
    sourceIp: raw.sourceIp,
  });
}

/**
 * A POST to the bare ingest URL made in this process, for an endpoint from
 * findOpenEndpoint. There is no peer, so its source address is unknown (null)
 * rather than a made-up one.
 */
export async function receiveOwnCallback(
  endpoint: IngestEndpoint,
  request: { headers: HeaderList; body: Buffer },
): Promise<StoredCallback> {
  const receivedAt = new Date();
  if (request.body.byteLength > endpoint.bodyLimitBytes)
    throw payloadTooLarge(endpoint.bodyLimitBytes);
  return accept(endpoint, {
    receivedAt,
    method: "POST",
    path: "",
    query: "",
    headers: request.headers,
    body: request.body,
    sourceIp: null,
  });
}

/** Everything after the body is read, in one place so the two ways in cannot drift. */
async function accept(
  endpoint: IngestEndpoint,
  callback: ArrivedCallback,
): Promise<StoredCallback> {
  const stored = await verifyAndStore(endpoint, callback, { limited: true }).catch(asUnavailable);
  countStored(stored);
  // Committed: tell open Inbox pages (batched, after commit, not awaited).
  announceStoredEvent({ endpointId: endpoint.id, eventId: stored.eventId });
  // The ingest statement queued any forwards already (the outbox): hand them to the
  // relay now instead of at its next safety-net round.
  if (stored.forwardQueued) wakeOutboxRelay();

  return stored;
}

function countStored(stored: StoredCallback): void {
  const metrics = appMetrics();
  const { endpointId: endpoint_id } = stored;
  metrics.callbacksReceived.inc({
    endpoint_id,
    provider: stored.provider,
    verification: stored.verification,
    status: stored.status,
  });
  if (stored.eventCreated) metrics.eventsCreated.inc({ endpoint_id });
  if (stored.jobCreated) metrics.jobsCreated.inc({ endpoint_id });
}

function asUnavailable(error: unknown): never {
  if (isDatabaseUnavailable(error))
    throw databaseUnavailable(
      "the callback was not stored because the database is unavailable; retry later",
      error,
    );
  throw error;
}

/** Headers in arrival order, sub-path and query as sent, and the client's address. */
function describeRequest(
  request: Request,
  key: string,
): { headers: HeaderList; path: string; query: string; sourceIp: string | null } {
  const raw = currentRawRequest();
  // Outside our server (e.g. `next dev` alone) only the merged Fetch headers exist.
  const headers = raw ? pairRawHeaders(raw.rawHeaders) : [...request.headers.entries()];
  const target = raw?.rawUrl ?? new URL(request.url).pathname + new URL(request.url).search;
  const queryAt = target.indexOf("?");
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
  const prefix = `/in/${key}`;
  return {
    headers,
    path: pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname,
    query: queryAt === -1 ? "" : target.slice(queryAt + 1),
    sourceIp: clientAddress(raw),
  };
}
