// Scriptix (provider-docs/scriptix-webhooks.txt): transcription.* events signed with
// X-Scriptix-Signature: sha256=<hex HMAC of the body>.
import type { JobState } from "@/lib/job-states/constants";
import { MAX_ERROR_CHARS, MAX_EVENT_TYPE_CHARS, readId, readText } from "./capped-values";
import { payloadDedupeKey } from "./dedupe-keys";
import { normalizeJobStateWord } from "./job-state-words";
import { readPath } from "./json-path";
import { parseProviderTimestamp } from "./timestamp";
import type { ProviderPreset } from "./types";

/** The two documented events; a Map so a hostile event name can't reach prototype members. */
const eventStates: ReadonlyMap<string, JobState> = new Map([
  ["transcription.completed", "completed"],
  ["transcription.failed", "failed"],
]);

export const scriptixPreset: ProviderPreset = {
  id: "scriptix",
  label: "Scriptix",
  defaultVerification: {
    scheme: "hmac",
    header: "x-scriptix-signature",
    algorithm: "sha256",
    encoding: "hex",
    prefix: "sha256=",
  },
  isConfigurable: false,
  namesOutputUrl: false,
  extract({ payload }) {
    const event = readText(readPath(payload, "event"), MAX_EVENT_TYPE_CHARS);
    const jobId = readId(readPath(payload, "data.id"));
    return {
      jobId,
      eventType: event,
      // The documented events decide; any other event falls back to data.status.
      state:
        (event === null ? undefined : eventStates.get(event)) ??
        normalizeJobStateWord(readPath(payload, "data.status")),
      outputUrl: null,
      // The docs name no error field ("failed with error"); these are the likely spellings.
      error:
        readText(readPath(payload, "data.error"), MAX_ERROR_CHARS) ??
        readText(readPath(payload, "data.error_message"), MAX_ERROR_CHARS),
      providerTimestamp: parseProviderTimestamp(readPath(payload, "timestamp")),
      dedupeKey: payloadDedupeKey("scriptix", [event, jobId]),
      // The docs' receiver fetches the transcript by it: process_completed(job_id, document_id).
      details: documentDetails(readPath(payload, "data.document_id")),
    };
  },
};

/** document_id as sent (the docs print a number), or a capped string; null when it is neither. */
function documentDetails(value: unknown): { documentId: number | string } | null {
  if (typeof value === "number") return Number.isFinite(value) ? { documentId: value } : null;
  const id = readId(value);
  return id === null ? null : { documentId: id };
}
