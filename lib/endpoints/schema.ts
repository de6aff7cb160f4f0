// Input schemas of the endpoints API. Secret formats depend on the scheme, so the
// final check happens in checkSecretsFitScheme once the scheme is known.
import { z } from "zod";
import { expectTerminalMinutesSchema } from "@/lib/jobs/schema";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { AppError } from "@/lib/http/app-error";
import { jsonValueSchema, timestampSchema } from "@/lib/http/response-schemas";
import { retentionSettingSchema } from "@/lib/retention/schema";
import { extractionConfigSchema, providerIdSchema } from "@/lib/providers/schema";
import { isStandardWebhooksSecret } from "@/lib/verify/standard-webhooks";
import {
  secretsSchema,
  verificationConfigSchema,
  type VerificationConfig,
} from "@/lib/verify/schema";

export const DEFAULT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
/** The body is held in memory while it is verified and stored, so the cap has a ceiling. */
export const MAX_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/** New endpoints take this many callbacks a second; bursts up to RATE_LIMIT_BURST_FACTOR times that. */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 50;
export const MAX_RATE_LIMIT_PER_SECOND = 100_000;
/**
 * The bucket holds this many seconds' worth of callbacks: a provider that sends a batch
 * of job updates at once is not refused while its average stays under the rate.
 */
export const RATE_LIMIT_BURST_FACTOR = 2;

const nameSchema = z.string().trim().min(1).max(200);
const bodyLimitSchema = z.number().int().min(1024).max(MAX_BODY_LIMIT_BYTES);
/** null: no limit. Whole callbacks a second, so Retry-After (whole seconds) is always 1. */
const rateLimitSchema = z.number().int().min(1).max(MAX_RATE_LIMIT_PER_SECOND).nullable();
/**
 * Jobs not finished this long after their last callback (or registration) are overdue,
 * where the polling settings name no expectation; null: only registered jobs, after
 * their own window or 60 minutes (lib/jobs/mutations.ts).
 */
const overdueAfterSchema = expectTerminalMinutesSchema.nullable();

export const createEndpointSchema = z.strictObject({
  name: nameSchema,
  provider: providerIdSchema,
  secrets: secretsSchema.optional(),
  verification: verificationConfigSchema.optional(),
  extraction: extractionConfigSchema.optional(),
  bodyLimitBytes: bodyLimitSchema.optional(),
  rateLimitPerSecond: rateLimitSchema.optional(),
  overdueAfterMinutes: overdueAfterSchema.optional(),
  /** Days deliveries are kept; null = forever; "default" or absent = INBOX_RETENTION_DAYS. */
  retentionDays: retentionSettingSchema.optional(),
});
export type CreateEndpointInput = z.infer<typeof createEndpointSchema>;

export const updateEndpointSchema = z.strictObject({
  name: nameSchema.optional(),
  /** Replaces every secret: send old and new together while rotating. */
  secrets: secretsSchema.optional(),
  verification: verificationConfigSchema.optional(),
  extraction: extractionConfigSchema.nullable().optional(),
  bodyLimitBytes: bodyLimitSchema.optional(),
  rateLimitPerSecond: rateLimitSchema.optional(),
  overdueAfterMinutes: overdueAfterSchema.optional(),
  /** Days deliveries are kept; null = forever; "default" = INBOX_RETENTION_DAYS; absent = unchanged. */
  retentionDays: retentionSettingSchema.optional(),
});
export type UpdateEndpointInput = z.infer<typeof updateEndpointSchema>;

export const listEndpointsSchema = pageParamsSchema.extend({
  archived: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});
export type ListEndpointsQuery = z.infer<typeof listEndpointsSchema>;

export function checkSecretsFitScheme(
  verification: VerificationConfig,
  secrets: readonly string[],
): void {
  if (verification.scheme === "standard-webhooks") {
    const bad = secrets.findIndex((s) => !isStandardWebhooksSecret(s));
    if (bad >= 0) {
      throw new AppError(
        "validation_failed",
        `secrets.${bad}: a Standard Webhooks secret looks like whsec_ followed by base64 (24 to 64 bytes)`,
      );
    }
  }
  if (verification.scheme === "none" && secrets.length > 0) {
    throw new AppError(
      "validation_failed",
      `secrets: the "none" scheme checks nothing; choose token, hmac or standard-webhooks to use secrets`,
    );
  }
}

/** The API shape of an endpoint. Secrets never appear: only how many are active. */
export const endpointResponseSchema = z.object({
  id: z.string(),
  key: z.string(),
  /** Where the provider sends callbacks: INBOX_PUBLIC_URL (else the request's origin) + /in/<key>. */
  ingestUrl: z.string(),
  name: z.string(),
  provider: z.string(),
  /** As saved: the verification settings (no secrets). */
  verification: jsonValueSchema,
  extraction: jsonValueSchema,
  secretCount: z.number().int(),
  bodyLimitBytes: z.number().int(),
  rateLimitPerSecond: z.number().int().nullable(),
  /** Minutes after which an unfinished job counts as overdue (when polling names no expectation). */
  overdueAfterMinutes: z.number().int().nullable(),
  /** "default" (INBOX_RETENTION_DAYS), null (kept forever) or days. */
  retentionDays: z.union([z.literal("default"), z.number().int()]).nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  archivedAt: timestampSchema.nullable(),
});
export type EndpointResponse = z.infer<typeof endpointResponseSchema>;
