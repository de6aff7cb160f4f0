// Aspect (provider-docs/aspect-svix-webhooks.txt): Svix-signed task.* events with
// per-feature states under data.task.features.
import type { JobState } from "@/lib/jobs/constants";
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
    const features = readFeatureStates(readPath(payload, "data.task.features"));
    const state = stateOf(eventType, features);
    return {
      jobId: readId(readPath(payload, "data.task.id")),
      eventType,
      state,
      outputUrl: null,
      error: state === "failed" ? failedFeaturesError(features) : null,
      providerTimestamp:
        parseProviderTimestamp(readPath(payload, "data.task.updated")) ??
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
