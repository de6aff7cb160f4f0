// Clipzy (provider-docs/clipzy-webhooks.txt): one unsigned POST when a job reaches
// completed, failed or cancelled.
import { MAX_ERROR_CHARS, MAX_EVENT_TYPE_CHARS, readId, readText, readUrl } from "./capped-values";
import { payloadDedupeKey } from "./dedupe-keys";
import { normalizeJobStateWord } from "./job-state-words";
import { readPath } from "./json-path";
import { readPayloadTimestamp } from "./timestamp";
import type { ProviderPreset } from "./types";

export const clipzyPreset: ProviderPreset = {
  id: "clipzy",
  label: "Clipzy",
  // Clipzy does not sign; a token can still be configured on the endpoint.
  defaultVerification: { scheme: "none" },
  isConfigurable: false,
  namesOutputUrl: true,
  extract({ payload }) {
    const jobId = readId(readPath(payload, "job_id"));
    const status = readText(readPath(payload, "status"), MAX_EVENT_TYPE_CHARS);
    return {
      jobId,
      eventType: status,
      state: normalizeJobStateWord(status),
      outputUrl: readUrl(readPath(payload, "output_video_url")),
      // Not in the documented payload; read when a failure carries one.
      error:
        readText(readPath(payload, "error"), MAX_ERROR_CHARS) ??
        readText(readPath(payload, "error_message"), MAX_ERROR_CHARS),
      providerTimestamp: readPayloadTimestamp(payload),
      dedupeKey: payloadDedupeKey("clipzy", [jobId, status]),
      details: null,
    };
  },
};
