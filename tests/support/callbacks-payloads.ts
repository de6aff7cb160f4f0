// Callback bodies shaped like the examples in ../shared/provider-docs/, with the ids,
// states and times a test needs to vary. Field names and nesting follow the docs.
import { randomUUID } from "node:crypto";

export type FeatureState = "queued" | "processing" | "completed" | "failed" | "cancelled" | "na";

/** Aspect's envelope (aspect-svix-webhooks.txt): event_type plus data.task. */
export function aspectTaskEvent(options: {
  taskId: string;
  eventType: "task.progress" | "task.completed" | "task.failed";
  features: Partial<Record<"transcription" | "visual" | "preview" | "proxy", FeatureState>>;
  /** When the task last changed (data.task.updated); the envelope timestamp is the same. */
  updated: string;
}) {
  const userId = "3f5d7e38-8c7c-4a22-9a7d-5702a8c3a111";
  return {
    timestamp: options.updated,
    user_id: userId,
    event_id: randomUUID(),
    event_type: options.eventType,
    data: {
      task: {
        id: options.taskId,
        asset_id: "c4b6b5f1-6a2d-4d75-9a90-1f6f4a0a2222",
        features: Object.fromEntries(
          Object.entries(options.features).map(([name, state]) => [name, { state }]),
        ),
        user_id: userId,
        created: "2025-01-01T11:55:00Z",
        updated: options.updated,
      },
    },
  };
}

/** Scriptix (scriptix-webhooks.txt): transcription.completed / transcription.failed. */
export function scriptixEvent(options: {
  id: string;
  event: "transcription.completed" | "transcription.failed";
  timestamp?: string;
  error?: string;
}) {
  const completed = options.event === "transcription.completed";
  return {
    event: options.event,
    timestamp: options.timestamp ?? "2025-01-17T10:30:00Z",
    data: {
      id: options.id,
      status: completed ? "completed" : "failed",
      ...(completed
        ? { document_id: 456, duration_seconds: 3600, language: "en" }
        : { error: options.error }),
    },
  };
}

export const listingClientData = {
  listing_id: "L-4821",
  property_address: "123 Oak Street",
  agent_id: "AG-42",
};

/** JSON2Video (json2video-webhooks.txt): status "done" with url, or "error" with message. */
export function json2videoDone(project: string) {
  return {
    project,
    status: "done",
    url: `https://assets.json2video.com/clients/acme/${project}.mp4`,
    duration: 24,
    size: 5421988,
    "client-data": listingClientData,
  };
}

export function json2videoError(project: string, message: string) {
  return { project, status: "error", message, "client-data": listingClientData };
}

/** Descript (descript-job-callbacks.txt): the job status body, sent when the job finishes. */
export function descriptJob(options: {
  jobId: string;
  jobType?: "import/project_media" | "agent";
  result: { status: string; error?: string; agent_response?: string; ai_credits_used?: number };
}) {
  return {
    job_id: options.jobId,
    job_type: options.jobType ?? "import/project_media",
    job_state: "stopped",
    project_id: "prj_7f3a9c",
    project_url: "https://web.descript.com/prj_7f3a9c",
    result: options.result,
  };
}

/** Clipzy (clipzy-webhooks.txt): one POST at completed, failed or cancelled. */
export function clipzyJob(jobId: string, status: "completed" | "failed" | "cancelled") {
  return {
    job_id: jobId,
    status,
    progress_percent: status === "completed" ? 100 : 40,
    ...(status === "completed" ? { output_video_url: `file:///storage/${jobId}/output.mp4` } : {}),
    processing_time_seconds: 900.0,
  };
}
