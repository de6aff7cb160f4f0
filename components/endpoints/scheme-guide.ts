// Plain-words explanations of a preset's verification, derived from the preset
// registry and the scheme settings (never hand-written per provider), so they stay
// true when a preset changes.
import { providerIds, type ProviderId } from "@/lib/providers/schema";
import { providerPresets } from "@/lib/providers/registry";
import { describeVerification } from "@/lib/verify/describe-scheme";
import type { VerificationConfig } from "@/lib/verify/schema";

export type SchemeGuide = {
  provider: ProviderId;
  label: string;
  scheme: VerificationConfig["scheme"];
  /** describeVerification's one-liner. */
  summary: string;
  /** What the provider sends with each callback. */
  sends: string;
  /** What to paste as the secret, or null when the scheme takes none. */
  secretHint: string | null;
  secretRequired: boolean;
  /** The secret must be whsec_<base64> (checked by the server too). */
  secretPattern: string | null;
  /** The payload shape is unknown to the preset: job fields come from configured paths. */
  isConfigurable: boolean;
};

const headerLabel = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());

export function schemeGuide(provider: ProviderId, config: VerificationConfig): SchemeGuide {
  const { label, isConfigurable, callbackSetup } = providerPresets[provider];
  const setup = callbackSetup ? `${callbackSetup} ` : "";
  const base = {
    provider,
    label,
    scheme: config.scheme,
    summary: describeVerification(config),
    isConfigurable,
  };
  switch (config.scheme) {
    case "standard-webhooks":
      return {
        ...base,
        sends: `${label} signs every callback (Standard Webhooks / Svix): an id, a timestamp and an HMAC-SHA256 signature in the webhook-* or svix-* headers. Callbacks older than ${config.toleranceSeconds} s or with a wrong signature are stored as failed and answered 401.`,
        secretHint: `Paste the signing secret from ${label}'s webhook settings. It starts with whsec_.`,
        secretRequired: true,
        secretPattern: "whsec_[A-Za-z0-9+/=]+",
      };
    case "hmac":
      return {
        ...base,
        sends: `${label} signs the raw body with HMAC-${config.algorithm.toUpperCase()} and sends it in the ${headerLabel(config.header)} header as ${config.prefix}<${config.encoding} digest>. A missing or wrong signature is stored as failed and answered 401.`,
        secretHint: `Paste the webhook secret ${label} gave you when you set up the webhook.`,
        secretRequired: true,
        secretPattern: null,
      };
    case "token": {
      const where =
        config.header === "authorization"
          ? "an Authorization: Bearer <token> header"
          : `a ${headerLabel(config.header)} header`;
      return {
        ...base,
        sends: `${setup}${label} does not sign callbacks. If you make it send ${where} (a custom header on the callback), paste that token here: callbacks without it are then rejected. Without a token, callbacks are accepted and stored as unsigned.`,
        secretHint:
          "Optional. The token your callback configuration sends; choose a long random value.",
        secretRequired: false,
        secretPattern: null,
      };
    }
    case "none":
      return {
        ...base,
        sends: `${setup}${label} does not sign callbacks, so they are stored as unsigned. The ingest URL itself is the secret (192 random bits): share it only with ${label}.`,
        secretHint: null,
        secretRequired: false,
        secretPattern: null,
      };
  }
}

/** Every preset with its default scheme, for the create form. */
export function presetGuides(): SchemeGuide[] {
  return providerIds.map((id) => schemeGuide(id, providerPresets[id].defaultVerification));
}
