// Signing in, signing out and the one-time set-up, in a real Chromium.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  TEST_ADMIN,
  TEST_SETUP_CODE,
  startAppServer,
  type AppServer,
} from "@/tests/support/app-server";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import {
  expectNoPageErrors,
  expectSignedInAs,
  launchBrowser,
  newPage,
  screenshotBothThemes,
  signIn,
} from "./support/browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("sign in and out", () => {
  it("a wrong password shows the error and stays on /login", async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto("/login");
    await page.getByLabel("Email").fill(TEST_ADMIN.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("That email and password do not match an account.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    expectNoPageErrors(errors);
    await context.close();
  });

  it("the right password lands on / in the signed-in shell; signing out returns to /login", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page);
    expect(new URL(page.url()).pathname).toBe("/");
    await expectSignedInAs(page, TEST_ADMIN.email);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    // The session is gone, not just the page: a signed-in page sends us back to sign in.
    await page.goto("/settings");
    await page.waitForURL(
      (url) => url.pathname === "/login" && url.searchParams.get("next") === "/settings",
    );
    expectNoPageErrors(errors);
    await context.close();
  });

  it("a signed-out visit to a page comes back to it after signing in", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/endpoints/new");
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByLabel("Email").fill(TEST_ADMIN.email);
    await page.getByLabel("Password").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/endpoints/new");
    await page.getByRole("heading", { name: "New endpoint" }).waitFor();
    await context.close();
  });
});

describe("set-up of an empty instance", () => {
  let server: AppServer;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await createFreshDatabase("e2e_setup");
    server = await startAppServer(database.url, {
      INBOX_ADMIN_EMAIL: undefined,
      INBOX_ADMIN_PASSWORD: undefined,
    });
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("a page sends to /setup; creating the admin signs in; the empty endpoints list teaches what to do", async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // The first visit to an empty instance (the Inbox at "/") goes to the one-time set-up.
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/setup");
    await screenshotBothThemes(page, "setup");
    const fillSetup = async (code: string) => {
      await page.getByLabel("Set-up code").fill(code);
      await page.getByLabel("Name").fill("First Admin");
      await page.getByLabel("Email").fill("first@team.test");
      await page.getByLabel("Password", { exact: true }).fill("first-admin-password");
      await page.getByLabel("Confirm password").fill("first-admin-password");
      await page.getByRole("button", { name: "Create admin and sign in" }).click();
    };
    // Without the code printed at start, nobody becomes admin.
    await fillSetup("not-the-code-0000");
    await page.getByText("That is not the set-up code.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/setup");
    await screenshotBothThemes(page, "setup-wrong-code");
    await fillSetup(TEST_SETUP_CODE);
    await page.waitForURL((url) => url.pathname === "/");
    await expectSignedInAs(page, "first@team.test");

    await page.goto("/endpoints");
    await page.getByRole("heading", { name: "No endpoints yet" }).waitFor();
    await page.getByRole("link", { name: "Create your first endpoint" }).waitFor();
    await screenshotBothThemes(page, "endpoints-empty");
    // Set-up is one-time: with an admin in place the page sends people to sign in.
    await page.goto("/setup");
    await page.waitForURL((url) => url.pathname !== "/setup");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
