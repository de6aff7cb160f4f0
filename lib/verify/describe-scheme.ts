import type { VerificationConfig } from "./schema";

/** One line a person can read: what this scheme checks and where. */
export function describeVerification(config: VerificationConfig): string {
  switch (config.scheme) {
    case "standard-webhooks":
      return `Standard Webhooks signature (webhook-* or svix-* headers), ${config.toleranceSeconds} s tolerance`;
    case "hmac":
      return `HMAC-${config.algorithm.toUpperCase()} of the raw body in ${config.header} (${config.prefix ? `"${config.prefix}" + ` : ""}${config.encoding})`;
    case "token":
      return config.header === "authorization"
        ? "shared token in Authorization: Bearer (optional: unsigned until a token is set)"
        : `shared token in ${config.header} (optional: unsigned until a token is set)`;
    case "none":
      return "no signature; a token can be configured";
  }
}
