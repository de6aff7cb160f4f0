// A job's whole story from its page in a real browser: the fixture downloads (and is
// one), the replay form sends the job's events to a receiver in provider order and shows
// the batch's progress; the endpoint page shows the provider's delivery promise and the
// three forward modes.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobFixtureSchema } from "@/lib/fixtures/schema";
import { apiJson, createEndpoint, sendCallback, type CreatedEndpoint } from "@/tests/support/api";
import { aspectTaskEvent } from "@/tests/support/callbacks-payloads";
import { newStandardWebhooksSecret, svixHeaders } from "@/tests/support/callbacks-signing";
import { startReceiver, type Receiver } from "@/tests/support/receiver";
import {
  expectNoPageErrors,
  launchBrowser,
  SCREENSHOT_DIR,
  screenshotBothThemes,
  signedInPage,
  type PageErrors,
} from "./support/browser";

let browser: Browser;
let page: Page;
let errors: PageErrors;
let receiver: Receiver;
let endpoint: CreatedEndpoint;
let jobId = "";
const taskId = randomUUID();
const bodies: string[] = [];

/** Both themes of one part of the page (a CSS selector), as <name>-light.png and -dark.png. */
async function shootPart(name: string, selector: string): Promise<void> {
  await page.mouse.move(0, 0);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator(selector).screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`),
      animations: "disabled",
    });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

beforeAll(async () => {
  receiver = await startReceiver();
  const secret = newStandardWebhooksSecret();
  endpoint = await createEndpoint({
    name: `Transcripts ${randomUUID().slice(0, 6)}`,
    provider: "aspect",
    secrets: [secret],
  });
  const at = (seconds: number) => new Date(Date.now() - 60_000 + seconds * 1000).toISOString();
  for (const [eventType, state, seconds] of [
    ["task.progress", "processing", 0],
    ["task.completed", "completed", 5],
  ] as const) {
    const body = JSON.stringify(
      aspectTaskEvent({
        taskId,
        eventType,
        features: { transcription: state },
        updated: at(seconds),
      }),
    );
    bodies.push(body);
    const response = await sendCallback(endpoint, body, { headers: svixHeaders(secret, body) });
    expect(response.status).toBe(200);
  }
  const jobs = await fetchJobs();
  jobId = jobs[0]?.id ?? "";
  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

async function fetchJobs(): Promise<Array<{ id: string }>> {
  const { body } = await apiJson<{ items: Array<{ id: string }> }>(
    `/api/jobs?endpointId=${endpoint.id}`,
  );
  return body.items;
}

describe("job page: export and replay", () => {
  it("downloads the job's fixture", async () => {
    await page.goto(`/jobs/${jobId}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-job").click(),
    ]);
    expect(download.suggestedFilename()).toBe(`job-${taskId}.json`);
    const file = await download.path();
    const fixture = jobFixtureSchema.parse(JSON.parse(await readFile(file, "utf8")));
    expect(
      fixture.deliveries.map((d) => Buffer.from(d.bodyBase64, "base64").toString("utf8")),
    ).toEqual(bodies);
    expectNoPageErrors(errors);
  });

  it("replays the job's events to a URL in provider order and shows the progress", async () => {
    await page.goto(`/jobs/${jobId}`);
    const form = page.getByTestId("job-replay-form");
    await form.getByLabel("URL", { exact: true }).fill(receiver.url("/story"));
    await form.getByLabel("Speed").fill("50");
    await shootPart("job-replay-form", "[data-testid=job-replay-form]");
    await form.getByRole("button", { name: "Replay 2 events" }).click();
    await page.waitForURL(/\?replay=rpl_/);
    const progress = page.getByTestId("job-replay-progress");
    await progress.getByText("Done.").waitFor({ timeout: 30_000 });
    expect(receiver.requests.map((r) => r.body.toString("utf8"))).toEqual(bodies);
    await shootPart("job-replay-panel", "#replay");
    await screenshotBothThemes(page, "job-page-replay");
    expectNoPageErrors(errors);
  });
});

describe("endpoint page: delivery promise and forward modes", () => {
  it("shows how long the provider retries, and explains the three forward modes", async () => {
    const clipzy = await createEndpoint({
      name: `Highlight reels ${randomUUID().slice(0, 6)}`,
      provider: "clipzy",
    });
    await page.goto(`/endpoints/${clipzy.id}`);
    const promise = page.getByTestId("delivery-promise");
    await expect(promise.innerText()).resolves.toMatch(/exponential backoff/);
    await expect(promise.innerText()).resolves.toMatch(/GET \/api\/v1\/jobs\/\{job_id\}\/result/);
    await shootPart(
      "endpoint-delivery-promise-clipzy",
      "section:has([data-testid=delivery-promise])",
    );
    const modes = page.getByTestId("forward-modes");
    const text = await modes.innerText();
    expect(text).toMatch(
      /Accepted events: verified and unsigned ones; never one whose signature failed/,
    );
    expect(text).toMatch(/Verified events only/);
    expect(text).toMatch(/All events/);
    expect(await page.getByLabel("Forward").inputValue()).toBe("accepted");
    await shootPart("endpoint-destination-form", "section:has([data-testid=forward-modes])");
    await screenshotBothThemes(page, "endpoint-page-clipzy");

    await page.goto(`/endpoints/${endpoint.id}`);
    await expect(page.getByTestId("delivery-promise").innerText()).resolves.toMatch(/Svix/);
    await shootPart(
      "endpoint-delivery-promise-aspect",
      "section:has([data-testid=delivery-promise])",
    );
    expectNoPageErrors(errors);
  });
});
