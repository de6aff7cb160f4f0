// Descript (provider-docs/descript-job-callbacks.txt): the callback body is the job
// status (GET /jobs/{job_id}) sent when the job finishes; result.status says how.
import type { JobState } from "@/lib/jobs/constants";
import { MAX_ERROR_CHARS, MAX_EVENT_TYPE_CHARS, readId, readText, readUrl } from "./capped-values";
import { payloadDedupeKey } from "./dedupe-keys";
import { normalizeJobStateWord } from "./job-state-words";
import { isJsonObject, readPath } from "./json-path";
import { readPayloadTimestamp } from "./timestamp";
import type { ProviderPreset } from "./types";

export const descriptPreset: ProviderPreset = {
  id: "descript",
  label: "Descript",
  // Descript documents no signature; a shared token header can be configured, or none.
  defaultVerification: { scheme: "token", header: "authorization" },
  isConfigurable: false,
  namesOutputUrl: true,
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
      error: state === "failed" ? failureMessage(payload) : null,
      providerTimestamp: readPayloadTimestamp(payload),
      dedupeKey: payloadDedupeKey("descript", [jobId, jobState ?? state]),
      details: null,
    };
  },
};

/**
 * result.status "success" is the only success the docs show; any other status is a
 * failure. Without a result status the job has not finished, unless job_state says it
 * never started or was cancelled.
 */
function stateOf(resultStatus: string | null, jobState: string | null): JobState {
  if (resultStatus !== null)
    return resultStatus.toLowerCase() === "success" ? "completed" : "failed";
  const named = normalizeJobStateWord(jobState);
  return named === "queued" || named === "cancelled" ? named : "processing";
}

function failureMessage(payload: unknown): string | null {
  return (
    readText(readPath(payload, "result.error"), MAX_ERROR_CHARS) ??
    readText(readPath(payload, "result.message"), MAX_ERROR_CHARS)
  );
}
