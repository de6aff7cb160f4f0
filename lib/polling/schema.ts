// Polling settings of an endpoint: where its provider's job-status API is and how we
// authenticate there. The credential itself is write-only and sealed (lib/secrets).
import { z } from "zod";
import { outboundUrlSchema } from "@/lib/destinations/schema";
import { outboundResponseSchema } from "@/lib/attempts/schema";
import { jsonValueSchema, timestampSchema } from "@/lib/http/response-schemas";
import { headerNameSchema } from "@/lib/verify/schema";

export const JOB_ID_PLACEHOLDER = "{jobId}";

/** "/v1/jobs/{jobId}", "/v2/movies?project={jobId}": a path (and query) naming the job once or more. */
const pathTemplateSchema = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((value) => value.startsWith("/"), "must start with /")
  .refine((value) => value.includes(JOB_ID_PLACEHOLDER), `must contain ${JOB_ID_PLACEHOLDER}`);

export const pollingSettingsSchema = z.object({
  /** Scheme and host (and a base path for self-hosted APIs), e.g. https://descriptapi.com. */
  baseUrl: outboundUrlSchema,
  pathTemplate: pathTemplateSchema,
  /** Header that carries the credential, e.g. Authorization; null = none is sent. */
  credentialHeader: headerNameSchema.nullable(),
  /** Written before the credential, e.g. "Bearer ". */
  credentialPrefix: z
    .string()
    .max(50)
    .regex(/^[\x20-\x7e]*$/, "must be printable ASCII"),
});
export type PollingSettings = z.infer<typeof pollingSettingsSchema>;

/** Up to a week: beyond it a job is not "late", it is lost. */
export const MAX_EXPECT_TERMINAL_MINUTES = 7 * 24 * 60;

export const putPollingSchema = z.strictObject({
  baseUrl: outboundUrlSchema,
  pathTemplate: pathTemplateSchema,
  credentialHeader: headerNameSchema.nullable().default(null),
  credentialPrefix: pollingSettingsSchema.shape.credentialPrefix.default(""),
  /** Omitted: keep the stored one; null: remove it. Never returned. */
  credential: z
    .string()
    .min(1)
    .max(4096)
    .regex(/^[\x20-\x7e]+$/, "must be printable ASCII (it is sent in a header)")
    .nullable()
    .optional(),
  /** Poll jobs still unfinished this many minutes after their first callback; null = off. */
  expectTerminalMinutes: z
    .number()
    .int()
    .min(1)
    .max(MAX_EXPECT_TERMINAL_MINUTES)
    .nullable()
    .default(null),
});
export type PutPollingInput = z.infer<typeof putPollingSchema>;

/** GET/PUT /api/endpoints/<id>/polling: the settings (never the credential) and what the preset's docs give. */
export const pollingSettingsResponseSchema = z.object({
  enabled: z.boolean(),
  baseUrl: z.string().nullable(),
  pathTemplate: z.string().nullable(),
  credentialHeader: z.string().nullable(),
  credentialPrefix: z.string(),
  hasCredential: z.boolean(),
  expectTerminalMinutes: z.number().int().nullable(),
  /** What the provider's docs give (null where they say nothing) and what the user must fill in. */
  preset: z.object({
    baseUrl: z.string().nullable(),
    pathTemplate: z.string().nullable(),
    credentialHeader: z.string().nullable(),
    credentialPrefix: z.string(),
    notes: z.string(),
  }),
});
export type PollingSettingsResponse = z.infer<typeof pollingSettingsResponseSchema>;

export const pollResponseSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  endpointId: z.string(),
  trigger: z.string(),
  url: z.string(),
  /** As sent, the credential masked. */
  requestHeaders: jsonValueSchema,
  outcome: z.string(),
  ...outboundResponseSchema.shape,
  error: z.string().nullable(),
  payload: jsonValueSchema,
  state: z.string().nullable(),
  providerTimestamp: timestampSchema.nullable(),
  outputUrl: z.string().nullable(),
  /** The event made from this answer for destinations that missed the callback. */
  synthesizedEventId: z.string().nullable(),
  createdAt: timestampSchema,
});
export type PollResponse = z.infer<typeof pollResponseSchema>;
