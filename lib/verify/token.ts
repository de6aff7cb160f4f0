// A shared token sent in a header (JSON2Video, Descript and Clipzy presets: they sign
// nothing, but let the customer put a secret in the callback's headers).
import { headerValues } from "@/lib/http/header-list";
import { equalSecretText } from "./constant-time";
import { countOf, displayHeaderName } from "./reason-text";
import type { VerificationConfig } from "./schema";
import type { VerificationInput, VerificationResult } from "./types";

type TokenConfig = Extract<VerificationConfig, { scheme: "token" }>;

/** The tokens a header value may carry: for Authorization both "Bearer <t>" and a bare <t>. */
function presentedTokens(header: string, value: string): string[] {
  const trimmed = value.trim();
  if (header !== "authorization") return [trimmed];
  const bearer = /^bearer\s+(.*)$/is.exec(trimmed);
  return bearer?.[1] !== undefined ? [bearer[1], trimmed] : [trimmed];
}

export function verifyToken(
  input: VerificationInput & { config: TokenConfig },
): VerificationResult {
  const { config, secrets, headers } = input;
  // These providers cannot sign, and a token is something the customer may or may not
  // have added to the callback URL's headers, so the presets make it optional: with no
  // token configured the delivery is accepted and recorded as unsigned, not failed.
  if (secrets.length === 0) return { outcome: "unsigned", reason: null };

  const header = displayHeaderName(config.header);
  const values = headerValues(headers, config.header);
  if (values.length === 0) return { outcome: "failed", reason: `missing ${header} header` };

  const tokens = values.flatMap((v) => presentedTokens(config.header, v));
  for (const [index, secret] of secrets.entries()) {
    // Hash-then-compare, so neither the secret's length nor a shared prefix shows in timing.
    if (tokens.some((t) => equalSecretText(t, secret))) {
      return {
        outcome: "verified",
        reason: `token matched secret ${index + 1} of ${secrets.length}`,
      };
    }
  }
  // Never echo the presented value: it may be a real token meant for somewhere else.
  const configured =
    secrets.length === 1
      ? "the configured token"
      : `any of the ${countOf(secrets.length, "configured token")}`;
  return { outcome: "failed", reason: `${header} header does not match ${configured}` };
}
