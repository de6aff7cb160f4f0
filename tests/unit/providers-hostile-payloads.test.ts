// Every preset must read any parsed JSON (and a non-JSON body) without throwing, and
// bound what it extracts.
import { describe, expect, it } from "vitest";
import { getPreset } from "@/lib/providers/registry";
import { providerIds, type ExtractionConfig, type ProviderId } from "@/lib/providers/schema";
import type { CallbackFacts } from "@/lib/providers/types";

const MB = "x".repeat(1_048_576);

const hostilePayloads: Array<[string, unknown]> = [
  ["undefined", undefined],
  ["null", null],
  ["number", 42],
  ["string", "completed"],
  ["array", [{ job_id: "a", status: "completed" }]],
  [
    "nulls everywhere",
    JSON.parse(
      '{"data":null,"job_id":null,"project":null,"status":null,"result":null,"event_type":null}',
    ),
  ],
  [
    "arrays where objects belong",
    JSON.parse(
      '{"data":[1,2],"result":[{"status":"success"}],"client-data":[1],"event_type":["task.failed"]}',
    ),
  ],
  [
    "numbers where objects belong",
    JSON.parse('{"data":{"task":5},"result":7,"client-data":3,"event":9,"status":1}'),
  ],
  [
    "prototype keys",
    JSON.parse(
      '{"__proto__":{"job_id":"p","status":"done"},"constructor":{"prototype":{"job_id":"c"}}}',
    ),
  ],
  ["deep nesting", JSON.parse(`${'{"data":'.repeat(5_000)}1${"}".repeat(5_000)}`)],
];

const megabyteStrings: unknown = {
  event_type: "task.failed",
  event: MB,
  timestamp: MB,
  updated_at: MB,
  job_id: MB,
  job_type: MB,
  job_state: MB,
  project: MB,
  status: MB,
  url: MB,
  output_video_url: MB,
  project_url: MB,
  message: MB,
  error: MB,
  error_message: MB,
  type: MB,
  result: { status: "error", error: MB },
  data: {
    id: MB,
    status: MB,
    error: MB,
    task: { id: MB, updated: MB, features: { [MB]: { state: "failed" }, b: { state: MB } } },
  },
};

const config: ExtractionConfig = {
  jobIdPath: "job_id",
  eventTypePath: "type",
  statePath: "status",
  outputUrlPath: "url",
  errorPath: "error",
  timestampPath: "timestamp",
  dedupeHeader: "x-id",
};

const headers = [
  ["x-id", MB],
  ["svix-id", MB],
  ["webhook-id", MB],
] as const;

const x = (n: number) => "x".repeat(n);

/** What each preset reads from `megabyteStrings`: every string bounded. */
const cappedFacts: Record<ProviderId, CallbackFacts> = {
  aspect: {
    jobId: x(200),
    eventType: "task.failed",
    state: "failed",
    outputUrl: null,
    error: `failed features: ${x(100)}`,
    providerTimestamp: null,
    dedupeKey: `svix:${x(200)}`,
    details: { features: { [x(100)]: { state: "failed" }, b: { state: x(100) } } },
  },
  scriptix: {
    jobId: x(200),
    eventType: x(200),
    state: null,
    outputUrl: null,
    error: x(2_000),
    providerTimestamp: null,
    dedupeKey: `scriptix:${x(200)}:${x(200)}`,
    details: null,
  },
  json2video: {
    jobId: x(200),
    eventType: x(200),
    state: null,
    outputUrl: null,
    error: null,
    providerTimestamp: null,
    dedupeKey: `json2video:${x(200)}:${x(200)}`,
    details: null,
  },
  descript: {
    jobId: x(200),
    eventType: x(200),
    state: "failed",
    outputUrl: null,
    error: x(2_000),
    providerTimestamp: null,
    dedupeKey: `descript:${x(200)}:${x(200)}`,
    details: null,
  },
  clipzy: {
    jobId: x(200),
    eventType: x(200),
    state: null,
    outputUrl: null,
    error: x(2_000),
    providerTimestamp: null,
    dedupeKey: `clipzy:${x(200)}:${x(200)}`,
    details: null,
  },
  "standard-webhooks": {
    jobId: x(200),
    eventType: x(200),
    state: null,
    outputUrl: null,
    error: x(2_000),
    providerTimestamp: null,
    dedupeKey: `webhook:${x(200)}`,
    details: null,
  },
  generic: {
    jobId: x(200),
    eventType: x(200),
    state: null,
    outputUrl: null,
    error: x(2_000),
    providerTimestamp: null,
    dedupeKey: `header:${x(200)}`,
    details: null,
  },
};

describe.each(providerIds)("%s preset with hostile payloads", (id) => {
  const preset = getPreset(id);
  const presetConfig = preset.isConfigurable ? config : null;

  it.each(hostilePayloads)("reads %s without throwing or inventing a job", (_, payload) => {
    const facts = preset.extract({ payload, headers: [], config: presetConfig });
    expect(facts.jobId).toBe(null);
    expect(facts.outputUrl).toBe(null);
    expect(facts.error).toBe(null);
    expect(facts.providerTimestamp).toBe(null);
    expect(facts.dedupeKey).toBe(null);
  });

  it("caps 1 MB strings", () => {
    expect(
      preset.extract({ payload: megabyteStrings, headers, config: presetConfig }),
    ).toStrictEqual(cappedFacts[id]);
  });
});
