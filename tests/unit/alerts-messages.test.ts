// What alerts say: Slack mrkdwn with provider text escaped (no mentions or links can be
// smuggled in), the generic webhook's JSON, and the masked form of channel URLs.
import { describe, expect, it } from "vitest";
import { maskChannelUrl } from "@/lib/alerts/mask-url";
import {
  buildSlackMessage,
  buildWebhookPayload,
  escapeSlackText,
  type AlertFacts,
} from "@/lib/alerts/messages";

const job = {
  id: "job_1",
  externalId: "r-42",
  state: "failed",
  error: "GPU out of memory",
  outputUrl: null,
  missedCallbackAt: null,
};
const base: AlertFacts = {
  id: "alr_1",
  type: "job.failed",
  occurredAt: new Date("2026-11-23T10:00:00.000Z"),
  url: "https://inbox.example.com/jobs/job_1",
  endpoint: { id: "ep_1", name: "Renders", provider: "clipzy" },
  job,
  event: null,
  burst: null,
};

const mrkdwn = (message: ReturnType<typeof buildSlackMessage>) => JSON.stringify(message);

describe("Slack messages", () => {
  it("escapes &, < and > and nothing else", () => {
    expect(escapeSlackText("<!here> a&b > *bold* _it_")).toBe(
      "&lt;!here&gt; a&amp;b &gt; *bold* _it_",
    );
  });

  it("names the alert, the endpoint with its provider's label, the job and its error, with a link to the job page", () => {
    const message = buildSlackMessage(base);
    expect(message.text).toBe("Job failed: Renders (Clipzy): job r-42 failed");
    expect(message.blocks).toEqual([
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "*Job failed* · Renders (Clipzy)\nJob `r-42` failed: GPU out of memory",
        },
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: "<https://inbox.example.com/jobs/job_1|Open the job> · 2026-11-23T10:00:00.000Z",
          },
        ],
      },
    ]);
  });

  it("keeps hostile job ids, errors and endpoint names from adding mentions or links", () => {
    const message = mrkdwn(
      buildSlackMessage({
        ...base,
        endpoint: { ...base.endpoint, name: "<!channel>" },
        job: {
          ...job,
          externalId: "<@U0123|boss>",
          error: "<https://evil.example|reset your password> & <!everyone>",
        },
      }),
    );
    for (const smuggled of ["<!channel>", "<@U0123", "<https://evil.example", "<!everyone>"])
      expect(message).not.toContain(smuggled);
    expect(message).toContain(
      "&lt;https://evil.example|reset your password&gt; &amp; &lt;!everyone&gt;",
    );
  });

  it("cuts a long error before escaping, so no entity is cut in half", () => {
    const error = `${"x".repeat(498)}&&&&`;
    const section = buildSlackMessage({ ...base, job: { ...job, error } }).blocks[0] as {
      text: { text: string };
    };
    expect(section.text.text.endsWith(`${"x".repeat(498)}&amp;…`)).toBe(true);
  });

  it("a burst links to the latest failed delivery's event and to all failed deliveries", () => {
    const message = buildSlackMessage({
      ...base,
      type: "endpoint.verification_failures",
      url: "https://inbox.example.com/events/evt_9",
      job: null,
      event: { id: "evt_9", type: null, verification: "failed" },
      burst: {
        threshold: 10,
        minutes: 5,
        reason: "no matching signature",
        failedDeliveriesUrl: "https://inbox.example.com/?endpointId=ep_1&verification=failed",
      },
    });
    const text = mrkdwn(message);
    expect(text).toContain(
      "More than 10 deliveries failed signature verification within 5 minutes. Latest reason: no matching signature",
    );
    expect(text).toContain(
      "<https://inbox.example.com/events/evt_9|Open the latest one> · <https://inbox.example.com/?endpointId=ep_1&amp;verification=failed|All failed deliveries>",
    );
  });

  it("a link whose URL holds a | still ends where it should", () => {
    const text = mrkdwn(
      buildSlackMessage({ ...base, url: "https://inbox.example.com/a|b/jobs/job_1" }),
    );
    expect(text).toContain("<https://inbox.example.com/a%7Cb/jobs/job_1|Open the job>");
  });
});

describe("generic webhook payload", () => {
  it("carries the type, the endpoint, the job and the link", () => {
    expect(
      buildWebhookPayload({
        ...base,
        type: "job.missed_callback",
        job: {
          ...job,
          state: "completed",
          error: null,
          missedCallbackAt: new Date("2026-11-23T09:59:00.000Z"),
        },
      }),
    ).toEqual({
      id: "alr_1",
      type: "job.missed_callback",
      occurredAt: "2026-11-23T10:00:00.000Z",
      url: "https://inbox.example.com/jobs/job_1",
      endpoint: { id: "ep_1", name: "Renders", provider: "clipzy" },
      job: {
        id: "job_1",
        externalId: "r-42",
        state: "completed",
        error: null,
        outputUrl: null,
        missedCallbackAt: "2026-11-23T09:59:00.000Z",
      },
    });
  });

  it("a burst carries the event and the burst's numbers instead of a job", () => {
    const payload = buildWebhookPayload({
      ...base,
      type: "endpoint.verification_failures",
      job: null,
      event: { id: "evt_9", type: "task.completed", verification: "failed" },
      burst: {
        threshold: 3,
        minutes: 1,
        reason: null,
        failedDeliveriesUrl: "https://inbox.example.com/?endpointId=ep_1&verification=failed",
      },
    });
    expect(payload).not.toHaveProperty("job");
    expect(payload).toMatchObject({
      event: { id: "evt_9", type: "task.completed", verification: "failed" },
      verificationFailures: {
        threshold: 3,
        minutes: 1,
        reason: null,
        failedDeliveriesUrl: "https://inbox.example.com/?endpointId=ep_1&verification=failed",
      },
    });
  });
});

describe("maskChannelUrl", () => {
  it.each([
    [
      "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
      "hooks.slack.com/services/T…/…",
    ],
    ["https://chat.example.com:8443/hooks/abc", "chat.example.com:8443/hooks/a…"],
    ["https://example.com/3f9c2e0d1b", "example.com/…"],
    ["https://example.com/alerts?token=s3cret", "example.com/alerts/…"],
    ["https://example.com/", "example.com"],
    ["not a url", "…"],
  ])("%s -> %s", (url, masked) => {
    expect(maskChannelUrl(url)).toBe(masked);
  });
});
