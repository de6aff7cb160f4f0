// Settings in a real Chromium: personal API tokens shown once and revocable, an
// invitation accepted in a second browser, and what a member may and may not do.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  e2eBaseUrl,
  expectNoPageErrors,
  expectSignedInAs,
  launchBrowser,
  newPage,
  screenshotBothThemes,
  signedInPage,
  signIn,
  type PageErrors,
} from "./support/browser";

let browser: Browser;
let admin: { context: BrowserContext; page: Page; errors: PageErrors };

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInPage(browser);
  admin.page.on("dialog", (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
});

const listEndpoints = (token: string) =>
  fetch(`${e2eBaseUrl()}/api/endpoints`, { headers: { authorization: `Bearer ${token}` } });

describe("settings", () => {
  it("a personal token is shown once, works as Bearer, and stops working when revoked", async () => {
    const { page, errors } = admin;
    await page.goto("/settings");
    await page
      .getByText(/INBOX_API_TOKEN/)
      .first()
      .waitFor();
    await page.getByLabel("Token name").fill("CI deploy script");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("shown-once").textContent()) ?? "";
    expect(token).toMatch(/^inbox_pat_/);
    expect((await listEndpoints(token)).status).toBe(200);
    await screenshotBothThemes(page, "settings");

    // Shown once: after a reload only its first characters remain.
    await page.reload();
    const row = page.getByTestId("token-row").filter({ hasText: "CI deploy script" });
    await row.getByText("active").waitFor();
    expect(await page.content()).not.toContain(token);

    await row.getByRole("button", { name: "Revoke token CI deploy script" }).click();
    await row.getByText("revoked").waitFor();
    expect((await listEndpoints(token)).status).toBe(401);
    expectNoPageErrors(errors);
  });

  it("an admin invites a teammate, who joins in another browser; the link works once", async () => {
    const { page } = admin;
    await page.goto("/settings");
    await page.getByLabel("Teammate's email").fill("teammate@inbox.test");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = (await page.getByTestId("shown-once").textContent()) ?? "";
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{32}$/);
    await page.reload();
    await page.getByTestId("invitation-row").filter({ hasText: "teammate@inbox.test" }).waitFor();

    const invitee = await newPage(browser);
    await invitee.page.goto(link);
    await invitee.page.getByRole("heading", { name: "Join Webhook Inbox" }).waitFor();
    expect(await invitee.page.getByLabel("Email").inputValue()).toBe("teammate@inbox.test");
    await screenshotBothThemes(invitee.page, "invite");
    await invitee.page.getByLabel("Your name").fill("Tina Teammate");
    await invitee.page.getByLabel("Password", { exact: true }).fill("teammate-password-1");
    await invitee.page.getByLabel("Confirm password").fill("teammate-password-1");
    await invitee.page.getByRole("button", { name: "Join and sign in" }).click();
    await invitee.page.waitForURL((url) => url.pathname === "/");
    await expectSignedInAs(invitee.page, "teammate@inbox.test");
    expectNoPageErrors(invitee.errors);

    // A member sees the team read-only and cannot invite.
    await invitee.page.goto("/settings");
    await invitee.page
      .getByTestId("member-row")
      .filter({ hasText: "teammate@inbox.test" })
      .waitFor();
    expect(await invitee.page.getByLabel("Teammate's email").count()).toBe(0);
    expect(await invitee.page.getByRole("combobox", { name: /^Role of/ }).count()).toBe(0);
    expect(await invitee.page.getByRole("button", { name: /^Remove / }).count()).toBe(0);
    await screenshotBothThemes(invitee.page, "settings-member");

    // Everyone can change their own password; the new one is the one that signs in.
    await invitee.page.getByLabel("Current password").fill("teammate-password-1");
    await invitee.page.getByLabel("New password", { exact: true }).fill("teammate-password-2");
    await invitee.page.getByLabel("Confirm new password").fill("teammate-password-2");
    await invitee.page.getByRole("button", { name: "Change password" }).click();
    await invitee.page.getByText("Password changed.", { exact: false }).waitFor();
    await invitee.page.getByRole("button", { name: "Sign out" }).click();
    await invitee.page.waitForURL((url) => url.pathname === "/login");
    await signIn(invitee.page, { email: "teammate@inbox.test", password: "teammate-password-2" });
    await expectSignedInAs(invitee.page, "teammate@inbox.test");

    // Single use: the same link is dead now.
    const second = await newPage(browser);
    await second.page.goto(link);
    await second.page.getByRole("heading", { name: "This invitation link is not valid" }).waitFor();
    await screenshotBothThemes(second.page, "invite-invalid");
    await second.context.close();

    // The admin sees the new member and no pending invitation for them.
    await page.reload();
    await page.getByTestId("member-row").filter({ hasText: "teammate@inbox.test" }).waitFor();
    expect(
      await page.getByTestId("invitation-row").filter({ hasText: "teammate@inbox.test" }).count(),
    ).toBe(0);

    // The admin makes them an admin, then removes them; their session stops working.
    await page.getByRole("combobox", { name: "Role of teammate@inbox.test" }).selectOption("admin");
    await page
      .getByTestId("member-row")
      .filter({ hasText: "teammate@inbox.test" })
      .getByText("Saved")
      .waitFor();
    await page.reload();
    expect(
      await page.getByRole("combobox", { name: "Role of teammate@inbox.test" }).inputValue(),
    ).toBe("admin");
    await page.getByRole("button", { name: "Remove teammate@inbox.test" }).click();
    await page
      .getByTestId("member-row")
      .filter({ hasText: "teammate@inbox.test" })
      .waitFor({ state: "detached" });
    await invitee.page.goto("/settings");
    await invitee.page.waitForURL((url) => url.pathname === "/login");
    await invitee.context.close();
  });

  it("a wrong current password is refused", async () => {
    const { page } = admin;
    await page.goto("/settings");
    await page.getByLabel("Current password").fill("wrong-current-password");
    await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
    await page.getByLabel("Confirm new password").fill("a-brand-new-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("The current password is not right.").waitFor();
  });
});
