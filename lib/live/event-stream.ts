// The body of GET /api/events/stream: announcements of stored events as SSE, a
// heartbeat comment every 15 s, and clean-up (feed subscription, timer) as soon as the
// client goes away, whichever way that is noticed first. Each stream gets a `reset`
// once this process is LISTENing (at once if it already was): from then on every
// stored event is announced, and the client refetches to cover the time before.
import { subscribeToInboxFeed } from "./inbox-feed";
import { STREAM_EVENTS, STREAM_RESET } from "./messages";
import { sseComment, sseMessage, sseRetry } from "./sse";

const HEARTBEAT_MS = 15_000;
const RECONNECT_AFTER_MS = 2_000;

export function inboxEventStream(signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let stopped = false;
      const send = (text: string) => {
        if (stopped) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      let unsubscribe = () => {};
      const heartbeat = setInterval(() => send(sseComment("heartbeat")), HEARTBEAT_MS);
      stop = () => {
        if (stopped) return;
        stopped = true;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed or errored by the runtime
        }
      };
      signal.addEventListener("abort", stop, { once: true });
      if (signal.aborted) return stop();
      send(sseRetry(RECONNECT_AFTER_MS) + sseComment("connected"));
      if (stopped) return;
      unsubscribe = subscribeToInboxFeed({
        onEvents: (events) => send(sseMessage(STREAM_EVENTS, { events })),
        onReset: () => send(sseMessage(STREAM_RESET, {})),
      });
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would buffer the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
