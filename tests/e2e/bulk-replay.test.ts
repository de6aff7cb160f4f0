// Bulk replay from the Inbox in a real browser: filter the Inbox, open "Replay matching
// events", read the count, pick a URL, confirm, double-click start; the progress page
// counts the outcomes live until done, and the receiver (a real server on 127.0.0.1)
// got each event exactly once from exactly one batch.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiJson,
  createEndpoint,
  queryAppDb,
  sendCallback,
  type CreatedEndpoint,
} from "@/tests/support/api";
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
const eventIds: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  endpoint = await createEndpoint({
    name: `Bulk replay ${randomUUID().slice(0, 6)}`,
    provider: "clipzy",
  });
  // A destination of this endpoint, offered in the dialog with its endpoint's name.
  const destination = await apiJson(`/api/endpoints/${endpoint.id}/destinations`, {
    method: "POST",
    body: JSON.stringify({ url: receiver.url("/saved"), enabled: false }),
  });
  expect(destination.status).toBe(201);
  for (const status of ["completed", "failed", "completed"]) {
    const response = await sendCallback(
      endpoint,
      JSON.stringify({
        job_id: `job-${randomUUID()}`,
        status,
        ...(status === "completed" ? { output_video_url: "https://cdn.example/out.mp4" } : {}),
      }),
    );
    expect(response.status).toBe(200);
    eventIds.push(((await response.json()) as { eventId: string }).eventId);
  }
  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

const count = (outcome: string) => page.getByTestId(`replay-${outcome}`).innerText();

describe("Inbox: replay matching events", () => {
  it("counts, confirms, starts one batch for a double click, and shows its progress until done", async () => {
    // The failed event's replay is refused by the receiver; the first answer is sent at
    // once and the rest are held until the in-progress page has been looked at.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const failedEventId = eventIds[1];
    receiver.respond = (request, index) => {
      const reply = {
        status: receiver.header(request, "x-inbox-event-id") === failedEventId ? 500 : 200,
        body: "ok",
      };
      return index === 0 ? reply : held.then(() => reply);
    };

    await page.goto(`/?endpointId=${endpoint.id}`);
    await page.locator("[data-event-id]").first().waitFor();
    await screenshotBothThemes(page, "inbox-bulk-replay-control");
    await page.getByRole("button", { name: "Replay matching events…" }).click();
    const dialog = page.getByRole("dialog", { name: "Replay matching events" });
    await expect.poll(() => dialog.getByRole("status").innerText()).toMatch(/^3\s+events match/);
    expect(await dialog.getByRole("list", { name: "Filters" }).innerText()).toContain(
      `endpoint: ${endpoint.name}`,
    );
    expect(await dialog.getByLabel("Send to").innerText()).toContain(
      `${endpoint.name}: ${receiver.url("/saved")} (off)`,
    );
    await screenshotBothThemes(page, "inbox-bulk-replay-dialog");

    await dialog.getByLabel("Send to").selectOption({ label: "Another URL…" });
    await dialog.getByLabel("URL", { exact: true }).fill(receiver.url("/bulk"));
    await dialog.getByRole("button", { name: "Replay 3 events…" }).click();
    const confirmation = dialog.getByRole("status").filter({ hasText: "Replay 3 events?" });
    expect(await confirmation.innerText()).toContain(receiver.url("/bulk"));
    await screenshotBothThemes(page, "inbox-bulk-replay-confirm");

    await dialog.getByRole("button", { name: "Start replay" }).dblclick();
    await page.waitForURL(/\/replays\/rpl_/);
    const batchId = new URL(page.url()).pathname.split("/").pop() ?? "";

    // In progress: the first answered, the other two held; the page catches up by itself.
    await expect
      .poll(() => receiver.requests.filter((r) => r.path === "/bulk").length, { timeout: 15_000 })
      .toBe(3);
    await expect.poll(() => count("pending"), { timeout: 15_000 }).toBe("2");
    expect(Number(await count("succeeded")) + Number(await count("failed"))).toBe(1);
    expect(
      await page.getByRole("progressbar", { name: "Events sent" }).getAttribute("aria-valuenow"),
    ).toBe("1");
    expect(await page.getByText("this page updates every second").count()).toBe(1);
    await screenshotBothThemes(page, "replay-progress-running");

    release();
    // Done: the page stops refreshing once nothing is pending, with the right counts.
    await page.getByText("done", { exact: true }).waitFor({ timeout: 20_000 });
    expect([
      await count("succeeded"),
      await count("failed"),
      await count("blocked"),
      await count("pending"),
    ]).toEqual(["2", "1", "0", "0"]);
    expect(await page.getByTestId("attempt-row").count()).toBe(3);
    expect(
      await page.getByTestId("attempt-row").filter({ hasText: "HTTP 500" }).innerText(),
    ).toContain("failed");
    await screenshotBothThemes(page, "replay-progress-done");

    // One batch for the double click, each event received once.
    const sent = receiver.requests
      .filter((r) => r.path === "/bulk")
      .map((r) => receiver.header(r, "x-inbox-event-id"));
    expect(sent.sort()).toEqual([...eventIds].sort());
    const batches = await queryAppDb<{ id: string }>(
      "SELECT id FROM replay_batches WHERE request->'filter'->>'endpointId' = $1",
      [endpoint.id],
    );
    expect(batches.map((b) => b.id)).toEqual([batchId]);

    // The page is a URL to come back to: a reload shows the same, and the request.
    await page.reload();
    expect(await count("succeeded")).toBe("2");
    expect(await page.getByText(receiver.url("/bulk"), { exact: true }).count()).toBe(1);
    expectNoPageErrors(errors);
  });

  it("says when nothing matches, and closes with Escape", async () => {
    await page.goto(`/?endpointId=${endpoint.id}&type=no-such-type`);
    await page.getByRole("button", { name: "Replay matching events…" }).click();
    const dialog = page.getByRole("dialog", { name: "Replay matching events" });
    await expect
      .poll(() => dialog.getByRole("status").innerText())
      .toBe("No events match these filters.");
    expect(await dialog.getByRole("button", { name: "Replay", exact: true }).isDisabled()).toBe(
      true,
    );
    await page.keyboard.press("Escape");
    expect(await dialog.isVisible()).toBe(false);
    expectNoPageErrors(errors);
  });
});
