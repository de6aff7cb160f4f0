import { z } from "zod";
import { timestampSchema } from "@/lib/http/response-schemas";
import { parseOutboundUrl } from "@/lib/outbound/guarded-fetch";

export const resignModes = ["none", "standard-webhooks", "provider"] as const;
export type ResignMode = (typeof resignModes)[number];
/**
 * Which events a destination takes: "verified" (signature checked out), "accepted"
 * (verified or unsigned: everything but a failed signature), "all" (failed ones too,
 * as received). See lib/forwarding/forward-filter.ts.
 */
export const forwardFilters = ["verified", "accepted", "all"] as const;
export type ForwardFilter = (typeof forwardFilters)[number];

/** An absolute http(s) URL (the outbound client's own rule), at most 2,000 characters. */
export const outboundUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      parseOutboundUrl(value);
      return true;
    } catch {
      return false;
    }
  }, "must be an absolute http(s) URL");

const secretSchema = z.string().min(1).max(1024);

export const createDestinationSchema = z.object({
  url: outboundUrlSchema,
  enabled: z.boolean().default(true),
  /** Write-only; used when `resign` is not "none". */
  signingSecret: secretSchema.nullable().optional(),
  resign: z.enum(resignModes).default("none"),
  /**
   * "accepted" (default): every event but one that failed verification, so callbacks of
   * a provider that cannot sign (Clipzy, Descript) are forwarded too.
   */
  forward: z.enum(forwardFilters).default("accepted"),
});
export type CreateDestinationInput = z.infer<typeof createDestinationSchema>;

export const updateDestinationSchema = z.object({
  url: outboundUrlSchema.optional(),
  enabled: z.boolean().optional(),
  /** null removes the secret. */
  signingSecret: secretSchema.nullable().optional(),
  resign: z.enum(resignModes).optional(),
  forward: z.enum(forwardFilters).optional(),
});
export type UpdateDestinationInput = z.infer<typeof updateDestinationSchema>;

/** The signing secret never leaves, only whether one is set. */
export const destinationResponseSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  hasSigningSecret: z.boolean(),
  resign: z.string().meta({ description: resignModes.join(" | ") }),
  forward: z.string().meta({ description: forwardFilters.join(" | ") }),
  disabledReason: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type DestinationResponse = z.infer<typeof destinationResponseSchema>;
