// Aspect (provider-docs/aspect-svix-webhooks.txt): Svix-signed task.* events with
// per-feature states under data.task.features. The task status API answers the same
// Task object alone ("TaskGetResponse"), with no event_type: a poll reads its state
// from the features.
import type { JobState } from "@/lib/job-states/constants";
import { capText, MAX_ERROR_CHARS, MAX_EVENT_TYPE_CHARS, readId, readText } from "./capped-values";
import { headerDedupeKey } from "./dedupe-keys";
import { normalizeJobStateWord } from "./job-state-words";
import { isJsonObject, readPath } from "./json-path";
import { parseProviderTimestamp } from "./timestamp";
import type { ProviderPreset } from "./types";

/** The docs list four features; more than this is not a real task. */
const MAX_FEATURES = 50;
const MAX_FEATURE_NAME_CHARS = 100;
const MAX_FEATURE_STATE_CHARS = 100;

/** A feature that does not apply to this task ("na") says nothing about its progress. */
const NOT_APPLICABLE = "na";

type FeatureStates = Array<[name: string, state: string | null]>;

export const aspectPreset: ProviderPreset = {
  id: "aspect",
  label: "Aspect",
  defaultVerification: { scheme: "standard-webhooks", toleranceSeconds: 300 },
  isConfigurable: false,
  namesOutputUrl: false,
  extract({ payload, headers }) {
    const eventType = readText(readPath(payload, "event_type"), MAX_EVENT_TYPE_CHARS);
    const task =
      eventType === null && isTaskAnswer(payload) ? payload : readPath(payload, "data.task");
    const features = readFeatureStates(readPath(task, "features"));
    const state = task === payload ? featuresState(features) : stateOf(eventType, features);
    return {
      jobId: readId(readPath(task, "id")),
      eventType,
      state,
      outputUrl: null,
      error: state === "failed" ? failedFeaturesError(features) : null,
      providerTimestamp:
        parseProviderTimestamp(readPath(task, "updated")) ??
        parseProviderTimestamp(readPath(payload, "timestamp")),
      // Svix keeps the message id across retries; Aspect's docs show the svix- headers.
      dedupeKey: headerDedupeKey(headers, ["svix-id", "webhook-id"], "svix"),
      // Rebuilt from names and states only (fromEntries keeps a "__proto__" name an own key).
      details:
        features === null
          ? null
          : { features: Object.fromEntries(features.map(([name, s]) => [name, { state: s }])) },
    };
  },
};

function stateOf(eventType: string | null, features: FeatureStates | null): JobState | null {
  switch (eventType) {
    case "task.progress":
      return isWaitingInQueue(features) ? "queued" : "processing";
    case "task.completed":
      return "completed";
    case "task.failed":
      return "failed";
    default:
      return null;
  }
}

/** A Task on its own (a status answer): an object with an id and a features object, no envelope. */
function isTaskAnswer(payload: unknown): boolean {
  return (
    isJsonObject(payload) &&
    readPath(payload, "data") === undefined &&
    readPath(payload, "id") !== undefined &&
    isJsonObject(readPath(payload, "features"))
  );
}

/**
 * A Task's state from its features, by the docs' event rules: failed when one
 * applicable feature failed (task.failed), completed when all of them completed
 * (task.completed), cancelled when all ended and one was cancelled, queued while all
 * wait, else processing. No applicable feature, or a state word we do not know: null.
 */
function featuresState(features: FeatureStates | null): JobState | null {
  const states = (features ?? [])
    .filter(([, state]) => state?.toLowerCase() !== NOT_APPLICABLE)
    .map(([, state]) => normalizeJobStateWord(state));
  if (states.length === 0 || states.includes(null)) return null;
  if (states.includes("failed")) return "failed";
  const ended = states.every((state) => state === "completed" || state === "cancelled");
  if (ended) return states.includes("cancelled") ? "cancelled" : "completed";
  return states.every((state) => state === "queued") ? "queued" : "processing";
}

/** A progress event before any applicable feature has started. */
function isWaitingInQueue(features: FeatureStates | null): boolean {
  const applicable = (features ?? []).filter(
    ([, state]) => state?.toLowerCase() !== NOT_APPLICABLE,
  );
  return (
    applicable.length > 0 &&
    applicable.every(([, state]) => normalizeJobStateWord(state) === "queued")
  );
}

function failedFeaturesError(features: FeatureStates | null): string | null {
  const failed = (features ?? [])
    .filter(([, state]) => normalizeJobStateWord(state) === "failed")
    .map(([name]) => name);
  return failed.length === 0
    ? null
    : capText(`failed features: ${failed.join(", ")}`, MAX_ERROR_CHARS);
}

/** [name, state] per feature, bounded; null when `features` is not an object. */
function readFeatureStates(features: unknown): FeatureStates | null {
  if (!isJsonObject(features)) return null;
  return Object.entries(features)
    .slice(0, MAX_FEATURES)
    .flatMap(([name, feature]): FeatureStates => {
      const cappedName = capText(name, MAX_FEATURE_NAME_CHARS);
      if (cappedName === null) return [];
      const state = readText(readPath(feature, "state"), MAX_FEATURE_STATE_CHARS);
      return [[cappedName, state]];
    });
}
