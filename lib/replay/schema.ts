import { z } from "zod";
import { outboundUrlSchema, resignModes } from "@/lib/destinations/schema";
import { eventFiltersSchema } from "@/lib/events/schema";
import { AppError } from "@/lib/http/app-error";
import { idSchema } from "@/lib/ids/schema";

const resignSchema = z.union([z.boolean(), z.enum(resignModes)]).optional();
const oneTarget = (value: { url?: string | undefined; destinationId?: string | undefined }) =>
  (value.url === undefined) !== (value.destinationId === undefined);
const oneTargetMessage = { message: "give exactly one of url and destinationId", path: ["url"] };

export const replayEventSchema = z
  .object({
    url: outboundUrlSchema.optional(),
    destinationId: idSchema.optional(),
    deliveryId: idSchema.optional(),
    resign: resignSchema,
  })
  .refine(oneTarget, oneTargetMessage);

/** Idempotency-Key header: any printable key up to 200 characters. */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII");

/** The Idempotency-Key header's value, null when none was sent. */
export function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  const key = idempotencyKeySchema.safeParse(header);
  if (!key.success)
    throw new AppError(
      "validation_failed",
      "Idempotency-Key: must be 1 to 200 printable characters",
    );
  return key.data;
}

/** At most this many events per bulk replay; narrow the filter beyond it. */
export const BULK_REPLAY_CAP = 10_000;

export const bulkReplaySchema = z
  .object({
    filter: eventFiltersSchema.default({}),
    url: outboundUrlSchema.optional(),
    destinationId: idSchema.optional(),
    resign: resignSchema,
  })
  .refine(oneTarget, oneTargetMessage);
