// Forwarding and replay from the event page in a real browser: the automatic forward
// to a destination is listed; a replay to another URL is sent once even when the
// button is double-clicked; a refused address is shown as blocked.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiJson, createEndpoint, sendCallback } from "@/tests/support/api";
import { newStandardWebhooksSecret } from "@/tests/support/callbacks-signing";
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
let eventId = "";

beforeAll(async () => {
  receiver = await startReceiver();
  const endpoint = await createEndpoint({
    name: `Forwarded ${randomUUID().slice(0, 6)}`,
    provider: "clipzy",
  });
  // The shared test server allow-lists 127.0.0.1 for outbound requests (tests/support/app-server.ts).
  const created = await apiJson(`/api/endpoints/${endpoint.id}/destinations`, {
    method: "POST",
    body: JSON.stringify({ url: receiver.url("/auto"), forward: "all" }),
  });
  expect(created.status).toBe(201);
  const response = await sendCallback(
    endpoint,
    JSON.stringify({ job_id: `job-${randomUUID()}`, status: "completed" }),
  );
  expect(response.status).toBe(200);
  eventId = ((await response.json()) as { eventId: string }).eventId;
  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

describe("event page: forwarding and replay", () => {
  it("lists the automatic forward, and sends a replay once for a double click", async () => {
    await expect
      .poll(() => receiver.requests.filter((r) => r.path === "/auto").length, { timeout: 15_000 })
      .toBe(1);
    await page.goto(`/events/${eventId}`);
    const rows = page.getByTestId("attempt-row");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(
      /succeeded[\s\S]*HTTP 200[\s\S]*\/auto[\s\S]*auto #1/,
    );

    await page.getByLabel("Send to").selectOption({ label: "Another URL…" });
    await page.getByLabel("URL", { exact: true }).fill(receiver.url("/manual"));
    await page.getByRole("button", { name: "Replay" }).dblclick();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Attempt" }).innerText())
      .toContain("succeeded (HTTP 200)");
    await expect.poll(() => rows.count()).toBe(2);
    expect(receiver.requests.filter((r) => r.path === "/manual")).toHaveLength(1);
    expect(await rows.first().innerText()).toMatch(/succeeded[\s\S]*\/manual[\s\S]*manual #1/);
    await screenshotBothThemes(page, "event-replay");
    expectNoPageErrors(errors);
  });

  it("shows a replay to a private address as blocked, with the reason", async () => {
    await page.goto(`/events/${eventId}`);
    await page.getByLabel("Send to").selectOption({ label: "Another URL…" });
    await page.getByLabel("URL", { exact: true }).fill("http://10.0.0.1/hooks");
    await page.getByRole("button", { name: "Replay" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Attempt" }).innerText())
      .toContain("blocked");
    expect(await page.getByRole("status").filter({ hasText: "Attempt" }).innerText()).toContain(
      "private-network address",
    );
    expectNoPageErrors(errors);
  });

  it("does not offer re-signing a callback that failed verification, says why, and replays it as received", async () => {
    const endpoint = await createEndpoint({
      name: `Forged ${randomUUID().slice(0, 6)}`,
      provider: "scriptix",
      secrets: ["scriptix-e2e-secret-0123"],
    });
    const forged = JSON.stringify({
      event: "transcription.completed",
      data: { id: randomUUID(), status: "completed" },
    });
    expect(
      (
        await sendCallback(endpoint, forged, {
          headers: { "X-Scriptix-Signature": `sha256=${"0".repeat(64)}` },
        })
      ).status,
    ).toBe(401);
    const listed = await apiJson<{ items: Array<{ id: string }> }>(
      `/api/events?endpointId=${endpoint.id}&verification=failed`,
    );
    const forgedId = listed.body.items[0]?.id ?? "";
    await page.goto(`/events/${forgedId}`);
    expect(await page.getByTestId("resign-refused").innerText()).toContain(
      "this callback failed verification; it can be replayed as received, not re-signed",
    );
    expect(await page.getByLabel(/Re-sign/).count()).toBe(0);
    await page.getByLabel("Send to").selectOption({ label: "Another URL…" });
    await page.getByLabel("URL", { exact: true }).fill(receiver.url("/forged"));
    await page.getByRole("button", { name: "Replay" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Attempt" }).innerText())
      .toContain("succeeded (HTTP 200)");
    const [sent] = receiver.requests.filter((r) => r.path === "/forged");
    expect(sent && receiver.header(sent, "x-inbox-verification")).toBe("failed");
    await screenshotBothThemes(page, "event-replay-forged");
    expectNoPageErrors(errors);
  });
});

describe("endpoint page: destinations", () => {
  it("adds a destination, forwards the next callback to it, and turns it off", async () => {
    const endpoint = await createEndpoint({
      name: `Destinations ${randomUUID().slice(0, 6)}`,
      provider: "aspect",
      secrets: [newStandardWebhooksSecret()],
    });
    await page.goto(`/endpoints/${endpoint.id}`);
    await page.getByLabel("Receiver URL").fill(receiver.url("/from-page"));
    await page.getByRole("button", { name: "Add destination" }).click();
    await page.getByRole("status").filter({ hasText: "Destination added" }).waitFor();
    const row = page.getByTestId("destination-row");
    expect(await row.innerText()).toContain("/from-page");
    expect(await row.innerText()).toContain("accepted events");
    expect(await page.getByLabel("Receiver URL").inputValue()).toBe("");

    // The signed sample goes through ingest, verifies, and is forwarded.
    await page.getByRole("button", { name: "Send a test callback" }).click();
    await expect
      .poll(() => receiver.requests.filter((r) => r.path === "/from-page").length, {
        timeout: 15_000,
      })
      .toBe(1);

    await row.getByRole("button", { name: "Turn off" }).click();
    await expect.poll(() => row.innerText()).toMatch(/\boff\b/);
    await screenshotBothThemes(page, "endpoint-destinations");
    expectNoPageErrors(errors);
  });
});
