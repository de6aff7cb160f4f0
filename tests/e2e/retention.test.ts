// Storage and export in a real Chromium: the Endpoints list shows what each endpoint
// stores and keeps, the endpoint form changes the window, the Inbox's Download saves the
// current filter as NDJSON (bodies byte for byte), short searches are explained, and
// Settings shows the database size.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatSize } from "@/components/ui/format-size";
import { apiClient, createEndpoint, sendCallback, type CreatedEndpoint } from "@/tests/support/api";
import { startAppServer } from "@/tests/support/app-server";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { clipzyJob } from "@/tests/support/callbacks-payloads";
import {
  expectNoPageErrors,
  launchBrowser,
  screenshotBothThemes,
  signedInPage,
  signIn,
  type PageErrors,
} from "./support/browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: PageErrors;
let endpoint: CreatedEndpoint;
const bodies: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, errors } = await signedInPage(browser));
  endpoint = await createEndpoint({
    name: `Storage ${randomUUID().slice(0, 8)}`,
    provider: "clipzy",
  });
  for (let i = 0; i < 3; i++) {
    const body = JSON.stringify(clipzyJob(`storage-${i}-${randomUUID()}`, "completed"));
    const response = await sendCallback(endpoint, body);
    expect(response.status).toBe(200);
    bodies.push(body);
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const row = () => page.getByRole("row").filter({ hasText: endpoint.name });

describe("storage and retention", () => {
  it("the Endpoints list shows what each endpoint stores and how long it keeps it", async () => {
    await page.goto("/endpoints");
    const usage = row().getByTestId("endpoint-usage");
    await expect.poll(() => usage.innerText()).toContain("3 deliveries");
    expect(await usage.innerText()).toContain("3 jobs");
    expect(await row().getByRole("cell").nth(4).innerText()).toBe("3");
    const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);
    expect(await usage.innerText()).toContain(formatSize(bytes));
    const retention = row().getByTestId("endpoint-retention");
    expect(await retention.innerText()).toMatch(/\d+ days \(default\)/);
    expect(await retention.innerText()).toContain("next run removes 0");
    await screenshotBothThemes(page, "endpoints-usage");
    expectNoPageErrors(errors);
  });

  it("the endpoint form keeps deliveries forever, or for a number of days", async () => {
    await page.goto(`/endpoints/${endpoint.id}`);
    await page.getByLabel("Keep deliveries", { exact: true }).selectOption("forever");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    await page.goto("/endpoints");
    await expect
      .poll(() => row().getByTestId("endpoint-retention").innerText())
      .toContain("Kept forever");

    await page.goto(`/endpoints/${endpoint.id}`);
    await page.getByLabel("Keep deliveries", { exact: true }).selectOption("days");
    await page.getByLabel("Days to keep deliveries").fill("14");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    await screenshotBothThemes(page, "endpoint-retention-form");
    await page.goto("/endpoints");
    await expect
      .poll(() => row().getByTestId("endpoint-retention").innerText())
      .toContain("14 days");
    expectNoPageErrors(errors);
  });

  it("Download on the Inbox saves the current filter as NDJSON, bodies byte for byte", async () => {
    await page.goto(`/?endpointId=${endpoint.id}`);
    const link = page.getByRole("link", { name: "Download" });
    expect(await link.getAttribute("href")).toBe(`/api/events/export?endpointId=${endpoint.id}`);
    await screenshotBothThemes(page, "inbox-download");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^webhook-inbox-events-.*\.ndjson$/);
    const text = await readFile((await download.path()) ?? "", "utf8");
    const lines = text
      .trimEnd()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as { endpointId: string; deliveries: Array<{ bodyBase64: string }> },
      );
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.endpointId === endpoint.id)).toBe(true);
    const exported = lines
      .flatMap((line) => line.deliveries.map((d) => Buffer.from(d.bodyBase64, "base64").toString()))
      .sort();
    expect(exported).toEqual([...bodies].sort());
    expectNoPageErrors(errors);
  });

  it("a search of 1-2 characters is explained instead of run", async () => {
    await page.goto("/");
    await page.getByLabel("Search payloads").fill("ab");
    await page.getByLabel("Search payloads").press("Enter");
    await page.getByRole("alert").filter({ hasText: "Type at least 3 characters" }).waitFor();
    expect(new URL(page.url()).search).toBe("");
    await screenshotBothThemes(page, "inbox-short-search");
    // A link with a short term explains itself too.
    await page.goto("/?q=ab");
    await page.getByText(/type at least 3 characters/).waitFor();
    expectNoPageErrors(errors);
  });

  it("Settings shows the database size", async () => {
    await page.goto("/settings");
    const size = page.getByTestId("database-size");
    expect(await size.innerText()).toMatch(/^\d+(\.\d+)? (KB|MB|GB)$/);
    await page.getByRole("heading", { name: "Data and retention" }).scrollIntoViewIfNeeded();
    await screenshotBothThemes(page, "settings-data");
    expectNoPageErrors(errors);
  });
});

describe("usage counted by the queue", () => {
  it("a big endpoint shows the queue's last count and its age", async () => {
    // Its own server where every endpoint counts as big (no live counting on the page).
    const database = await createFreshDatabase("usage_counts");
    const app = await startAppServer(database.url, {
      INBOX_USAGE_LIVE_COUNT_LIMIT: "0",
      INBOX_RETENTION_DAYS: "30",
    });
    const own = apiClient(() => app.baseUrl);
    const ownContext = await browser.newContext({
      baseURL: app.baseUrl,
      viewport: { width: 1366, height: 900 },
    });
    try {
      const { body: created } = await own<CreatedEndpoint>("/api/endpoints", {
        method: "POST",
        body: JSON.stringify({ name: "Renders", provider: "clipzy" }),
      });
      for (const id of ["old", "new-1", "new-2"]) {
        const response = await fetch(created.ingestUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(clipzyJob(`usage-${id}`, "completed")),
        });
        expect(response.status).toBe(200);
      }
      // A callback past the window (as 40 days of waiting would leave it): the run removes
      // it and queues a recount.
      for (const statement of [
        "UPDATE deliveries SET received_at = now() - interval '40 days' WHERE event_id IN (SELECT id FROM events WHERE external_job_id = 'usage-old')",
        "UPDATE events SET first_received_at = now() - interval '40 days', last_touched_at = now() - interval '40 days' WHERE external_job_id = 'usage-old'",
        "UPDATE jobs SET first_seen_at = now() - interval '40 days', last_event_at = now() - interval '40 days' WHERE external_id = 'usage-old'",
      ])
        await queryDatabase(database.url, statement);
      const ran = await own<{ removed: { deliveries: number } }>("/api/retention/run", {
        method: "POST",
      });
      expect(ran.body.removed.deliveries).toBe(1);
      await expect
        .poll(
          async () =>
            (
              await queryDatabase<{ deliveries: string }>(
                database.url,
                "SELECT deliveries FROM endpoint_usage_counts WHERE endpoint_id = $1",
                [created.id],
              )
            )[0]?.deliveries,
          { timeout: 15_000 },
        )
        .toBe("2");
      // One more arrives after the count: the page still shows the count, with its age.
      await fetch(created.ingestUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(clipzyJob("usage-later", "completed")),
      });
      const ownPage = await ownContext.newPage();
      const pageErrors: string[] = [];
      ownPage.on("pageerror", (error) => pageErrors.push(error.message));
      await signIn(ownPage);
      await ownPage.goto("/endpoints");
      const usage = ownPage
        .getByRole("row")
        .filter({ hasText: "Renders" })
        .getByTestId("endpoint-usage");
      expect(await usage.innerText()).toContain("2 deliveries");
      await expect
        .poll(() => usage.getByTestId("usage-counted-at").innerText())
        .toMatch(/^counted (now|.+ ago)$/);
      await screenshotBothThemes(ownPage, "endpoints-usage-counted");
      expect(pageErrors).toEqual([]);
    } finally {
      await ownContext.close();
      await app.stop();
      await database.drop();
    }
  });
});
