// Expected jobs in a real browser (issue 11): a job registered through the API shows on
// the Jobs page and its own page as waiting for its first callback, with who registered
// it; the endpoint page shows where to register jobs in the provider's submit code, and
// the copy button copies exactly that code.
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiJson, createEndpoint, queryAppDb, type CreatedEndpoint } from "@/tests/support/api";
import {
  expectNoPageErrors,
  launchBrowser,
  screenshotBothThemes,
  signedInPage,
  type PageErrors,
} from "./support/browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: PageErrors;
let endpoint: CreatedEndpoint;
const project = `prj-${randomUUID().slice(0, 8)}`;
let jobId: string;

beforeAll(async () => {
  endpoint = await createEndpoint({
    name: `Listing videos ${randomUUID().slice(0, 6)}`,
    provider: "json2video",
    verification: { scheme: "none" },
  });
  const registered = await apiJson<{ id: string }>(`/api/endpoints/${endpoint.id}/jobs`, {
    method: "POST",
    body: JSON.stringify({
      externalId: project,
      expectTerminalMinutes: 30,
      label: "listing L-4821",
      metadata: { listing_id: "L-4821" },
    }),
  });
  expect(registered.status).toBe(201);
  jobId = registered.body.id;
  browser = await launchBrowser();
  ({ context, page, errors } = await signedInPage(browser));
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

afterAll(async () => {
  await browser?.close();
});

describe("expected jobs", () => {
  it("the Jobs page shows a registered job as expected, waiting for its first callback, and who registered it", async () => {
    await page.goto(`/jobs?endpointId=${endpoint.id}`);
    const row = page.locator("tr", { hasText: project });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByText("expected", { exact: true }).count()).toBe(1);
    const line = await row.getByTestId("expected-line").textContent();
    expect(line).toMatch(
      /^waiting for the first callback, registered .+ ago by the operator token$/,
    );
    expect(await row.getByText("none yet").count()).toBe(1);
    await page.goto(`/jobs?endpointId=${endpoint.id}&state=expected`);
    await expect.poll(() => page.locator("tr", { hasText: project }).count()).toBe(1);
    await screenshotBothThemes(page, "jobs-expected");
    expectNoPageErrors(errors);
  });

  it("the job page says the same, with the window, label and metadata", async () => {
    await page.goto(`/jobs/${jobId}`);
    // The server renders the time absolute; it reads "… ago" once the page has hydrated
    // (later on a busy machine).
    const noteText = async () => (await page.getByTestId("expected-job-note").textContent()) ?? "";
    await expect
      .poll(noteText, { timeout: 15_000 })
      .toMatch(/^Registered .+ ago by the operator token; no callback has named this job yet\./);
    const note = await noteText();
    expect(note).toContain("flagged overdue if not finished within 30 min");
    expect(await page.getByText("listing L-4821").count()).toBeGreaterThan(0);
    expect(await page.getByText(", expected within 30 min").count()).toBe(1);
    await screenshotBothThemes(page, "job-expected");
    expectNoPageErrors(errors);
  });

  it("the Failed view lists an overdue expected job: no callback since its registration", async () => {
    const late = `prj-late-${randomUUID().slice(0, 8)}`;
    const registered = await apiJson<{ id: string }>(`/api/endpoints/${endpoint.id}/jobs`, {
      method: "POST",
      body: JSON.stringify({ externalId: late, expectTerminalMinutes: 5 }),
    });
    expect(registered.status).toBe(201);
    // What the overdue scan does after five minutes (covered end to end in the integration test).
    await queryAppDb(
      `UPDATE jobs SET registered_at = now() - interval '40 minutes', first_seen_at = now() - interval '40 minutes',
              last_event_at = now() - interval '40 minutes', overdue_at = now() WHERE id = $1`,
      [registered.body.id],
    );
    await page.goto(`/jobs?view=failed&staleMinutes=600&endpointId=${endpoint.id}`);
    const row = page.locator("tr", { hasText: late });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByText("overdue", { exact: true }).count()).toBe(1);
    expect(await row.getByTestId("expected-line").textContent()).toMatch(
      /^waiting for the first callback, registered 40 min\.? ago by the operator token$/,
    );
    expect(await page.locator("tr", { hasText: project }).count()).toBe(0);
    await screenshotBothThemes(page, "jobs-failed-overdue");
    expectNoPageErrors(errors);
  });

  it("the endpoint page shows where to register jobs in JSON2Video's submit code, and copies it", async () => {
    await page.goto(`/endpoints/${endpoint.id}`);
    const panel = page.getByTestId("expect-snippet");
    await expect.poll(() => panel.isVisible()).toBe(true);
    const code = (await panel.locator("pre code").textContent()) ?? "";
    expect(code).toContain("/v2/movies");
    expect(code).toContain("const { project } = await response.json();");
    expect(code).toContain(`/in/${endpoint.key}`);
    expect(code).toContain(`/api/endpoints/${endpoint.id}/jobs`);
    expect(code).toContain("externalId: project");
    // The registration comes after the provider answered with the id.
    expect(code.indexOf("await response.json()")).toBeLessThan(code.indexOf("externalId: project"));
    await panel.getByRole("button", { name: "Copy code" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(
      await panel.getByText(`npx webhook-inbox expect --endpoint ${endpoint.id}`).count(),
    ).toBe(1);
    await panel.scrollIntoViewIfNeeded();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await panel.screenshot({
        path: `test-results/screenshots/endpoint-expect-snippet-${scheme}.png`,
        animations: "disabled",
      });
    }
    await page.emulateMedia({ colorScheme: "light" });
    await screenshotBothThemes(page, "endpoint-expected-jobs");
    expectNoPageErrors(errors);
  });
});
