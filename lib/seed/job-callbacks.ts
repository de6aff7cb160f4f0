// The callbacks one provider sends over one job's life, shaped like the examples in
// ../shared/provider-docs/ (field names and nesting as documented), for the realistic
// mix. A job's fate decides which callbacks come: a stuck job stops after its
// progress callbacks; providers that only call at the end send one callback.
import { randomBytes, randomUUID } from "node:crypto";
import type { ExtractionConfig, ProviderId } from "@/lib/providers/schema";

export type JobFate = "completed" | "failed" | "cancelled" | "processing" | "queued";

/** One callback: when it was sent and its JSON body. */
export type TimedPayload = { at: Date; payload: Record<string, unknown> };

/** The fates each provider's callbacks can express (Scriptix and JSON2Video only call at the end). */
export const PROVIDER_FATES: Record<ProviderId, readonly JobFate[]> = {
  aspect: ["completed", "completed", "completed", "failed", "processing", "processing", "queued"],
  scriptix: ["completed", "completed", "completed", "failed", "failed"],
  json2video: ["completed", "completed", "completed", "failed"],
  descript: ["completed", "completed", "failed", "cancelled"],
  clipzy: ["completed", "completed", "failed", "cancelled"],
  "standard-webhooks": ["completed", "completed", "failed", "cancelled", "processing", "queued"],
  generic: ["completed", "completed", "failed", "processing"],
};

/**
 * Where the job fields sit in the payloads below, for the presets that cannot know the
 * shape and must be told (an endpoint's `extraction`): the render farm's Standard
 * Webhooks events and the legacy encoder's generic JSON.
 */
export const PAYLOAD_EXTRACTION: Partial<Record<ProviderId, ExtractionConfig>> = {
  "standard-webhooks": {
    jobIdPath: "data.render_id",
    statePath: "data.status",
    outputUrlPath: "data.output_url",
    errorPath: "data.error",
  },
  generic: {
    jobIdPath: "job.id",
    eventTypePath: "event",
    statePath: "job.state",
    outputUrlPath: "job.output",
    errorPath: "job.error",
    timestampPath: "sent_at",
  },
};

/** Error messages of failed jobs, as providers word them (also used by the bulk seed). */
export const ERRORS = [
  "Source media could not be downloaded: 403 Forbidden",
  "Audio track could not be decoded (unsupported codec pcm_s24le)",
  "Render timeout after 900 s",
  "Insufficient credits for this job",
  "Input file is empty or corrupt",
  "Speaker diarization failed: audio too short",
];
const TITLES = [
  "Quarterly all-hands recording",
  "Podcast episode 214 - interview",
  "123 Oak Street walkthrough",
  "Product launch keynote",
  "Customer webinar: onboarding",
];

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);
const iso = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, "Z");

export function newExternalJobId(provider: ProviderId): string {
  switch (provider) {
    case "aspect":
    case "descript":
      return randomUUID();
    case "scriptix":
      return `stt_${hex(5)}`;
    case "json2video":
      return hex(6);
    case "clipzy":
      return `job_${hex(6)}`;
    case "standard-webhooks":
      return `rnd_${hex(6)}`;
    case "generic":
      return `enc-${Math.floor(Math.random() * 900_000) + 100_000}`;
  }
}

/** The callbacks of one job that started at `start`, in the order they are sent. */
export function jobCallbacks(
  provider: ProviderId,
  jobId: string,
  fate: JobFate,
  start: Date,
): TimedPayload[] {
  switch (provider) {
    case "aspect":
      return aspectCallbacks(jobId, fate, start);
    case "scriptix":
      return [{ at: later(start, 240), payload: scriptixPayload(jobId, fate, later(start, 240)) }];
    case "json2video":
      return [{ at: later(start, 180), payload: json2videoPayload(jobId, fate) }];
    case "descript":
      return [{ at: later(start, 300), payload: descriptPayload(jobId, fate) }];
    case "clipzy":
      return [{ at: later(start, 900), payload: clipzyPayload(jobId, fate) }];
    case "standard-webhooks":
      return progressThenEnd(fate, start, (word, at) => renderFarmPayload(jobId, word, at));
    case "generic":
      return progressThenEnd(fate, start, (word, at) => legacyEncoderPayload(jobId, word, at));
  }
}

/** queued -> processing -> end word, each step a callback; stuck jobs stop early. */
function progressThenEnd(
  fate: JobFate,
  start: Date,
  build: (word: string, at: Date) => Record<string, unknown>,
): TimedPayload[] {
  const steps: Array<[string, number]> = [["queued", 0]];
  if (fate !== "queued") steps.push(["processing", 45]);
  if (fate === "completed" || fate === "failed" || fate === "cancelled") steps.push([fate, 600]);
  return steps.map(([word, seconds]) => ({
    at: later(start, seconds),
    payload: build(word, later(start, seconds)),
  }));
}

function aspectCallbacks(taskId: string, fate: JobFate, start: Date): TimedPayload[] {
  const created = iso(start);
  const assetId = randomUUID();
  const userId = "3f5d7e38-8c7c-4a22-9a7d-5702a8c3a111";
  const event = (
    eventType: string,
    at: Date,
    transcription: string,
    visual: string,
    preview = "completed",
  ) => ({
    at,
    payload: {
      timestamp: iso(at),
      user_id: userId,
      event_id: randomUUID(),
      event_type: eventType,
      data: {
        task: {
          id: taskId,
          asset_id: assetId,
          features: {
            transcription: { state: transcription },
            visual: { state: visual },
            preview: { state: preview },
            proxy: { state: "na" },
          },
          user_id: userId,
          created,
          updated: iso(at),
        },
      },
    },
  });
  const callbacks = [event("task.progress", later(start, 5), "queued", "queued", "queued")];
  if (fate === "queued") return callbacks;
  callbacks.push(event("task.progress", later(start, 70), "processing", "queued"));
  if (fate === "completed")
    callbacks.push(event("task.completed", later(start, 420), "completed", "completed"));
  if (fate === "failed")
    callbacks.push(event("task.failed", later(start, 380), "failed", "completed"));
  return callbacks;
}

function scriptixPayload(id: string, fate: JobFate, at: Date) {
  const completed = fate === "completed";
  return {
    event: completed ? "transcription.completed" : "transcription.failed",
    timestamp: iso(at),
    data: {
      id,
      status: completed ? "completed" : "failed",
      ...(completed
        ? {
            document_id: Math.floor(Math.random() * 10_000),
            duration_seconds: 600 + Math.floor(Math.random() * 3000),
            language: "en",
          }
        : { error: pick(ERRORS) }),
    },
  };
}

function json2videoPayload(project: string, fate: JobFate) {
  const clientData = {
    listing_id: `L-${4000 + Math.floor(Math.random() * 999)}`,
    property_address: "123 Oak Street",
    agent_id: "AG-42",
  };
  return fate === "completed"
    ? {
        project,
        status: "done",
        url: `https://assets.json2video.com/clients/acme/${project}.mp4`,
        duration: 24,
        size: 5_421_988,
        "client-data": clientData,
      }
    : { project, status: "error", message: pick(ERRORS), "client-data": clientData };
}

function descriptPayload(jobId: string, fate: JobFate) {
  const result =
    fate === "completed"
      ? {
          status: "success",
          agent_response: "Removed filler words, applied Studio Sound and added captions",
          ai_credits_used: 12,
        }
      : { status: "error", error: pick(ERRORS) };
  return {
    job_id: jobId,
    job_type: "import/project_media",
    job_state: fate === "cancelled" ? "cancelled" : "stopped",
    project_id: "prj_7f3a9c",
    project_url: "https://web.descript.com/prj_7f3a9c",
    ...(fate === "cancelled" ? {} : { result }),
  };
}

function clipzyPayload(jobId: string, fate: JobFate) {
  return {
    job_id: jobId,
    status: fate,
    progress_percent: fate === "completed" ? 100 : 40,
    ...(fate === "completed" ? { output_video_url: `file:///storage/${jobId}/output.mp4` } : {}),
    // Not in the documented payload, but failures in the wild carry one (the preset reads it).
    ...(fate === "failed" ? { error: pick(ERRORS) } : {}),
    processing_time_seconds: 900.0,
  };
}

function renderFarmPayload(renderId: string, word: string, at: Date) {
  return {
    type: `render.${word}`,
    timestamp: iso(at),
    data: {
      render_id: renderId,
      status: word,
      template: "listing-vertical-v2",
      title: pick(TITLES),
      ...(word === "completed"
        ? { output_url: `https://cdn.renderfarm.example/out/${renderId}.mp4` }
        : {}),
      ...(word === "failed" ? { error: pick(ERRORS) } : {}),
    },
  };
}

function legacyEncoderPayload(jobId: string, word: string, at: Date) {
  const state = word === "completed" ? "done" : word === "failed" ? "error" : word;
  return {
    event: `job.${state}`,
    sent_at: iso(at),
    job: {
      id: jobId,
      state,
      preset: "h264-1080p",
      ...(state === "done" ? { output: `https://media.example.com/encoded/${jobId}.mp4` } : {}),
      ...(state === "error" ? { error: pick(ERRORS) } : {}),
    },
  };
}
