// The sample callback of each preset: the provider's documented payload shape (from
// ../shared/provider-docs) and the request that provider would send, signed with a given
// secret. Pure, so the endpoint page's curl example (components/endpoints/curl-command.ts)
// and the test callback (test-callback.ts) share it without the page reaching ingest.
import { randomUUID } from "node:crypto";
import type { ProviderId } from "@/lib/providers/schema";
import { signHmac } from "@/lib/verify/hmac";
import type { VerificationConfig } from "@/lib/verify/schema";
import { signStandardWebhooks } from "@/lib/verify/standard-webhooks";

type Sample = {
  payload: (now: Date) => Record<string, unknown>;
  /** Which Standard Webhooks header names the provider sends (Svix-based senders use svix-*). */
  signatureHeaders?: "svix" | "webhook";
};

// Shapes and values from the provider docs (../shared/provider-docs), with fixed job
// ids: repeated tests land on one test job instead of filling the jobs list.
const samples: Record<ProviderId, Sample> = {
  aspect: {
    signatureHeaders: "svix",
    payload: (now) => ({
      timestamp: now.toISOString(),
      user_id: "3f5d7e38-8c7c-4a22-9a7d-5702a8c3a111",
      event_id: randomUUID(),
      event_type: "task.completed",
      data: {
        task: {
          id: "2e1c7e42-4f8d-4e10-8d7a-0a6c0d3b1234",
          asset_id: "c4b6b5f1-6a2d-4d75-9a90-1f6f4a0a2222",
          features: {
            transcription: { state: "completed" },
            visual: { state: "completed" },
            preview: { state: "completed" },
            proxy: { state: "na" },
          },
          user_id: "3f5d7e38-8c7c-4a22-9a7d-5702a8c3a111",
          created: "2025-01-01T11:55:00Z",
          updated: now.toISOString(),
        },
      },
    }),
  },
  scriptix: {
    payload: (now) => ({
      event: "transcription.completed",
      timestamp: now.toISOString(),
      data: {
        id: "stt_abc123",
        status: "completed",
        document_id: 456,
        duration_seconds: 3600,
        language: "en",
      },
    }),
  },
  json2video: {
    payload: () => ({
      project: "abc123",
      status: "done",
      url: "https://assets.json2video.com/clients/example/abc123.mp4",
      duration: 24,
      size: 5421988,
      "client-data": {
        listing_id: "L-4821",
        property_address: "123 Oak Street",
        agent_id: "AG-42",
      },
    }),
  },
  descript: {
    payload: () => ({
      job_id: "job_test_import",
      job_type: "import/project_media",
      job_state: "stopped",
      project_id: "prj_7f3a9c",
      project_url: "https://web.descript.com/prj_7f3a9c",
      result: { status: "success" },
    }),
  },
  clipzy: {
    payload: () => ({
      job_id: "job_xyz789abc123",
      status: "completed",
      progress_percent: 100,
      output_video_url: "file:///storage/job_xyz789abc123/output.mp4",
      processing_time_seconds: 900.0,
    }),
  },
  "standard-webhooks": {
    signatureHeaders: "webhook",
    payload: (now) => ({
      type: "test.ping",
      timestamp: now.toISOString(),
      data: { id: "test_job", status: "completed" },
    }),
  },
  generic: {
    payload: (now) => ({ id: "test_job", status: "completed", timestamp: now.toISOString() }),
  },
};

/** The preset's sample body, pretty-printed as a provider would send it. */
export function sampleBody(provider: ProviderId, now = new Date()): string {
  return JSON.stringify(samples[provider].payload(now), null, 2);
}

export type TestCallbackRequest = { body: string; headers: Record<string, string> };

/**
 * The request a provider with this preset and scheme would send, signed with
 * `secret` (the endpoint's newest). No secret: sent unsigned, as unsigned presets do.
 */
export function buildTestCallback(
  endpoint: { provider: ProviderId; verification: VerificationConfig },
  secret: string | undefined,
  now = new Date(),
): TestCallbackRequest {
  const body = sampleBody(endpoint.provider, now);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "webhook-inbox-test-callback",
  };
  const config = endpoint.verification;
  if (secret === undefined) return { body, headers };
  const bytes = Buffer.from(body, "utf8");
  switch (config.scheme) {
    case "standard-webhooks": {
      const prefix = samples[endpoint.provider].signatureHeaders ?? "webhook";
      const id = `msg_${randomUUID().replaceAll("-", "")}`;
      const timestamp = Math.floor(now.getTime() / 1000);
      headers[`${prefix}-id`] = id;
      headers[`${prefix}-timestamp`] = String(timestamp);
      headers[`${prefix}-signature`] = signStandardWebhooks(secret, id, timestamp, bytes);
      break;
    }
    case "hmac":
      headers[config.header] = signHmac(config, secret, bytes);
      break;
    case "token":
      headers[config.header] = config.header === "authorization" ? `Bearer ${secret}` : secret;
      break;
    case "none":
      break;
  }
  return { body, headers };
}
