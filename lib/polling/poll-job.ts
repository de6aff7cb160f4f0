// One poll: ask the provider's job-status API about a job, read the answer with the
// endpoint's preset exactly as a callback is read, and record it with what follows
// (lib/polling/mutations.ts). Network outcomes are recorded, never thrown.
import { createHash } from "node:crypto";
import { parseRetryAfter } from "@/lib/forwarding/retry-schedule";
import { AppError } from "@/lib/http/app-error";
import { firstHeader } from "@/lib/http/header-list";
import { newId } from "@/lib/ids/new-id";
import { parsePayload } from "@/lib/ingest/payload";
import { isTerminalState } from "@/lib/job-states/constants";
import { sendOutbound, type OutboundResult } from "@/lib/outbound/guarded-fetch";
import { getPreset } from "@/lib/providers/registry";
import { loadPollContext, type PollContext } from "./data";
import { recordPoll, type PollRecord, type RecordedPoll, type Synthesis } from "./mutations";
import { getPollPreset } from "./presets";
import { nextPollDelayMs } from "./schedule";
import { statusUrl } from "./status-url";
import { getLogger } from "@/lib/log/logger";
import { appMetrics } from "@/lib/metrics/app-metrics";

export type PollTrigger = "manual" | "scheduled";

/** A status answer is a small JSON document; more than this is kept cut off. */
const MAX_POLL_RESPONSE_BYTES = 1024 * 1024;
const CREDENTIAL_MASK = "<credential>";

export async function pollJob(
  jobId: string,
  trigger: PollTrigger,
): Promise<{ pollId: string } & RecordedPoll> {
  const context = await loadPollContext(jobId);
  if (trigger === "manual") refuseDuringBackoff(context.backoffUntil);
  const { job, endpoint } = context;
  const headers = requestHeaders(context);
  const createdAt = new Date();
  const target = buildUrl(context);
  const result: OutboundResult =
    "blocked" in target
      ? { outcome: "blocked", reason: target.blocked, durationMs: 0 }
      : await sendOutbound({
          url: target.url,
          method: "GET",
          headers: headers.sent,
          maxResponseBytes: MAX_POLL_RESPONSE_BYTES,
        });
  const url = "blocked" in target ? target.template : target.url;

  const poll: PollRecord = {
    id: newId("pol"),
    jobId: job.id,
    endpointId: job.endpointId,
    trigger,
    url,
    requestHeaders: headers.recorded,
    responseStatus: null,
    responseHeaders: null,
    responseBody: null,
    responseTruncated: false,
    durationMs: result.durationMs,
    outcome: "failed",
    error: null,
    payloadJson: null,
    facts: null,
    createdAt,
  };
  let synthesis: Synthesis | null = null;
  let retryAfterMs: number | null = null;
  if (result.outcome === "blocked")
    Object.assign(poll, { outcome: "blocked", error: result.reason });
  else if (result.outcome === "error") poll.error = result.error;
  else {
    Object.assign(poll, {
      responseStatus: result.status,
      responseHeaders: result.headers,
      responseBody: result.body,
      responseTruncated: result.truncated,
    });
    if (result.status === 429 || result.status === 503)
      retryAfterMs = parseRetryAfter(
        firstHeader(result.headers, "retry-after") ?? undefined,
        Date.now(),
      );
    const read = readAnswer(context, result.status, result.body, result.headers, result.truncated);
    Object.assign(poll, read.poll);
    synthesis = endpoint.forwards ? read.synthesis : null;
  }

  const finished = poll.facts?.state ? isTerminalState(poll.facts.state) : false;
  // The schedule follows every poll (manual ones too), so a Retry-After is honoured.
  const delay = nextPollDelayMs({
    pollCount: job.pollCount + 1,
    expectTerminalMinutes: job.expectTerminalMinutes ?? endpoint.expectTerminalMinutes,
    retryAfterMs,
  });
  const recorded = await recordPoll(poll, {
    nextPollAt: finished ? null : new Date(Date.now() + delay),
    synthesis,
  });
  countPoll(poll);
  getLogger().info(
    {
      pollId: poll.id,
      jobId: job.id,
      endpointId: job.endpointId,
      trigger,
      outcome: poll.outcome,
      responseStatus: poll.responseStatus,
      durationMs: poll.durationMs,
    },
    "poll",
  );
  return { pollId: poll.id, ...recorded };
}

/** Once recorded: by endpoint, trigger and outcome; the duration of polls that went out. */
function countPoll({ endpointId, trigger, outcome, durationMs }: PollRecord): void {
  const metrics = appMetrics();
  metrics.polls.inc({ endpoint_id: endpointId, trigger, outcome });
  if (outcome !== "blocked") metrics.pollDuration.observe({ trigger }, durationMs / 1000);
}

/** A job id that cannot go into a URL is recorded as a blocked poll (with the template as its URL), not thrown. */
function buildUrl({
  job,
  endpoint,
}: PollContext): { url: string } | { blocked: string; template: string } {
  try {
    return { url: statusUrl(endpoint.settings, job.externalId) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      blocked: error.message,
      template: `${endpoint.settings.baseUrl}${endpoint.settings.pathTemplate}`,
    };
  }
}

function refuseDuringBackoff(until: Date | null): void {
  if (!until) return;
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  throw new AppError(
    "rate_limited",
    `the provider asked us to wait (Retry-After) until ${until.toISOString()}; poll again in ${seconds} s`,
    {
      headers: { "retry-after": String(seconds) },
    },
  );
}

/** The credential goes out as configured; the record keeps its header with the value masked. */
function requestHeaders({ endpoint }: PollContext): {
  sent: Array<[string, string]>;
  recorded: Array<[string, string]>;
} {
  const base: Array<[string, string]> = [
    ["accept", "application/json"],
    ["user-agent", "webhook-inbox (re-poll)"],
  ];
  const { credentialHeader, credentialPrefix } = endpoint.settings;
  if (!credentialHeader || endpoint.credential === null) return { sent: base, recorded: base };
  return {
    sent: [...base, [credentialHeader, `${credentialPrefix}${endpoint.credential}`]],
    recorded: [...base, [credentialHeader, `${credentialPrefix}${CREDENTIAL_MASK}`]],
  };
}

/** What a 2xx answer says, read by the preset; anything else is a failed poll with the reason. */
function readAnswer(
  { job, endpoint }: PollContext,
  status: number,
  body: Buffer,
  headers: Array<[string, string]>,
  truncated: boolean,
): { poll: Partial<PollRecord>; synthesis: Synthesis | null } {
  if (status < 200 || status >= 300)
    return {
      poll: { outcome: "failed", error: `the status API answered ${status}` },
      synthesis: null,
    };
  if (truncated)
    return {
      poll: {
        outcome: "failed",
        error: `the answer is larger than ${MAX_POLL_RESPONSE_BYTES / 1024} KiB and was cut off`,
      },
      synthesis: null,
    };
  const parsed = parsePayload(body);
  if (parsed.value === undefined)
    return {
      poll: {
        outcome: "failed",
        error: `the status API answered ${status} with a body that is not JSON`,
      },
      synthesis: null,
    };
  const part = getPollPreset(endpoint.provider).callbackPart(parsed.value);
  const facts = getPreset(endpoint.provider).extract({
    payload: part,
    headers,
    config: endpoint.extraction,
  });
  // An answer about another job (a wrong route, a proxy's cache) must not move this one.
  if (facts.jobId !== null && facts.jobId !== job.externalId) {
    return {
      poll: {
        outcome: "failed",
        error: `the answer is about job ${JSON.stringify(facts.jobId)}, not ${JSON.stringify(job.externalId)}`,
        payloadJson: parsed.jsonText,
      },
      synthesis: null,
    };
  }
  const error =
    facts.state === null
      ? "the answer says nothing this endpoint's preset reads as a job state"
      : null;
  const partBytes = part === parsed.value ? body : Buffer.from(JSON.stringify(part));
  const partJson = part === parsed.value ? parsed.jsonText : parsePayload(partBytes).jsonText;
  return {
    poll: { outcome: error ? "failed" : "succeeded", error, payloadJson: partJson, facts },
    synthesis:
      partJson === null
        ? null
        : {
            provider: endpoint.provider,
            body: partBytes,
            bodySha256: createHash("sha256").update(partBytes).digest("hex"),
            payloadJson: partJson,
          },
  };
}
