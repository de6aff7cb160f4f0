// The body of GET /api/endpoints/<id>/deliveries/stream: one endpoint's deliveries as
// SSE, in feed order (lib/deliveries/data.ts), each message's id its feed position, so
// a client that reconnects with Last-Event-ID continues exactly where it stopped.
// What wakes the stream up: the Inbox's stored-event notifications for this endpoint
// (Postgres NOTIFY from any app process), the LISTEN connection (re)starting, a short
// timer while committed deliveries wait behind an older transaction, and every
// heartbeat, because a notification can be lost (they are best effort) and nothing
// else would say that a delivery is waiting.
import { readDeliveryFeed, type FeedDelivery } from "@/lib/deliveries/data";
import { encodeFeedPosition, type FeedPosition } from "@/lib/deliveries/feed-position";
import { FEED_DELIVERY, FEED_READY } from "@/lib/deliveries/schema";
import { serializeFeedDelivery } from "@/lib/deliveries/serialize";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { subscribeToInboxFeed } from "./inbox-feed";
import { sseMessage, sseRetry } from "./sse";
import { sseResponse, type SseOptions } from "./sse-response";
import { getLogger } from "@/lib/log/logger";

const RECONNECT_AFTER_MS = 2_000;
const PAGE_SIZE = 50;
/** Waiting behind another transaction lasts milliseconds as a rule: look again soon. */
const HELD_BACK_RETRY_MS = 250;
/** After a failed read (database away): the next heartbeat or notification retries, or this. */
const FAILED_READ_RETRY_MS = 2_000;

export type DeliveryStreamOptions = { endpointId: string; start: FeedPosition; since: Date | null };

export function deliveryStream(
  options: DeliveryStreamOptions,
  signal: AbortSignal,
  sse: SseOptions = {},
): Response {
  const { endpointId, since } = options;
  return sseResponse(
    signal,
    (channel) => {
      let position = options.start;
      let reading = false;
      let readAgain = false;
      let retryTimer: ReturnType<typeof setTimeout> | null = null;

      const retryIn = (ms: number) => {
        if (retryTimer || !channel.isOpen()) return;
        retryTimer = setTimeout(() => {
          retryTimer = null;
          pump();
        }, ms);
      };

      // Sends every readable delivery after `position`, page by page, waiting for a slow
      // client between pages so a long backlog is never held in memory.
      const drain = async (): Promise<void> => {
        for (;;) {
          await channel.drained();
          if (!channel.isOpen()) return;
          let page;
          try {
            page = await readDeliveryFeed(endpointId, position, { since, limit: PAGE_SIZE });
          } catch (error) {
            if (!isDatabaseUnavailable(error))
              getLogger().error(
                { err: error, endpointId },
                "delivery stream: reading the feed failed",
              );
            return retryIn(FAILED_READ_RETRY_MS);
          }
          for (const delivery of page.deliveries) {
            position = positionOf(delivery);
            channel.send(
              sseMessage(
                FEED_DELIVERY,
                serializeFeedDelivery(delivery),
                encodeFeedPosition(position),
              ),
            );
          }
          if (page.heldBack) return retryIn(HELD_BACK_RETRY_MS);
          if (page.deliveries.length < PAGE_SIZE) return;
        }
      };

      // One reader at a time; a wake-up during a read makes it read once more after.
      const pump = () => {
        if (reading) {
          readAgain = true;
          return;
        }
        reading = true;
        void drain().finally(() => {
          reading = false;
          if (readAgain && channel.isOpen()) {
            readAgain = false;
            pump();
          }
        });
      };

      channel.send(
        sseRetry(RECONNECT_AFTER_MS) +
          sseMessage(
            FEED_READY,
            { endpointId, position: encodeFeedPosition(position) },
            encodeFeedPosition(position),
          ),
      );
      // The first onReset (now, or once this process is LISTENing) starts the first read.
      const unsubscribe = subscribeToInboxFeed({
        onEvents: (events) => {
          if (events.some((event) => event.endpointId === endpointId)) pump();
        },
        onReset: pump,
      });
      return {
        onHeartbeat: pump,
        stop: () => {
          unsubscribe();
          if (retryTimer) clearTimeout(retryTimer);
        },
      };
    },
    sse,
  );
}

const positionOf = (delivery: FeedDelivery): FeedPosition => ({
  xactId: delivery.xactId,
  id: delivery.id,
});
