// Verification settings of an endpoint (no secrets here: those are stored apart and
// are write-only). The zod schemas are the source of the types.
import { z } from "zod";

/** An HTTP header name (RFC 9110 token), stored lower-case. */
export const headerNameSchema = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, "must be a valid HTTP header name")
  .transform((s) => s.toLowerCase());

export const verificationSchemes = ["standard-webhooks", "hmac", "token", "none"] as const;
export type VerificationScheme = (typeof verificationSchemes)[number];

export const verificationConfigSchema = z.discriminatedUnion("scheme", [
  z.object({
    scheme: z.literal("standard-webhooks"),
    /** Allowed clock difference either way, in seconds. */
    toleranceSeconds: z.number().int().min(1).max(86_400).default(300),
  }),
  z.object({
    scheme: z.literal("hmac"),
    header: headerNameSchema,
    algorithm: z.enum(["sha256", "sha1", "sha512"]).default("sha256"),
    encoding: z.enum(["hex", "base64"]).default("hex"),
    /** Text before the digest in the header, e.g. "sha256=". */
    prefix: z.string().max(32).default(""),
  }),
  z.object({
    scheme: z.literal("token"),
    /** Header carrying the shared token; "authorization" also accepts "Bearer <token>". */
    header: headerNameSchema.default("authorization"),
  }),
  z.object({ scheme: z.literal("none") }),
]);

export type VerificationConfig = z.infer<typeof verificationConfigSchema>;

/** At most this many active secrets per endpoint (old and new during a rotation). */
export const MAX_SECRETS = 10;

export const secretsSchema = z.array(z.string().min(1).max(1024)).max(MAX_SECRETS);
