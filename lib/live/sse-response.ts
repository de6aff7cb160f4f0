// The plumbing every Server-Sent Events route shares: a streamed Response, a heartbeat
// comment every 15 s (proxies and clients drop a silent connection), backpressure for
// streams that send backlogs, clean-up as soon as the client goes away, whichever
// way that is noticed first (request aborted, stream cancelled, enqueue failing), and
// with each heartbeat a check that the caller may still listen: a stream outlives the
// request that authorised it, so a revoked token or session must end it too.
import { sseComment } from "./sse";
import { getLogger } from "@/lib/log/logger";

const HEARTBEAT_MS = 15_000;
/** Messages queued for a slow client before `drained()` makes a sender wait. */
const QUEUED_MESSAGES = 16;

export type SseChannel = {
  /** Queues SSE text for the client; does nothing once the stream stopped. */
  send(text: string): void;
  /** Resolves when the client has taken enough of what was queued (or the stream stopped). */
  drained(): Promise<void>;
  isOpen(): boolean;
};

export type SseSession = {
  /** Runs with every heartbeat, for streams that also poll. */
  onHeartbeat?: () => void;
  /** Releases what the session holds (subscriptions, timers). */
  stop: () => void;
};

export type SseOptions = {
  /**
   * Asked with every heartbeat (so at most 15 s after a revocation, plus the check's
   * own time); false ends the stream. Should say true when it cannot tell (database
   * away): the client would only reconnect and be refused or let in the same way.
   */
  isStillAllowed?: () => Promise<boolean>;
};

export function sseResponse(
  signal: AbortSignal,
  open: (channel: SseChannel) => SseSession,
  options: SseOptions = {},
): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  let wakeWaiters = () => {};
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let stopped = false;
        let waiters: Array<() => void> = [];
        wakeWaiters = () => {
          const woken = waiters;
          waiters = [];
          for (const wake of woken) wake();
        };
        const channel: SseChannel = {
          send(text) {
            if (stopped) return;
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              stop();
            }
          },
          drained() {
            if (stopped || (controller.desiredSize ?? 0) > 0) return Promise.resolve();
            return new Promise((resolve) => waiters.push(resolve));
          },
          isOpen: () => !stopped,
        };
        let session: SseSession | null = null;
        let checking = false;
        const recheck = () => {
          const { isStillAllowed } = options;
          if (!isStillAllowed || checking) return;
          checking = true;
          isStillAllowed()
            .then((allowed) => {
              if (!allowed) stop();
            })
            .catch((error: unknown) =>
              getLogger().error({ err: error }, "a live stream could not recheck its caller"),
            )
            .finally(() => (checking = false));
        };
        const heartbeat = setInterval(() => {
          channel.send(sseComment("heartbeat"));
          session?.onHeartbeat?.();
          recheck();
        }, HEARTBEAT_MS);
        stop = () => {
          if (stopped) return;
          stopped = true;
          clearInterval(heartbeat);
          session?.stop();
          signal.removeEventListener("abort", stop);
          wakeWaiters();
          try {
            controller.close();
          } catch {
            // already closed or errored by the runtime
          }
        };
        signal.addEventListener("abort", stop, { once: true });
        if (signal.aborted) return stop();
        session = open(channel);
        // open() may have found the client gone already.
        if (stopped) session.stop();
      },
      pull() {
        wakeWaiters();
      },
      cancel() {
        stop();
      },
    },
    new CountQueuingStrategy({ highWaterMark: QUEUED_MESSAGES }),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would buffer the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
