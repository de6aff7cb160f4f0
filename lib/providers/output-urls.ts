// Whether a provider's completed callbacks name the output (a URL to fetch the render
// or transcript from), and reading it from a stored payload. Aspect and Scriptix send
// none: their results are fetched through the API, so a completion without a URL is
// normal there and not worth a warning.
import { getPreset } from "./registry";
import type { ExtractionConfig, ProviderId } from "./schema";

const NAMES_OUTPUT_URL: Record<ProviderId, boolean | "when-configured"> = {
  aspect: false,
  scriptix: false,
  json2video: true,
  descript: true,
  clipzy: true,
  "standard-webhooks": "when-configured",
  generic: "when-configured",
};

export function reportsOutputUrl(provider: ProviderId, config: ExtractionConfig | null): boolean {
  const names = NAMES_OUTPUT_URL[provider];
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
