// The API shape of forward and replay attempts (and of what came back from any outbound
// request, shared with polls).
import { z } from "zod";
import { headerListSchema, timestampSchema } from "@/lib/http/response-schemas";

/** What came back: the body as text when it decodes as UTF-8, else base64 (responseBodyEncoding). */
export const outboundResponseSchema = z.object({
  responseStatus: z.number().int().nullable(),
  /** Credential values masked. */
  responseHeaders: headerListSchema.nullable(),
  responseBody: z.string().nullable(),
  responseBodyEncoding: z.enum(["utf8", "base64"]).nullable(),
  responseTruncated: z.boolean(),
  durationMs: z.number().int().nullable(),
});
export type OutboundResponse = z.infer<typeof outboundResponseSchema>;

export const attemptResponseSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  deliveryId: z.string(),
  destinationId: z.string().nullable(),
  batchId: z.string().nullable(),
  url: z.string(),
  method: z.string(),
  requestHeaders: headerListSchema.nullable(),
  bodySha256: z.string(),
  /** succeeded | failed | blocked (the address check refused the target) | pending. */
  status: z.string(),
  ...outboundResponseSchema.shape,
  error: z.string().nullable(),
  attemptNumber: z.number().int(),
  trigger: z.string(),
  nextRetryAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});
export type AttemptResponse = z.infer<typeof attemptResponseSchema>;
