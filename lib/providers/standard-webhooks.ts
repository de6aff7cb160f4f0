// Any sender following the Standard Webhooks spec: the signing is fixed, the payload
// shape is not, so job fields come from the endpoint's configured paths. The spec's
// envelope names `type` and `timestamp`, hence those defaults.
import { readConfiguredFacts } from "./configured-extraction";
import { headerDedupeKey } from "./dedupe-keys";
import type { ProviderPreset } from "./types";

export const standardWebhooksPreset: ProviderPreset = {
  id: "standard-webhooks",
  label: "Standard Webhooks",
  defaultVerification: { scheme: "standard-webhooks", toleranceSeconds: 300 },
  isConfigurable: true,
  namesOutputUrl: "when-configured",
  extract({ payload, headers, config }) {
    return {
      ...readConfiguredFacts(payload, config, {
        eventTypePath: "type",
        timestampPath: "timestamp",
      }),
      // The message id stays the same across the sender's retries.
      dedupeKey: headerDedupeKey(headers, ["webhook-id", "svix-id"], "webhook"),
      details: null,
    };
  },
};
