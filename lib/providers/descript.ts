// Descript (provider-docs/descript-job-callbacks.txt): the callback body is the job
// status (GET /jobs/{job_id}) sent when the job finishes; result.status says how, and
// without a result job_state does. Descript takes only a callback_url: it can neither
// sign nor add a header, so the ingest URL itself is the secret.
import type { JobState } from "@/lib/job-states/constants";
import { MAX_ERROR_CHARS, MAX_EVENT_TYPE_CHARS, readId, readText, readUrl } from "./capped-values";
import { payloadDedupeKey } from "./dedupe-keys";
import { normalizeJobStateWord } from "./job-state-words";
import { isJsonObject, readPath } from "./json-path";
import { readPayloadTimestamp } from "./timestamp";
import type { ProviderPreset } from "./types";

export const descriptPreset: ProviderPreset = {
  id: "descript",
  label: "Descript",
  // The docs' request takes a callback_url and nothing else (no headers, no signature):
  // a token check would reject every callback. A query token in the URL adds nothing
  // over the ingest key, which is already 192 random bits.
  defaultVerification: { scheme: "none" },
  isConfigurable: false,
  namesOutputUrl: true,
  callbackSetup:
    "Descript takes only a callback_url when you start a job: it cannot add a header or sign its callbacks. Pass the ingest URL as callback_url; the URL itself is the secret.",
  extract({ payload }) {
    const jobId = readId(readPath(payload, "job_id"));
    const jobType = readText(readPath(payload, "job_type"), MAX_EVENT_TYPE_CHARS);
    const jobState = readText(readPath(payload, "job_state"), MAX_EVENT_TYPE_CHARS);
    const resultStatus = readText(readPath(payload, "result.status"), MAX_EVENT_TYPE_CHARS);
    // A body that is not a JSON object says nothing, not "still processing".
    const state = isJsonObject(payload) ? stateOf(resultStatus, jobState) : null;
    return {
      jobId,
      eventType: jobType ?? jobState,
      state,
      // The docs read project_url once an import succeeded.
      outputUrl: state === "completed" ? readUrl(readPath(payload, "project_url")) : null,
      error: state === "failed" ? failureMessage(payload, resultStatus, jobState) : null,
      providerTimestamp: readPayloadTimestamp(payload),
      dedupeKey: payloadDedupeKey("descript", [jobId, jobState ?? state]),
      details: null,
    };
  },
};

/** Descript's word for a job that ran to its end; its result.status says how. */
const STOPPED = "stopped";

/**
 * result.status "success" is the only success the docs show; any other status is a
 * failure. Without a result, job_state says it: Descript calls back only when a job
 * finished (failed, cancelled ...), while a status answer (a poll reads the same body)
 * may still say queued or running. "stopped" with no result finished without one: a
 * failure to look at, not a success. A word we do not know says nothing (null); no
 * job_state either keeps the old reading, still processing.
 */
function stateOf(resultStatus: string | null, jobState: string | null): JobState | null {
  if (resultStatus !== null)
    return resultStatus.toLowerCase() === "success" ? "completed" : "failed";
  if (jobState === null) return "processing";
  if (jobState.trim().toLowerCase() === STOPPED) return "failed";
  return normalizeJobStateWord(jobState);
}

function failureMessage(
  payload: unknown,
  resultStatus: string | null,
  jobState: string | null,
): string | null {
  if (resultStatus === null && jobState?.trim().toLowerCase() === STOPPED)
    return `Descript reported job_state "${STOPPED}" without a result`;
  return (
    readText(readPath(payload, "result.error"), MAX_ERROR_CHARS) ??
    readText(readPath(payload, "result.message"), MAX_ERROR_CHARS)
  );
}
