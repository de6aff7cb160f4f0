// What each provider's docs (../shared/provider-docs) say about its job-status API,
// filled into the polling form. Where the docs name no host, route or credential
// header, the value is null and `notes` says what the user must fill in: guessing a
// route would only produce confusing 404s at 2 a.m.
import type { ProviderId } from "@/lib/providers/schema";
import { isJsonObject } from "@/lib/providers/json-path";
import { JOB_ID_PLACEHOLDER } from "./schema";

export type PollPreset = {
  baseUrl: string | null;
  pathTemplate: string | null;
  credentialHeader: string | null;
  credentialPrefix: string;
  /** Shown in the form: what comes from the docs and what the user must supply. */
  notes: string;
  /**
   * The part of a status response that reads like a callback, handed to the preset's
   * own reader (lib/providers), so a poll is read exactly as a callback would be.
   */
  callbackPart(response: unknown): unknown;
};

const wholeResponse = (response: unknown) => response;

const fillEverything = (sender: string): PollPreset => ({
  baseUrl: null,
  pathTemplate: null,
  credentialHeader: null,
  credentialPrefix: "",
  notes: `${sender}'s webhook docs name no job-status route. Fill in the status API's address with ${JOB_ID_PLACEHOLDER} where the job id goes, and the header that carries your API key. The answer is read like a callback.`,
  callbackPart: wholeResponse,
});

export const pollPresets: Record<ProviderId, PollPreset> = {
  descript: {
    baseUrl: "https://descriptapi.com",
    pathTemplate: `/v1/jobs/${JOB_ID_PLACEHOLDER}`,
    credentialHeader: "Authorization",
    credentialPrefix: "Bearer ",
    notes:
      "From Descript's docs: GET /v1/jobs/{job_id} answers the same body as the callback; authenticate with your API token as a Bearer token.",
    callbackPart: wholeResponse,
  },
  clipzy: {
    baseUrl: null,
    pathTemplate: `/api/v1/jobs/${JOB_ID_PLACEHOLDER}/result`,
    credentialHeader: null,
    credentialPrefix: "",
    notes:
      "Clipzy's docs name GET /api/v1/jobs/{job_id}/result but no host (their examples run on localhost:8000) and no credential header: fill in your Clipzy server's address, and a header if yours needs one.",
    callbackPart: wholeResponse,
  },
  json2video: {
    baseUrl: null,
    pathTemplate: `/v2/movies?project=${JOB_ID_PLACEHOLDER}`,
    credentialHeader: null,
    credentialPrefix: "",
    notes:
      "JSON2Video's docs name GET /v2/movies?project=… but neither the API host nor the header that carries the API key: fill both in from your JSON2Video account.",
    // The docs do not show this answer's shape. Read a `movie` object when the answer
    // wraps one, else the answer itself, which then reads like the callback body.
    callbackPart: (response) =>
      isJsonObject(response) && isJsonObject(response.movie) ? response.movie : response,
  },
  scriptix: fillEverything("Scriptix"),
  aspect: {
    ...fillEverything("Aspect"),
    notes: `Aspect's docs name the answer (TaskGetResponse: the same Task object as data.task in its callbacks, read for its state from the features) but neither the task route nor the API key header: fill in the task status address with ${JOB_ID_PLACEHOLDER} where the task id goes, and the header that carries your API key.`,
  },
  "standard-webhooks": fillEverything("The sender"),
  generic: fillEverything("The sender"),
};

export function getPollPreset(provider: ProviderId): PollPreset {
  return pollPresets[provider];
}
