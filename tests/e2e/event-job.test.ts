// The investigation path in a real browser: an event whose signature failed says why,
// a masked Authorization header is revealed by a click, the job shows its timeline and
// the payload diff, and the jobs "Failed" view lists a failed job.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiJson, createEndpoint, sendCallback, type CreatedEndpoint } from "@/tests/support/api";
import { aspectTaskEvent } from "@/tests/support/callbacks-payloads";
import { newStandardWebhooksSecret, svixHeaders } from "@/tests/support/callbacks-signing";
import {
  expectNoPageErrors,
  launchBrowser,
  screenshotBothThemes,
  signedInPage,
  type PageErrors,
} from "./support/browser";

type Answer = { eventId?: string };

let browser: Browser;
let page: Page;
let errors: PageErrors;
let endpoint: CreatedEndpoint & { secret: string };
const taskId = `task-${randomUUID()}`;
const failedTaskId = `task-${randomUUID()}`;
let completedEventId = "";
let badEventId = "";

async function send(
  body: string,
  headers: Record<string, string>,
  expected: number,
  subPath = "",
): Promise<Answer> {
  const response = await sendCallback(endpoint, body, { headers, subPath });
  const answer = (await response.json()) as Answer;
  expect(response.status, JSON.stringify(answer)).toBe(expected);
  return answer;
}

const iso = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();

beforeAll(async () => {
  const secret = newStandardWebhooksSecret();
  endpoint = {
    ...(await createEndpoint({
      name: `Renders ${randomUUID().slice(0, 6)}`,
      provider: "aspect",
      secrets: [secret],
    })),
    secret,
  };

  const progress = JSON.stringify(
    aspectTaskEvent({
      taskId,
      eventType: "task.progress",
      features: { transcription: "processing", visual: "queued" },
      updated: iso(120),
    }),
  );
  await send(
    progress,
    { ...svixHeaders(secret, progress), authorization: "Bearer hunter2-credential" },
    200,
    // A sender that also authenticates in the URL: masked there too.
    "?attempt=1&token=hunter2-query-token",
  );
  const completed = JSON.stringify(
    aspectTaskEvent({
      taskId,
      eventType: "task.completed",
      features: { transcription: "completed", visual: "completed" },
      updated: iso(60),
    }),
  );
  completedEventId = (await send(completed, svixHeaders(secret, completed), 200)).eventId ?? "";

  // Signed with another secret: stored, answered 401, and explained on the event page.
  const forged = JSON.stringify(
    aspectTaskEvent({
      taskId,
      eventType: "task.failed",
      features: { transcription: "failed" },
      updated: iso(30),
    }),
  );
  await send(forged, svixHeaders(newStandardWebhooksSecret(), forged), 401);
  const failedEvents = await apiJson<{ items: Array<{ id: string }> }>(
    `/api/events?endpointId=${endpoint.id}&verification=failed`,
  );
  badEventId = failedEvents.body.items[0]?.id ?? "";

  const failed = JSON.stringify(
    aspectTaskEvent({
      taskId: failedTaskId,
      eventType: "task.failed",
      features: { transcription: "failed", visual: "completed" },
      updated: iso(10),
    }),
  );
  await send(failed, svixHeaders(secret, failed), 200);

  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser));
});

afterAll(async () => {
  await browser?.close();
});

describe("event page", () => {
  it("explains a failed signature check: scheme, headers checked, and the reason", async () => {
    expect(badEventId).not.toBe("");
    await page.goto(`/events/${badEventId}`);
    const panel = page.locator("section", {
      has: page.getByRole("heading", { name: "Verification" }),
    });
    await expect.poll(() => panel.innerText()).toContain("Standard Webhooks signature");
    const text = await panel.innerText();
    expect(text).toContain("svix-signature");
    expect(text).toContain("no matching signature: 1 signature tried against 1 secret");
    await screenshotBothThemes(page, "event-failed-verification");
    expectNoPageErrors(errors);
  });

  it("masks the Authorization header until an admin reveals it, and keeps it out of the curl command", async () => {
    await page.goto(`/jobs`);
    // The progress event is reached the way a person would: job list -> job -> event.
    await page.getByRole("link", { name: taskId }).click();
    await page.getByTestId("timeline-event").first().getByRole("link").first().click();
    await page.waitForURL(/\/events\//);

    const curl = page.getByLabel("curl command");
    await expect.poll(() => curl.innerText()).toContain("-H 'authorization: <redacted>'");
    expect(await curl.innerText()).toContain("?attempt=1&token=••••oken'");
    for (const secret of ["hunter2-credential", "hunter2-query-token"]) {
      expect(await page.content()).not.toContain(secret);
      // Not hidden by CSS or left in React's payload either: absent from what the server sent.
      expect(await (await page.request.get(page.url())).text()).not.toContain(secret);
    }
    expect(await page.getByRole("table").first().innerText()).toContain("svix-signature");
    // Masked, not blank: the scheme and the last 4 characters tell a person which token came.
    expect(await page.getByRole("table").first().innerText()).toContain("Bearer ••••tial");
    await screenshotBothThemes(page, "event-page-masked");

    await page.getByRole("button", { name: "Reveal the value of authorization" }).click();
    await expect
      .poll(() => page.getByRole("table").first().innerText())
      .toContain("Bearer hunter2-credential");
    expect(await curl.innerText()).not.toContain("hunter2-credential");
    await page.getByRole("button", { name: "Include credential values" }).click();
    await expect
      .poll(() => curl.innerText())
      .toContain("-H 'authorization: Bearer hunter2-credential'");

    expect(await page.getByRole("tree", { name: "Payload tree" }).innerText()).toContain(
      '"task.progress"',
    );
    await screenshotBothThemes(page, "event-page");
    expectNoPageErrors(errors);
  });
});

describe("job page", () => {
  it("shows the timeline and the diff progress -> completed with the changed paths", async () => {
    await page.goto(`/jobs`);
    await page.getByRole("link", { name: taskId }).click();
    await page.waitForURL(/\/jobs\/job_/);
    // Provider order: progress, completed, then the forged one (not applied to the job).
    const timeline = page.getByTestId("timeline-event");
    await expect.poll(() => timeline.count()).toBe(3);
    expect(await timeline.nth(2).innerText()).toContain("not applied");
    // Each event against the one before it: progress -> completed changed six paths
    // (event_type, event_id, timestamp, updated, and two feature states).
    expect(await timeline.nth(1).innerText()).toContain("6 changes since #1");

    // Default diff: the last two events; pick progress -> completed explicitly.
    await page.getByLabel("From", { exact: true }).selectOption({ index: 0 });
    await page.getByLabel("To", { exact: true }).selectOption(completedEventId);
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL((url) => url.searchParams.get("to") === completedEventId);
    const diff = page.getByRole("table", { name: "Payload differences" });
    const rows = await diff.innerText();
    expect(rows).toContain("$.event_type");
    expect(rows).toContain("task.progress");
    expect(rows).toContain("task.completed");
    expect(rows).toContain("$.data.task.features.transcription.state");
    expect(rows).toContain("$.data.task.features.visual.state");
    await screenshotBothThemes(page, "job-page-diff");
    expectNoPageErrors(errors);
  });
});

describe("jobs list", () => {
  it("lists the failed job in the Failed view, and not the completed one", async () => {
    await page.goto(`/jobs`);
    await page.getByRole("link", { name: "Failed", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("view") === "failed");
    await expect.poll(() => page.getByRole("link", { name: failedTaskId }).count()).toBe(1);
    expect(await page.getByRole("link", { name: taskId }).count()).toBe(0);

    // j moves focus to the first row's link.
    await page.keyboard.press("j");
    expect(
      await page.evaluate(() => document.activeElement?.closest("[data-nav-item]") !== null),
    ).toBe(true);
    await screenshotBothThemes(page, "jobs-failed");
    await page.goto("/jobs");
    await screenshotBothThemes(page, "jobs-all");
    expectNoPageErrors(errors);
  });
});
