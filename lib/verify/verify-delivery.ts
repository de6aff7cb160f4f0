// The one entry point the ingest path calls: dispatch on the endpoint's scheme.
import { verifyHmac } from "./hmac";
import { verifyStandardWebhooks } from "./standard-webhooks";
import { verifyToken } from "./token";
import type { VerificationInput, VerificationResult } from "./types";

export function verifyDelivery(input: VerificationInput): VerificationResult {
  const { config } = input;
  switch (config.scheme) {
    case "standard-webhooks":
      return verifyStandardWebhooks({ ...input, config });
    case "hmac":
      return verifyHmac({ ...input, config });
    case "token":
      return verifyToken({ ...input, config });
    case "none":
      return { outcome: "unsigned", reason: null };
    default: {
      // A new scheme in schema.ts without a case here is a compile error.
      const unknown: never = config;
      return {
        outcome: "failed",
        reason: `unknown verification scheme ${JSON.stringify(unknown)}`,
      };
    }
  }
}
