// What an alert says, for each kind of channel. Slack-compatible channels get
// {"text", "blocks"} in mrkdwn; generic webhooks a JSON document (docs/api.md). Job
// ids and error messages come from provider payloads, which anyone who knows an
// unsigned endpoint's URL can write: in mrkdwn they are escaped the way Slack asks
// (&, <, >), so a payload cannot add links or mentions (<!channel>) to a message.
import { providerIdSchema } from "@/lib/providers/schema";
import { getPreset } from "@/lib/providers/registry";
import type { AlertType } from "./constants";

export type AlertFacts = {
  id: string;
  type: AlertType;
  occurredAt: Date;
  /** The dashboard page the alert links to, absolute. */
  url: string;
  endpoint: { id: string; name: string; provider: string };
  job: {
    id: string;
    externalId: string;
    state: string;
    error: string | null;
    outputUrl: string | null;
    missedCallbackAt: Date | null;
    /** Overdue alerts: when it was flagged, its last sign of life and (expected jobs) registration. */
    overdueAt?: Date | null;
    lastEventAt?: Date;
    registeredAt?: Date | null;
  } | null;
  event: { id: string; type: string | null; verification: string } | null;
  burst: {
    threshold: number;
    minutes: number;
    reason: string | null;
    failedDeliveriesUrl: string;
  } | null;
};

/** Slack's rule for text in messages: escape these three, nothing else. */
export function escapeSlackText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Cut before escaping, so an entity is never cut in half; by code point, so no emoji either. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

const ERROR_CHARS = 500;
const ID_CHARS = 200;

const safe = (text: string, max = ID_CHARS) => escapeSlackText(clip(text, max));

/** <url|label>: a "|" would end the URL early, so it is percent-encoded. */
const slackLink = (url: string, label: string) =>
  `<${escapeSlackText(url.replaceAll("|", "%7C"))}|${label}>`;

function providerLabel(provider: string): string {
  const id = providerIdSchema.safeParse(provider);
  return id.success ? getPreset(id.data).label : provider;
}

const HEADLINES: Record<AlertType, string> = {
  "job.failed": "Job failed",
  "job.missed_callback": "Callback missed",
  "job.overdue": "Job overdue",
  "endpoint.verification_failures": "Deliveries failing verification",
  test: "Test alert",
};

/** The message body (mrkdwn) and the plain fallback line a notification shows. */
function summarize(facts: AlertFacts): { body: string; fallback: string; links: string } {
  const { job, burst } = facts;
  const jobName = job ? `\`${safe(job.externalId)}\`` : "";
  switch (facts.type) {
    case "job.failed":
      return {
        body: `Job ${jobName} failed${job?.error ? `: ${safe(job.error, ERROR_CHARS)}` : " (the provider gave no error message)."}`,
        fallback: `job ${job ? safe(job.externalId) : ""} failed`,
        links: slackLink(facts.url, "Open the job"),
      };
    case "job.missed_callback":
      return {
        body: `Job ${jobName} is ${job ? safe(job.state) : "finished"} according to the provider's status API, but its callback never came.`,
        fallback: `no callback came for job ${job ? safe(job.externalId) : ""}`,
        links: slackLink(facts.url, "Open the job"),
      };
    case "job.overdue":
      return {
        body: `Job ${jobName} is still ${job ? safe(job.state) : "unfinished"}: ${
          job?.state === "expected"
            ? `no callback since it was registered${job.registeredAt ? ` (${job.registeredAt.toISOString()})` : ""}`
            : `no callback since ${job?.lastEventAt?.toISOString() ?? "its last one"}`
        }, past the time it was expected to finish.`,
        fallback: `job ${job ? safe(job.externalId) : ""} is overdue`,
        links: slackLink(facts.url, "Open the job"),
      };
    case "endpoint.verification_failures":
      return {
        body:
          `More than ${burst?.threshold ?? "?"} deliveries failed signature verification within ${burst?.minutes ?? "?"} minutes.` +
          (burst?.reason ? ` Latest reason: ${safe(burst.reason, ERROR_CHARS)}` : ""),
        fallback: `more than ${burst?.threshold ?? "?"} deliveries failed verification`,
        links: [
          slackLink(facts.url, "Open the latest one"),
          ...(burst ? [slackLink(burst.failedDeliveriesUrl, "All failed deliveries")] : []),
        ].join(" · "),
      };
    case "test":
      return {
        body: "This channel is set up: alerts for this endpoint arrive here.",
        fallback: "test alert",
        links: slackLink(facts.url, "Open the endpoint"),
      };
  }
}

export function buildSlackMessage(facts: AlertFacts): { text: string; blocks: unknown[] } {
  const { body, fallback, links } = summarize(facts);
  const where = `${safe(facts.endpoint.name)} (${safe(providerLabel(facts.endpoint.provider))})`;
  return {
    text: `${HEADLINES[facts.type]}: ${where}: ${fallback}`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${HEADLINES[facts.type]}* · ${where}\n${body}` },
      },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `${links} · ${facts.occurredAt.toISOString()}` }],
      },
    ],
  };
}

/** The generic webhook's JSON (documented in docs/api.md, "Alerts"). */
export function buildWebhookPayload(facts: AlertFacts): Record<string, unknown> {
  const { job, event, burst } = facts;
  return {
    id: facts.id,
    type: facts.type,
    occurredAt: facts.occurredAt.toISOString(),
    url: facts.url,
    endpoint: {
      id: facts.endpoint.id,
      name: facts.endpoint.name,
      provider: facts.endpoint.provider,
    },
    ...(job && {
      job: {
        id: job.id,
        externalId: job.externalId,
        state: job.state,
        error: job.error,
        outputUrl: job.outputUrl,
        missedCallbackAt: job.missedCallbackAt?.toISOString() ?? null,
        ...(facts.type === "job.overdue" && {
          overdueAt: job.overdueAt?.toISOString() ?? null,
          lastEventAt: job.lastEventAt?.toISOString() ?? null,
          registeredAt: job.registeredAt?.toISOString() ?? null,
        }),
      },
    }),
    ...(event && { event: { id: event.id, type: event.type, verification: event.verification } }),
    ...(burst && {
      verificationFailures: {
        threshold: burst.threshold,
        minutes: burst.minutes,
        reason: burst.reason,
        failedDeliveriesUrl: burst.failedDeliveriesUrl,
      },
    }),
  };
}
