// The body of GET /api/events/stream: announcements of stored events as SSE. Each
// stream gets a `reset` once this process is LISTENing (at once if it already was):
// from then on every stored event is announced, and the client refetches to cover
// the time before.
import { subscribeToInboxFeed } from "./inbox-feed";
import { STREAM_EVENTS, STREAM_RESET } from "./messages";
import { sseComment, sseMessage, sseRetry } from "./sse";
import { sseResponse, type SseOptions } from "./sse-response";

const RECONNECT_AFTER_MS = 2_000;

export function inboxEventStream(signal: AbortSignal, options: SseOptions = {}): Response {
  return sseResponse(
    signal,
    (channel) => {
      channel.send(sseRetry(RECONNECT_AFTER_MS) + sseComment("connected"));
      const unsubscribe = subscribeToInboxFeed({
        onEvents: (events) => channel.send(sseMessage(STREAM_EVENTS, { events })),
        onReset: () => channel.send(sseMessage(STREAM_RESET, {})),
      });
      return { stop: unsubscribe };
    },
    options,
  );
}
