// The delivery stream's query and its messages. The message schema is shared with the
// CLI (lib/cli), which parses what the server sent with it.
import { z } from "zod";

/** Bodies up to this size travel inside the message (base64); larger ones are fetched from /raw. */
export const INLINE_BODY_BYTES = 64 * 1024;

/** SSE event names of GET /api/endpoints/<id>/deliveries/stream. */
export const FEED_READY = "ready";
export const FEED_DELIVERY = "delivery";

/**
 * `after`: a position the stream sent (a message id), for a client that kept one;
 * `since`: start with the deliveries received from this time on. Without either the
 * stream starts now. A Last-Event-ID header wins over both.
 */
export const deliveryStreamQuerySchema = z.object({
  after: z.string().min(1).max(200).optional(),
  since: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
});

/** `data` of a `delivery` message: everything needed to re-send the request as it arrived, less its credentials. */
export const streamedDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  receivedAt: z.string(),
  method: z.string(),
  /** The sub-path after /in/<key> ("" when none). */
  path: z.string(),
  /** The raw query string without "?" ("" when none), credential values masked. */
  query: z.string(),
  /** As received: [name, value] pairs in arrival order, original case, repeats kept; credential values masked. */
  headers: z.array(z.tuple([z.string(), z.string()])),
  /** Lower-case names whose values are masked ("Bearer ••••abcd"): never re-sent. */
  maskedHeaders: z.array(z.string()),
  /** Lower-case names of query parameters whose values are masked (`token=••••`): never re-sent. */
  maskedQueryParams: z.array(z.string()),
  size: z.number().int(),
  bodySha256: z.string(),
  verification: z.enum(["verified", "failed", "unsigned"]),
  /** The exact body bytes in base64, or null when larger than INLINE_BODY_BYTES (GET /api/deliveries/<id>/raw). */
  bodyBase64: z.string().nullable(),
});
export type StreamedDelivery = z.infer<typeof streamedDeliverySchema>;

/** `data` of the `ready` message that opens every stream (its id is the starting position). */
export const feedReadySchema = z.object({ endpointId: z.string(), position: z.string() });

/** Body of POST /api/deliveries/<id>/headers/reveal. */
export const revealCredentialHeaderSchema = z.object({ name: z.string().trim().min(1).max(200) });

/** Answer of POST /api/deliveries/<id>/headers/reveal: every value the header had, in order. */
export const revealedCredentialHeaderSchema = z.object({
  deliveryId: z.string(),
  name: z.string(),
  values: z.array(z.string()),
});
export type RevealedCredentialHeader = z.infer<typeof revealedCredentialHeaderSchema>;
