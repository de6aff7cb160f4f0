// The job.overdue alert (issue 11): an expected job that never called back, and a job
// gone quiet after a callback, in Slack's words and in the webhook's JSON.
import { describe, expect, it } from "vitest";
import { buildSlackMessage, buildWebhookPayload, type AlertFacts } from "@/lib/alerts/messages";

const registeredAt = new Date("2026-12-03T08:00:00.000Z");
const overdueAt = new Date("2026-12-03T08:31:00.000Z");
function expectedJob() {
  return {
    id: "job_9",
    externalId: "prj_<!channel>",
    state: "expected",
    error: null,
    outputUrl: null,
    missedCallbackAt: null,
    overdueAt,
    lastEventAt: registeredAt,
    registeredAt,
  };
}
const facts: AlertFacts = {
  id: "alr_9",
  type: "job.overdue",
  occurredAt: overdueAt,
  url: "https://inbox.example.com/jobs/job_9",
  endpoint: { id: "ep_9", name: "Listing videos", provider: "json2video" },
  job: expectedJob(),
  event: null,
  burst: null,
};

describe("job.overdue alerts", () => {
  it("say an expected job had no callback since it was registered, escaped, with a link to the job", () => {
    const message = buildSlackMessage(facts);
    expect(message.text).toBe(
      "Job overdue: Listing videos (JSON2Video): job prj_&lt;!channel&gt; is overdue",
    );
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(
      "is still expected: no callback since it was registered (2026-12-03T08:00:00.000Z), past the time it was expected to finish.",
    );
    expect(text).toContain("<https://inbox.example.com/jobs/job_9|Open the job>");
    expect(text).not.toContain("<!channel>");
  });

  it("say since when a job that did call back has been quiet", () => {
    const quiet = {
      ...facts,
      job: {
        ...expectedJob(),
        state: "processing",
        lastEventAt: new Date("2026-12-03T08:10:00.000Z"),
      },
    };
    expect(JSON.stringify(buildSlackMessage(quiet).blocks)).toContain(
      "is still processing: no callback since 2026-12-03T08:10:00.000Z",
    );
  });

  it("carry overdueAt, lastEventAt and registeredAt in the webhook's JSON", () => {
    expect(buildWebhookPayload(facts)).toMatchObject({
      type: "job.overdue",
      job: {
        id: "job_9",
        state: "expected",
        overdueAt: "2026-12-03T08:31:00.000Z",
        lastEventAt: "2026-12-03T08:00:00.000Z",
        registeredAt: "2026-12-03T08:00:00.000Z",
      },
    });
  });
});
