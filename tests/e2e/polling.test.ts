// Re-polling from the dashboard in a real browser: set up the provider's status API on
// the endpoint page (Descript's preset fills in what its docs give), re-poll a job whose
// final callback never came, see the poll in the timeline, the missed-callback flag,
// the diff between the callback and the poll, and the job in the Failed view.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiJson, createEndpoint, sendCallback, type CreatedEndpoint } from "@/tests/support/api";
import { descriptJob } from "@/tests/support/callbacks-payloads";
import { startReceiver, type Receiver } from "@/tests/support/receiver";
import {
  expectNoPageErrors,
  launchBrowser,
  screenshotBothThemes,
  signedInPage,
  type PageErrors,
} from "./support/browser";

const TOKEN = "descript-e2e-callback-token-0123";
const API_KEY = "descript-e2e-api-key-0123456789";

let browser: Browser;
let page: Page;
let errors: PageErrors;
let provider: Receiver;
let endpoint: CreatedEndpoint;
const externalId = `dsc-${randomUUID()}`;

beforeAll(async () => {
  provider = await startReceiver();
  // Descript's job status (GET /v1/jobs/{id}): finished, though no callback for it was sent.
  provider.respond = () => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(descriptJob({ jobId: externalId, result: { status: "success" } })),
  });
  endpoint = await createEndpoint({
    name: `Descript polled ${randomUUID().slice(0, 6)}`,
    provider: "descript",
    verification: { scheme: "token", header: "authorization" },
    secrets: [TOKEN],
  });
  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await provider?.close();
});

describe("re-polling", () => {
  it("sets up the status API on the endpoint page, the preset filling in what Descript's docs give", async () => {
    await page.goto(`/endpoints/${endpoint.id}`);
    await expect.poll(() => page.getByText("From Descript's docs").isVisible()).toBe(true);
    expect(await page.getByLabel("Status path").inputValue()).toBe("/v1/jobs/{jobId}");
    expect(await page.getByLabel("Credential header").inputValue()).toBe("Authorization");
    expect(await page.getByLabel("Base URL").inputValue()).toBe("https://descriptapi.com");
    // A test server stands in for descriptapi.com.
    await page.getByLabel("Base URL").fill(provider.url(""));
    await page.getByLabel("API key").fill(API_KEY);
    await page.getByLabel("Expect a terminal callback within (minutes)").fill("60");
    await page.getByRole("button", { name: "Set up polling" }).click();
    await expect
      .poll(() => page.getByTestId("polling-summary").textContent(), { timeout: 15_000 })
      .toContain("/v1/jobs/{jobId} · authorization: Bearer ••••");
    expect(await page.getByLabel("API key").inputValue()).toBe("");
    expect(await page.getByLabel("API key").getAttribute("placeholder")).toContain("stored");
    expect(await page.content()).not.toContain(API_KEY);
    await screenshotBothThemes(page, "endpoint-polling");
    expectNoPageErrors(errors);
  });

  it("re-polls a job from its page: the poll joins the timeline, the job is flagged, and the diff compares callback and poll", async () => {
    const running = await sendCallback(
      endpoint,
      JSON.stringify({
        job_id: externalId,
        job_type: "import/project_media",
        job_state: "running",
      }),
      {
        headers: { authorization: `Bearer ${TOKEN}` },
      },
    );
    expect(running.status).toBe(200);
    const { eventId } = (await running.json()) as { eventId: string };
    const event = await apiJson<{ jobId: string }>(`/api/events/${eventId}`);
    await page.goto(`/jobs/${event.body.jobId}`);
    expect(await page.getByTestId("timeline-poll").count()).toBe(0);

    await page.getByRole("button", { name: "Re-poll" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Polled" }).textContent(), {
        timeout: 15_000,
      })
      .toContain("Flagged as a missed callback");
    await expect.poll(() => page.getByTestId("timeline-poll").count()).toBe(1);
    expect(provider.requests.at(-1)?.path).toBe(`/v1/jobs/${externalId}`);
    expect(await page.getByTestId("timeline-poll").innerText()).toMatch(
      /poll[\s\S]*completed[\s\S]*succeeded · HTTP 200/,
    );
    expect(await page.getByText("missed callback", { exact: true }).first().isVisible()).toBe(true);

    // The last two are compared by default: the running callback and the poll's answer.
    const diff = page.locator("#diff");
    expect(await diff.innerText()).toMatch(/result/);
    await screenshotBothThemes(page, "job-repoll");

    await page.goto("/jobs?view=failed");
    const row = page.getByRole("row").filter({ hasText: externalId });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain("missed callback");
    expectNoPageErrors(errors);
  });

  it("asks for the API key again when the base URL moves to another server, and saves only with it", async () => {
    const other = await startReceiver();
    try {
      await page.goto(`/endpoints/${endpoint.id}`);
      const key = page.getByLabel("API key");
      expect(await key.evaluate((input: HTMLInputElement) => input.required)).toBe(false);
      await page.getByLabel("Base URL").fill(other.url(""));
      await expect
        .poll(() => page.getByTestId("polling-credential-rebinding").textContent())
        .toContain(
          `API key was entered for ${provider.url("")}; enter it again to send it to ${other.url("")}`,
        );
      expect(await key.evaluate((input: HTMLInputElement) => input.required)).toBe(true);
      await screenshotBothThemes(page, "endpoint-polling-rekey");

      // The browser holds the form back; the stored key stays where it was.
      await page.getByRole("button", { name: "Save polling" }).click();
      expect(await key.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(
        true,
      );
      expect(await page.getByTestId("polling-summary").textContent()).toContain(provider.url(""));

      await key.fill("key-for-the-other-server-0123");
      await page.getByRole("button", { name: "Save polling" }).click();
      await expect
        .poll(() => page.getByTestId("polling-summary").textContent(), { timeout: 15_000 })
        .toContain(other.url(""));
      expect(
        other.requests.some((r) => r.headers.some(([, value]) => value.includes(API_KEY))),
      ).toBe(false);
      expectNoPageErrors(errors);
    } finally {
      await other.close();
    }
  });
});
