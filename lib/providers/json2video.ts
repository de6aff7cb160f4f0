// JSON2Video (provider-docs/json2video-webhooks.txt): one POST when a movie finishes,
// status "done" with url or "error" with message, echoing the movie's client-data.
import { MAX_ERROR_CHARS, MAX_EVENT_TYPE_CHARS, readId, readText, readUrl } from "./capped-values";
import { payloadDedupeKey } from "./dedupe-keys";
import { normalizeJobStateWord } from "./job-state-words";
import { isJsonObject, readPath } from "./json-path";
import { readPayloadTimestamp } from "./timestamp";
import type { ProviderPreset } from "./types";

export const json2videoPreset: ProviderPreset = {
  id: "json2video",
  label: "JSON2Video",
  // Auth headers come from a Dashboard connection; endpoints may leave the token unset.
  defaultVerification: { scheme: "token", header: "authorization" },
  isConfigurable: false,
  namesOutputUrl: true,
  extract({ payload }) {
    const jobId = readId(readPath(payload, "project"));
    const status = readText(readPath(payload, "status"), MAX_EVENT_TYPE_CHARS);
    // "done" and "error" are in the shared vocabulary (completed, failed).
    const state = normalizeJobStateWord(status);
    const clientData = readPath(payload, "client-data");
    return {
      jobId,
      eventType: status,
      state,
      outputUrl: readUrl(readPath(payload, "url")),
      // `message` replaces `url` on failure; on other statuses it is not an error.
      error: state === "failed" ? readText(readPath(payload, "message"), MAX_ERROR_CHARS) : null,
      providerTimestamp: readPayloadTimestamp(payload),
      dedupeKey: payloadDedupeKey("json2video", [jobId, status]),
      // Kept as sent: it is the customer's own correlation data (listing ids etc.).
      details: isJsonObject(clientData) ? { clientData } : null,
    };
  },
};
