// Roles in a real Chromium: a viewer sees the endpoint page, the event page and the
// Inbox without any control that changes something (and notes saying who can); a member
// gets the operational controls but none of an admin's; and a member acting on a stale
// admin's page is refused by the server action itself, with the message on the page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpoint, queryAppDb } from "@/tests/support/api";
import {
  createReplayBatch,
  createRouteFixture,
  type RouteFixture,
} from "@/tests/support/api-route-table";
import { newStandardWebhooksSecret } from "@/tests/support/callbacks-signing";
import { closeTestPeople, createTestPerson } from "@/tests/support/people";
import { startReceiver, type Receiver } from "@/tests/support/receiver";
import {
  expectNoPageErrors,
  launchBrowser,
  newPage,
  screenshotBothThemes,
  signIn,
} from "./support/browser";

let browser: Browser;
let receiver: Receiver;
let fixture: RouteFixture;

beforeAll(async () => {
  browser = await launchBrowser();
  receiver = await startReceiver();
  fixture = await createRouteFixture(receiver.url(), await createReplayBatch(receiver.url()));
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await closeTestPeople();
});

/** Controls only an admin gets on the endpoint page, by their accessible names. */
const ADMIN_CONTROLS = [
  { role: "button", name: "Add destination" },
  { role: "button", name: "Add channel" },
  { role: "button", name: /^(Save polling|Set up polling)$/ },
  { role: "button", name: "Archive endpoint…" },
  { role: "button", name: "Save" },
  { role: "button", name: /^Remove destination/ },
  { role: "button", name: "Send test" },
  { role: "button", name: "Turn off" },
] as const;

async function signedInAs(role: "viewer" | "member" | "admin") {
  const person = await createTestPerson(role);
  const opened = await newPage(browser);
  await signIn(opened.page, person);
  return { ...opened, person };
}

describe("a viewer", () => {
  it("sees the endpoint, its destinations, polling and alerts, with no control that changes them", async () => {
    const { page, errors, context } = await signedInAs("viewer");
    await page.goto(`/endpoints/${fixture.endpoint.id}`);
    await page.getByTestId("destination-row").waitFor();
    await page.getByTestId("polling-summary").waitFor();
    await page.getByTestId("alert-channel-row").waitFor();
    for (const control of ADMIN_CONTROLS)
      expect(
        await page.getByRole(control.role, { name: control.name }).count(),
        String(control.name),
      ).toBe(0);
    expect(await page.getByRole("button", { name: "Send a test callback" }).count()).toBe(0);
    // No field to type into in the page's content (the header's sign-out form carries Next's hidden fields).
    expect(
      await page.locator("main").locator("input:not([type=hidden]), select, textarea").count(),
    ).toBe(0);
    await page.getByText("Only admins can change polling settings.").waitFor();
    await page.getByText("Only admins can add, turn off or remove destinations.").waitFor();
    await page.getByText("Members and admins can send test callbacks.").waitFor();
    await screenshotBothThemes(page, "endpoint-viewer");

    // A signed endpoint: its secrets are counted, not changeable.
    const signed = await createEndpoint({
      name: "signed, seen by a viewer",
      provider: "aspect",
      secrets: [newStandardWebhooksSecret()],
    });
    await page.goto(`/endpoints/${signed.id}`);
    await page.getByTestId("secret-count").waitFor();
    await page
      .getByText("Only admins can change the signing secrets and how callbacks are verified.")
      .waitFor();
    expect(await page.getByRole("button", { name: /^Remove signing secret/ }).count()).toBe(0);
    expect(await page.getByLabel(/signing secret/).count()).toBe(0);

    await page.goto("/endpoints");
    await page.getByRole("link", { name: fixture.endpoint.name }).waitFor();
    expect(await page.getByRole("link", { name: "New endpoint" }).count()).toBe(0);

    await page.goto(`/events/${fixture.eventId}`);
    await page.getByText("Members and admins can replay events.").waitFor();
    expect(await page.getByRole("button", { name: "Replay" }).count()).toBe(0);

    await page.goto(`/?endpointId=${fixture.endpoint.id}`);
    await page.getByRole("heading", { name: "Inbox" }).waitFor();
    expect(await page.getByRole("button", { name: "Replay matching events…" }).count()).toBe(0);
    expectNoPageErrors(errors);
    await context.close();
  });
});

describe("a member", () => {
  it("gets test callbacks, replay and bulk replay, but none of an admin's controls", async () => {
    const { page, errors, context } = await signedInAs("member");
    await page.goto(`/endpoints/${fixture.endpoint.id}`);
    await page.getByRole("button", { name: "Send a test callback" }).waitFor();
    for (const control of ADMIN_CONTROLS)
      expect(
        await page.getByRole(control.role, { name: control.name }).count(),
        String(control.name),
      ).toBe(0);
    await screenshotBothThemes(page, "endpoint-member");

    await page.goto(`/events/${fixture.eventId}`);
    await page.getByRole("button", { name: "Replay" }).waitFor();
    await page.goto(`/?endpointId=${fixture.endpoint.id}`);
    await page.getByRole("button", { name: "Replay matching events…" }).waitFor();
    expectNoPageErrors(errors);
    await context.close();
  });

  it("acting on a page from when they were an admin, is refused by the server with the role it needs", async () => {
    const { page, context, person } = await signedInAs("admin");
    await page.goto(`/endpoints/${fixture.endpoint.id}`);
    await page.getByRole("button", { name: "Add destination" }).waitFor();
    // Demoted while the page stays open: the form is still there, the action must refuse.
    await queryAppDb("UPDATE users SET role = 'member' WHERE id = $1", [person.id]);
    const before = await queryAppDb(
      "SELECT id, enabled FROM destinations WHERE endpoint_id = $1 ORDER BY id",
      [fixture.endpoint.id],
    );
    await page.getByLabel("Receiver URL").fill(receiver.url("/from-a-member"));
    await page.getByRole("button", { name: "Add destination" }).click();
    await page.getByText("this needs the admin role; you are a member").waitFor();
    await page.getByRole("button", { name: "Turn off" }).first().click();
    await expect
      .poll(() => page.getByText("this needs the admin role; you are a member").count())
      .toBe(2);
    expect(
      await queryAppDb("SELECT id, enabled FROM destinations WHERE endpoint_id = $1 ORDER BY id", [
        fixture.endpoint.id,
      ]),
    ).toEqual(before);
    await screenshotBothThemes(page, "endpoint-member-refused");
    await context.close();
  });
});
