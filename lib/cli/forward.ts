// `webhook-inbox forward`: streams one endpoint's deliveries from the inbox (SSE,
// GET /api/endpoints/<id>/deliveries/stream) and re-sends each to a local URL, body
// byte for byte and headers in their original order, printing one line per delivery.
// The position of the last delivery handled is kept in memory; after a dropped
// connection, a server restart or a laptop that slept, the stream is reopened with it
// as Last-Event-ID and continues exactly there (the server's feed order guarantees
// that nothing committed later can land behind it). A delivery the local app refused
// or did not answer is reported, not retried: the inbox keeps it for a replay.
import { decodeFeedPosition } from "@/lib/deliveries/feed-position";
import {
  streamedDeliverySchema,
  FEED_DELIVERY,
  FEED_READY,
  type StreamedDelivery,
} from "@/lib/deliveries/schema";
import { CliError } from "./cli-error";
import { resentRequest } from "./resent-request";
import {
  InboxRefusal,
  notAnInbox,
  refusalOf,
  requestInbox,
  type ApiAnswer,
  type InboxConnection,
} from "./inbox-api";
import { sendRequest } from "./send-request";
import { readSseEvents } from "./sse-reader";

export type ForwardOptions = {
  inbox: InboxConnection;
  endpointId: string;
  target: URL;
  /** Start with the deliveries received since then (otherwise: from now on). */
  since: Date | null;
};

export type Output = {
  /** One line per delivery (stdout). */
  delivery(line: string): void;
  /** Progress and problems (stderr). */
  note(line: string): void;
};

/** The server sends a heartbeat every 15 s; this long without a byte means the connection is dead. */
const IDLE_LIMIT_MS = 45_000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

type EndpointInfo = ApiAnswer<"/api/endpoints/{id}", "get", 200>;

/** Runs until `signal` aborts; throws CliError when it cannot start or the inbox refuses for good. */
export async function forward(
  options: ForwardOptions,
  output: Output,
  signal: AbortSignal,
): Promise<{ forwarded: number }> {
  const endpoint = await fetchEndpoint(options);
  output.note(
    `Forwarding ${endpoint.name} (${endpoint.provider}, ${endpoint.id}) to ${options.target.href}. Ctrl-C stops.`,
  );
  if (endpoint.archivedAt)
    output.note(
      "This endpoint is archived: its ingest URL refuses new callbacks, so only older deliveries (--since) can come.",
    );

  const state = { position: null as string | null, forwarded: 0, connections: 0 };
  let failures = 0;
  while (!signal.aborted) {
    let reason: string;
    try {
      await streamOnce(options, state, output, signal, () => (failures = 0));
      reason = "the inbox closed the stream";
    } catch (error) {
      if (signal.aborted) break;
      if (error instanceof InboxRefusal || !(error instanceof Error)) throw error;
      reason = error.message;
    }
    if (signal.aborted) break;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++);
    output.note(`Connection lost (${reason}); reconnecting in ${(delay / 1000).toFixed(1)} s.`);
    await sleep(delay, signal);
  }
  return { forwarded: state.forwarded };
}

async function fetchEndpoint(options: ForwardOptions): Promise<EndpointInfo> {
  const response = await requestInbox(
    options.inbox,
    `api/endpoints/${encodeURIComponent(options.endpointId)}`,
  );
  if (!response.ok)
    throw await refusalOf(response, options.inbox, `endpoint ${options.endpointId}`);
  const endpoint = (await response.json().catch(() => null)) as EndpointInfo | null;
  if (typeof endpoint?.id !== "string") throw notAnInbox(options.inbox);
  return endpoint;
}

type StreamState = { position: string | null; forwarded: number; connections: number };

/** One connection: returns when the server ends the stream, throws when it breaks. */
async function streamOnce(
  options: ForwardOptions,
  state: StreamState,
  output: Output,
  signal: AbortSignal,
  onConnected: () => void,
): Promise<void> {
  const connection = new AbortController();
  const stopConnection = () => connection.abort();
  signal.addEventListener("abort", stopConnection, { once: true });
  let idle: ReturnType<typeof setTimeout> | undefined;
  const alive = () => {
    clearTimeout(idle);
    idle = setTimeout(
      () =>
        connection.abort(new CliError(`no heartbeat from the inbox for ${IDLE_LIMIT_MS / 1000} s`)),
      IDLE_LIMIT_MS,
    );
  };
  try {
    alive();
    const resuming = state.position !== null;
    const query =
      !resuming && options.since ? `?since=${encodeURIComponent(options.since.toISOString())}` : "";
    const response = await requestInbox(
      options.inbox,
      `api/endpoints/${encodeURIComponent(options.endpointId)}/deliveries/stream${query}`,
      {
        headers: {
          accept: "text/event-stream",
          ...(state.position === null ? {} : { "last-event-id": state.position }),
        },
        signal: connection.signal,
      },
    );
    if (!response.ok || !response.body) {
      // 5xx (starting, database away) passes; a refused token or a deleted endpoint does not.
      throw await refusalOf(response, options.inbox, `endpoint ${options.endpointId}`);
    }
    if (!response.headers.get("content-type")?.startsWith("text/event-stream"))
      throw notAnInbox(options.inbox);
    for await (const message of readSseEvents(response.body, alive)) {
      if (message.event === FEED_READY) {
        onConnected();
        state.connections += 1;
        if (state.connections === 1)
          output.note(
            options.since && !resuming
              ? `Connected; sending deliveries since ${options.since.toISOString()}.`
              : "Connected; waiting for deliveries.",
          );
        else output.note(`Reconnected; resuming after ${describePosition(message.lastEventId)}.`);
      } else if (message.event === FEED_DELIVERY) {
        const delivery = streamedDeliverySchema.parse(JSON.parse(message.data));
        await forwardDelivery(delivery, options, output, connection.signal);
        state.forwarded += 1;
      }
      state.position = message.lastEventId;
      alive();
    }
  } catch (error) {
    // An abort carries the watchdog's reason, or is the user's Ctrl-C.
    throw connection.signal.aborted && connection.signal.reason instanceof Error
      ? connection.signal.reason
      : error;
  } finally {
    clearTimeout(idle);
    signal.removeEventListener("abort", stopConnection);
  }
}

async function forwardDelivery(
  delivery: StreamedDelivery,
  options: ForwardOptions,
  output: Output,
  signal: AbortSignal,
): Promise<void> {
  const body =
    delivery.bodyBase64 === null
      ? await fetchRawBody(delivery.id, options.inbox, signal)
      : Buffer.from(delivery.bodyBase64, "base64");
  const { path, headers } = resentRequest(delivery, options.target);
  const outcome = await sendRequest({
    url: options.target,
    path,
    method: delivery.method,
    headers,
    body,
  });
  const time = new Date(delivery.receivedAt).toTimeString().slice(0, 8);
  const note = delivery.verification === "failed" ? "  (failed verification at the inbox)" : "";
  const result = outcome.ok
    ? `${outcome.status}  ${outcome.durationMs} ms`
    : `error: ${outcome.error}`;
  output.delivery(`${time}  ${delivery.method} ${path}  ${delivery.id}  -> ${result}${note}`);
}

async function fetchRawBody(
  deliveryId: string,
  inbox: InboxConnection,
  signal: AbortSignal,
): Promise<Buffer> {
  const response = await requestInbox(
    inbox,
    `api/deliveries/${encodeURIComponent(deliveryId)}/raw`,
    { signal },
  );
  if (!response.ok) throw await refusalOf(response, inbox, `delivery ${deliveryId}`);
  return Buffer.from(await response.arrayBuffer());
}

function describePosition(position: string): string {
  const { id } = decodeFeedPosition(position);
  return id ? `delivery ${id}` : "the start of the stream";
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
