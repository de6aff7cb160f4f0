// The endpoint page's Alerts panel in a real Chromium: add a Slack channel (a fake
// Slack receiver on 127.0.0.1), send a test, see a failed job's alert with its
// outcome, a blocked channel's reason, turn a channel off and remove it.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpoint, sendCallback } from "@/tests/support/api";
import { scriptixEvent } from "@/tests/support/callbacks-payloads";
import { scriptixHeaders } from "@/tests/support/callbacks-signing";
import { startReceiver, type Receiver } from "@/tests/support/receiver";
import {
  expectNoPageErrors,
  launchBrowser,
  screenshotBothThemes,
  signedInPage,
  type PageErrors,
} from "./support/browser";

const SECRET = "scriptix-e2e-alerts-secret";

let browser: Browser;
let page: Page;
let errors: PageErrors;
let slack: Receiver;

beforeAll(async () => {
  slack = await startReceiver();
  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser));
  page.on("dialog", (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await slack?.close();
});

describe("alerts panel", () => {
  it("adds a Slack channel, sends a test, lists a failed job's alert, shows a blocked channel, turns off and removes", async () => {
    const endpoint = await createEndpoint({
      name: "Transcripts (alerts)",
      provider: "scriptix",
      secrets: [SECRET],
    });
    const secretPath = `/services/T0E2E/B0E2E/${randomUUID()}`;
    await page.goto(`/endpoints/${endpoint.id}`);
    const panel = page.locator("section", {
      has: page.getByRole("heading", { name: "Alerts", exact: true }),
    });
    await panel.getByText("No channels").waitFor();

    await panel.getByLabel("Webhook URL").fill(slack.url(secretPath));
    await panel.getByLabel("Failed verifications in a burst").fill("3");
    await panel.getByRole("button", { name: "Add channel" }).click();
    await panel.getByText("Channel added. Send a test to check it.").waitFor();
    const hint = `${new URL(slack.url()).host}/services/T…/…`;
    const row = panel.getByTestId("alert-channel-row").filter({ hasText: hint });
    await row.getByText(hint, { exact: true }).waitFor();
    await row
      .getByText("job failed · callback missed · more than 3 failed verifications in 5 min")
      .waitFor();
    // The form is empty again: the URL is not kept in the page.
    expect(await panel.getByLabel("Webhook URL").inputValue()).toBe("");

    await row.getByRole("button", { name: "Send test" }).click();
    await panel.getByText("Test message sent (HTTP 200).").waitFor();
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.path).toBe(secretPath);

    const body = JSON.stringify(
      scriptixEvent({
        id: `stt_${randomUUID()}`,
        event: "transcription.failed",
        error: "speaker diarization failed",
      }),
    );
    expect(
      (await sendCallback(endpoint, body, { headers: scriptixHeaders(SECRET, body) })).status,
    ).toBe(200);
    await expect.poll(() => slack.requests.length, { timeout: 20_000, interval: 100 }).toBe(2);
    await page.reload();
    const jobAlert = panel.getByTestId("alert-row").filter({ hasText: "Job failed" });
    await jobAlert.getByText("sent", { exact: true }).waitFor();
    expect(await jobAlert.getByRole("link", { name: "Job failed" }).getAttribute("href")).toMatch(
      /^\/jobs\/job_/,
    );

    // A channel on a private address the operator did not allow: the test says why.
    await panel.getByLabel("Channel", { exact: true }).selectOption("webhook");
    await panel.getByLabel("Webhook URL").fill("http://10.255.255.1/hooks/inbox");
    await panel.getByRole("button", { name: "Add channel" }).click();
    await panel.getByText("Channel added. Send a test to check it.").waitFor();
    await panel
      .getByTestId("alert-channel-row")
      .filter({ hasText: "10.255.255.1" })
      .getByRole("button", { name: "Send test" })
      .click();
    await panel
      .getByText(
        /The test message was not delivered \(blocked\): 10\.255\.255\.1 is a private-network address/,
      )
      .waitFor();
    await panel.getByTestId("alert-row").filter({ hasText: "blocked" }).first().waitFor();
    await screenshotBothThemes(page, "endpoint-alerts");

    const html = await page.content();
    expect(html).not.toContain(secretPath);
    expect(html).not.toContain("/hooks/inbox");

    await row.getByRole("button", { name: "Turn off" }).click();
    await row.getByText("off", { exact: true }).waitFor();
    await row.getByRole("button", { name: `Remove alert channel ${hint}` }).click();
    await expect
      .poll(() => panel.getByTestId("alert-channel-row").count(), { timeout: 10_000 })
      .toBe(1);
    // Its alerts stay listed, without a channel.
    await panel.getByTestId("alert-row").filter({ hasText: "removed" }).first().waitFor();
    expectNoPageErrors(errors);
  });

  it("turns off a channel whose Slack webhook was revoked and says why on the page", async () => {
    const revoked = await startReceiver();
    revoked.respond = () => ({ status: 404, body: "no_service" });
    try {
      const endpoint = await createEndpoint({
        name: "Transcripts (revoked Slack)",
        provider: "scriptix",
        secrets: [SECRET],
      });
      await page.goto(`/endpoints/${endpoint.id}`);
      const panel = page.locator("section", {
        has: page.getByRole("heading", { name: "Alerts", exact: true }),
      });
      await panel
        .getByLabel("Webhook URL")
        .fill(revoked.url(`/services/T0E2E/B0E2E/${randomUUID()}`));
      await panel.getByRole("button", { name: "Add channel" }).click();
      await panel.getByText("Channel added. Send a test to check it.").waitFor();
      const row = panel.getByTestId("alert-channel-row");
      await row.getByRole("button", { name: "Send test" }).click();
      await row
        .getByText(
          "Turned off because the URL no longer works (the receiver answered 404: no_service).",
          { exact: false },
        )
        .waitFor();
      await row.getByText("off", { exact: true }).waitFor();
      await screenshotBothThemes(page, "endpoint-alerts-revoked");
      expectNoPageErrors(errors);
    } finally {
      await revoked.close();
    }
  });
});
