// The job page's sequence checks and attempts in a real browser: a Clipzy job whose
// callbacks came back out of order, went back from completed to queued, completed
// without an output URL and delivered "completed" twice shows each warning with links
// to the events; a clean job passes; the forwards of the job's events are listed.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiJson, createEndpoint, sendCallback, type CreatedEndpoint } from "@/tests/support/api";
import { startReceiver, type Receiver } from "@/tests/support/receiver";
import {
  expectNoPageErrors,
  launchBrowser,
  screenshotBothThemes,
  signedInPage,
  type PageErrors,
} from "./support/browser";

let browser: Browser;
let page: Page;
let errors: PageErrors;
let receiver: Receiver;
let endpoint: CreatedEndpoint;

const T0 = Date.now() - 600_000;
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

async function send(body: Record<string, unknown>): Promise<string> {
  const response = await sendCallback(endpoint, JSON.stringify(body));
  expect(response.status).toBe(200);
  return ((await response.json()) as { eventId: string }).eventId;
}

async function jobPageOf(externalId: string): Promise<string> {
  const jobs = await apiJson<{ items: Array<{ id: string; externalId: string }> }>(
    `/api/jobs?endpointId=${endpoint.id}`,
  );
  const job = jobs.body.items.find((j) => j.externalId === externalId);
  if (!job) throw new Error(`job ${externalId} not listed`);
  return `/jobs/${job.id}`;
}

beforeAll(async () => {
  receiver = await startReceiver();
  endpoint = await createEndpoint({
    name: `Checks ${randomUUID().slice(0, 6)}`,
    provider: "clipzy",
  });
  const destination = await apiJson(`/api/endpoints/${endpoint.id}/destinations`, {
    method: "POST",
    body: JSON.stringify({ url: receiver.url("/forward"), forward: "all" }),
  });
  expect(destination.status).toBe(201);
  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

const checkRow = (title: string) => page.getByTestId("sequence-check").filter({ hasText: title });

describe("job page: checks and attempts", () => {
  it("warns about each problem in the sequence and links to the events involved", async () => {
    const jobId = `render-${randomUUID()}`;
    const processing = await send({ job_id: jobId, status: "processing", timestamp: at(10) });
    const completed = { job_id: jobId, status: "completed", timestamp: at(30) };
    const completedId = await send(completed);
    // Sent by the provider before both, arrived after: out of order and back to queued.
    const queued = await send({ job_id: jobId, status: "queued", timestamp: at(5) });
    // The provider's retry of the completion: the same event, a second delivery.
    expect(await send(completed)).toBe(completedId);
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(3);

    await page.goto(await jobPageOf(jobId));
    // Provider order on the timeline: queued #1, processing #2, completed #3.
    const warnings = page.getByTestId("sequence-check").and(page.locator("[data-outcome=warn]"));
    expect(await warnings.count()).toBe(4);
    expect(await checkRow("One terminal callback").innerText()).toContain(
      "#3 completed (completed) was delivered 2 times",
    );
    expect(await checkRow("Output URL on completion").innerText()).toContain(
      "#3 completed reports completed without an output URL",
    );
    expect(await checkRow("State only moved forward").innerText()).toContain(
      "#1 queued (queued) arrived after #3 completed (completed)",
    );
    // Compared with the latest the provider had sent by then (completed), not each one.
    expect(
      await checkRow("Arrived in provider order").getByTestId("check-finding").allInnerTexts(),
    ).toEqual(["#1 queued was sent 25 s before #3 completed but arrived after it"]);

    const regression = checkRow("State only moved forward").getByTestId("check-finding");
    expect(
      await regression
        .getByRole("link")
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    ).toEqual([`/events/${queued}`, `/events/${completedId}`]);

    // The forward of each of the three events, newest first, each linking to its event.
    const attempts = page.getByTestId("attempt-row");
    expect(await attempts.count()).toBe(3);
    const linked = await attempts
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(linked.sort()).toEqual(
      [processing, completedId, queued].map((id) => `/events/${id}`).sort(),
    );
    expect(await attempts.first().innerText()).toMatch(
      /succeeded[\s\S]*HTTP 200[\s\S]*\/forward[\s\S]*auto #1/,
    );
    await screenshotBothThemes(page, "job-checks-attempts");
    expectNoPageErrors(errors);
  });

  it("passes a job that went well", async () => {
    const jobId = `render-${randomUUID()}`;
    await send({ job_id: jobId, status: "queued", timestamp: at(1) });
    await send({ job_id: jobId, status: "processing", timestamp: at(2) });
    await send({
      job_id: jobId,
      status: "completed",
      output_video_url: "https://cdn.example/done.mp4",
      timestamp: at(3),
    });
    await page.goto(await jobPageOf(jobId));
    const outcomes = await page
      .getByTestId("sequence-check")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-outcome")));
    expect(outcomes).toEqual(["pass", "pass", "pass", "pass"]);
    expect(await page.getByText("nothing to look at").count()).toBe(1);
    expectNoPageErrors(errors);
  });
});
