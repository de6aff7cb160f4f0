// Any JSON callback: nothing is assumed, every field comes from the endpoint's config.
import { readConfiguredFacts } from "./configured-extraction";
import { headerDedupeKey } from "./dedupe-keys";
import type { ProviderPreset } from "./types";

export const genericPreset: ProviderPreset = {
  id: "generic",
  label: "Generic JSON",
  defaultVerification: { scheme: "none" },
  isConfigurable: true,
  namesOutputUrl: "when-configured",
  extract({ payload, headers, config }) {
    const dedupeHeader = config?.dedupeHeader;
    return {
      ...readConfiguredFacts(payload, config),
      dedupeKey:
        dedupeHeader === undefined ? null : headerDedupeKey(headers, [dedupeHeader], "header"),
      details: null,
    };
  },
};
