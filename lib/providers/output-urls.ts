// Whether a provider's completed callbacks name the output (a URL to fetch the render
// or transcript from; each preset says: ProviderPreset.namesOutputUrl), and reading it
// from a stored payload.
import { getPreset } from "./registry";
import type { ExtractionConfig, ProviderId } from "./schema";

export function reportsOutputUrl(provider: ProviderId, config: ExtractionConfig | null): boolean {
  const names = getPreset(provider).namesOutputUrl;
  return names === "when-configured" ? config?.outputUrlPath !== undefined : names;
}

/** The output URL in a stored payload, read as at ingest (no preset reads it from headers). */
export function outputUrlIn(
  provider: ProviderId,
  config: ExtractionConfig | null,
  payload: unknown,
): string | null {
  return getPreset(provider).extract({ payload, headers: [], config }).outputUrl;
}
