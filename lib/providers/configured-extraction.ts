// Facts read through an endpoint's configured JSON paths, for presets that cannot know
// the payload shape (standard-webhooks, generic).
import { reportedJobStates, type JobState } from "@/lib/job-states/constants";
import { MAX_ERROR_CHARS, MAX_EVENT_TYPE_CHARS, readId, readText, readUrl } from "./capped-values";
import { normalizeJobStateWord } from "./job-state-words";
import { readPath } from "./json-path";
import type { ExtractionConfig } from "./schema";
import { parseProviderTimestamp } from "./timestamp";
import type { CallbackFacts } from "./types";

export type ConfiguredFacts = Omit<CallbackFacts, "dedupeKey" | "details">;

/** Paths a preset reads when the endpoint's config leaves them unset. */
export type PathDefaults = Pick<ExtractionConfig, "eventTypePath" | "timestampPath">;

export function readConfiguredFacts(
  payload: unknown,
  config: ExtractionConfig | null,
  defaults: PathDefaults = {},
): ConfiguredFacts {
  const at = (path: string | undefined): unknown =>
    path === undefined ? undefined : readPath(payload, path);
  return {
    jobId: readId(at(config?.jobIdPath)),
    eventType: readText(at(config?.eventTypePath ?? defaults.eventTypePath), MAX_EVENT_TYPE_CHARS),
    state: mapStateWord(at(config?.statePath), config?.stateMap),
    outputUrl: readUrl(at(config?.outputUrlPath)),
    error: readText(at(config?.errorPath), MAX_ERROR_CHARS),
    providerTimestamp: parseProviderTimestamp(at(config?.timestampPath ?? defaults.timestampPath)),
  };
}

/** The endpoint's own word map wins; the shared vocabulary covers the common words. */
function mapStateWord(word: unknown, stateMap: ExtractionConfig["stateMap"]): JobState | null {
  if (typeof word !== "string") return null;
  // hasOwn: a word like "constructor" must not find Object.prototype members.
  if (stateMap && Object.hasOwn(stateMap, word)) {
    const mapped = stateMap[word];
    if (isJobState(mapped)) return mapped;
  }
  return normalizeJobStateWord(word);
}

function isJobState(value: unknown): value is JobState {
  return (reportedJobStates as readonly unknown[]).includes(value);
}
