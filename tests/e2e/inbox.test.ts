// The Inbox in a real Chromium: callbacks appear live without a reload, search and
// filters live in the URL (a reload keeps them), pages go older and back to newest,
// j/k move through rows. Other e2e files share the server, so this file works with
// its own endpoints and a marker in its payloads.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpoint, type CreatedEndpoint } from "@/tests/support/api";
import { ingest, ingestOk, listEvents } from "@/tests/support/callbacks-inbox";
import { aspectTaskEvent } from "@/tests/support/callbacks-payloads";
import { newStandardWebhooksSecret, svixHeaders } from "@/tests/support/callbacks-signing";
import { startAppServer, TEST_API_TOKEN } from "@/tests/support/app-server";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import {
  expectNoPageErrors,
  launchBrowser,
  screenshotBothThemes,
  signIn,
  signedInPage,
} from "./support/browser";

const run = randomUUID().slice(0, 8);
let browser: Browser;
let endpoint: CreatedEndpoint & { secret: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const secret = newStandardWebhooksSecret();
  endpoint = {
    ...(await createEndpoint({ name: `Renders ${run}`, provider: "aspect", secrets: [secret] })),
    secret,
  };
});
afterAll(async () => {
  await browser?.close();
});

let sent = 0;
const lastSent = { body: "", headers: {} as Record<string, string> };
/** A correctly signed Aspect callback for a new task; returns its event id. */
async function sendSigned(label: string): Promise<string> {
  sent += 1;
  lastSent.body = JSON.stringify(
    aspectTaskEvent({
      taskId: `${label}-${run}-${sent}`,
      eventType: "task.completed",
      features: { transcription: "completed", visual: "completed" },
      updated: new Date().toISOString(),
    }),
  );
  lastSent.headers = svixHeaders(endpoint.secret, lastSent.body);
  return (await ingestOk(endpoint, lastSent.body, lastSent.headers)).eventId;
}

const row = (page: Page, eventId: string) => page.locator(`tr[data-event-id="${eventId}"]`);
const focusedRowId = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.closest<HTMLElement>("[data-nav-item]")?.dataset.eventId ?? null,
  );

describe("Inbox", () => {
  it("shows new callbacks live, searches, filters in the URL, pages, and moves with j/k", async () => {
    const { page, errors } = await signedInPage(browser);
    await page.goto("/");
    await expect
      .poll(() => page.locator("[data-live-status]").getAttribute("data-live-status"))
      .toBe("live");
    // Survives only as long as the document does: a reload would drop it.
    await page.evaluate(
      () => ((window as unknown as { inboxMarker: string }).inboxMarker = "same document"),
    );

    // Live: a signed callback shows up on top without a reload, highlighted as new.
    const first = await sendSigned("live");
    await row(page, first).waitFor();
    expect(await row(page, first).getAttribute("data-new")).toBe("true");
    const second = await sendSigned("live");
    await row(page, second).waitFor();
    // The provider retries the same message: no new row, the count on its row goes up.
    expect((await ingestOk(endpoint, lastSent.body, lastSent.headers)).eventId).toBe(second);
    await row(page, second).getByText("×2").waitFor();
    expect(await page.locator(`tr[data-event-id="${second}"]`).count()).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { inboxMarker?: string }).inboxMarker),
    ).toBe("same document");
    const ids = await page
      .locator("tr[data-event-id]")
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.eventId));
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    await expect.poll(() => row(page, first).textContent()).toContain(`Renders ${run}`);
    expect(await row(page, first).textContent()).toContain("verified");
    expect(await row(page, first).textContent()).toContain("aspect");
    expect(await row(page, first).locator(`a[href="/events/${first}"]`).count()).toBe(1);
    expect(await row(page, first).locator('a[href^="/jobs/job_"]').count()).toBe(1);

    // A forged callback is stored as failed and is listed with that badge.
    const forgedBody = JSON.stringify(
      aspectTaskEvent({
        taskId: `forged-${run}`,
        eventType: "task.completed",
        features: { visual: "completed" },
        updated: new Date().toISOString(),
      }),
    );
    expect(
      (await ingest(endpoint, forgedBody, svixHeaders(newStandardWebhooksSecret(), forgedBody)))
        .status,
    ).toBe(401);
    const forgedRow = page
      .locator("tr[data-event-id]", { hasText: "failed" })
      .filter({ hasText: `Renders ${run}` });
    await forgedRow.first().waitFor();

    // j/k move the focus through the rows, from the top.
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("j");
    const top = await page.locator("tr[data-event-id]").first().getAttribute("data-event-id");
    expect(await focusedRowId(page)).toBe(top);
    await page.keyboard.press("j");
    const secondRow = await page.locator("tr[data-event-id]").nth(1).getAttribute("data-event-id");
    expect(await focusedRowId(page)).toBe(secondRow);
    await page.keyboard.press("k");
    expect(await focusedRowId(page)).toBe(top);

    await screenshotBothThemes(page, "inbox-populated");

    // Search: "/" focuses the box; the term goes into the URL, and a reload keeps it.
    await page.keyboard.press("/");
    expect(
      await page.evaluate(() => document.activeElement?.hasAttribute("data-search-input")),
    ).toBe(true);
    await page.keyboard.type(`live-${run}-1`);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === `live-${run}-1`);
    await expect.poll(() => page.locator("tr[data-event-id]").count()).toBe(1);
    expect(await row(page, first).count()).toBe(1);
    await page.reload();
    expect(await page.getByLabel("Search payloads").inputValue()).toBe(`live-${run}-1`);
    expect(await page.locator("tr[data-event-id]").count()).toBe(1);
    expect(await row(page, first).count()).toBe(1);

    // Filters: endpoint and verification, applied on change, kept in the URL and over a reload.
    await page.goto("/");
    await page.getByLabel("Endpoint").selectOption({ label: `Renders ${run}` });
    await page.waitForURL((url) => url.searchParams.get("endpointId") === endpoint.id);
    await page.getByLabel("Verification").selectOption("failed");
    await page.waitForURL(
      (url) =>
        url.searchParams.get("verification") === "failed" &&
        url.searchParams.get("endpointId") === endpoint.id,
    );
    await page.reload();
    expect(await page.getByLabel("Verification").inputValue()).toBe("failed");
    await expect.poll(() => page.locator("tr[data-event-id]").count()).toBe(1);
    expect(await page.locator("tr[data-event-id]").first().textContent()).toContain("failed");
    await screenshotBothThemes(page, "inbox-filtered");

    // A filter that matches nothing says so and offers to clear the filters.
    await page.goto(`/?q=${encodeURIComponent(`nothing-matches-${randomUUID()}`)}`);
    await page.getByText("No events match these filters").waitFor();
    await screenshotBothThemes(page, "inbox-no-match");
    await page.getByRole("link", { name: "Clear filters" }).last().click();
    await page.waitForURL((url) => url.pathname === "/" && url.search === "");

    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("pages through older events with the cursor and back to the newest", async () => {
    const { page, errors } = await signedInPage(browser);
    // This endpoint has 3 events so far; two more make five: pages of 2, 2 and 1.
    await sendSigned("page");
    await sendSigned("page");
    await page.goto(`/?endpointId=${endpoint.id}&limit=2`);
    const pageIds = () =>
      page
        .locator("tr[data-event-id]")
        .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.eventId ?? ""));
    const seen: string[] = [];
    const newest = await pageIds();
    expect(newest).toHaveLength(2);
    seen.push(...newest);
    for (const expected of [2, 1]) {
      const before = await pageIds();
      await page.getByRole("link", { name: "Older →" }).click();
      await expect
        .poll(async () => (await pageIds()).some((id) => before.includes(id)))
        .toBe(false);
      const ids = await pageIds();
      expect(ids).toHaveLength(expected);
      expect(ids.filter((id) => seen.includes(id))).toEqual([]);
      seen.push(...ids);
      expect(new URL(page.url()).searchParams.get("limit")).toBe("2");
      expect(new URL(page.url()).searchParams.has("cursor")).toBe(true);
      expect(await page.locator("[data-live-status]").getAttribute("data-live-status")).toBe(
        "paused",
      );
    }
    expect(new Set(seen).size).toBe(5);
    expect(await page.getByRole("link", { name: "Older →" }).count()).toBe(0);
    await page.getByRole("link", { name: "← Newest" }).click();
    await page.waitForURL((url) => !url.searchParams.has("cursor"));
    await expect.poll(pageIds).toEqual(newest);

    // More than a page arrives at once: the live list shows the newest ones with no
    // hidden gap below them (every row the API has between top and bottom is shown).
    const burst = await Promise.all([
      sendSigned("burst"),
      sendSigned("burst"),
      sendSigned("burst"),
    ]);
    const apiIds = async (limit: number) =>
      (await listEvents({ endpointId: endpoint.id, limit })).items.map((e) => e.id);
    const newestTwo = await apiIds(2);
    expect(newestTwo.every((id) => burst.includes(id))).toBe(true);
    // The three are announced one by one, and one committed last can sort below the
    // others: once the list settles, its rows are exactly the API's (no gap, no duplicate).
    await expect
      .poll(async () => {
        const shown = await pageIds();
        return {
          top: shown.slice(0, 2),
          gapFree: (await apiIds(shown.length)).join() === shown.join(),
        };
      })
      .toEqual({ top: newestTwo, gapFree: true });
    expect(await page.getByRole("link", { name: "Older →" }).count()).toBe(1);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("teaches how to get a first callback when nothing was received yet", async () => {
    // Its own server on an empty database: the shared one has other files' events.
    const database = await createFreshDatabase("inbox_empty");
    const app = await startAppServer(database.url);
    const context = await browser.newContext({
      baseURL: app.baseUrl,
      viewport: { width: 1366, height: 900 },
    });
    try {
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await signIn(page);
      await page.getByText("No callbacks yet").waitFor();
      // A server that just started (on a busy machine) can take more than the default second to connect the stream.
      await expect
        .poll(() => page.locator("[data-live-status]").getAttribute("data-live-status"), {
          timeout: 15_000,
        })
        .toBe("live");
      const createCommand = await page
        .getByRole("figure")
        .filter({ hasText: "Create an endpoint" })
        .textContent();
      expect(createCommand).toContain(`${new URL(app.baseUrl).host}/api/endpoints`);
      await screenshotBothThemes(page, "inbox-empty");

      // With an endpoint, the test command targets its ingest URL, ready to paste.
      const created = (await (
        await fetch(`${app.baseUrl}/api/endpoints`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${TEST_API_TOKEN}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ name: "First endpoint", provider: "generic" }),
        })
      ).json()) as { key: string; ingestUrl: string };
      await page.reload();
      const sendFigure = page.getByRole("figure").filter({ hasText: "Send a test callback" });
      const command = (await sendFigure.textContent()) ?? "";
      expect(command).toContain(`/in/${created.key}`);

      // Running that command (as curl would) makes the event appear live.
      const body = /-d '([^']+)'/.exec(command)?.[1];
      if (!body) throw new Error(`no body in ${command}`);
      expect(
        (
          await fetch(created.ingestUrl, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body,
          })
        ).status,
      ).toBe(200);
      await page.locator("tr[data-event-id]").first().waitFor();
      expect(await page.getByText("No callbacks yet").count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await app.stop();
      await database.drop();
    }
  });
});
