import { z } from "zod";
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
