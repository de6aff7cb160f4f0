// A real Chromium for end-to-end tests (Debian's, installed by .ci/run; Playwright's
// own browser download cannot work here), driven by playwright-core.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { TEST_ADMIN } from "@/tests/support/app-server";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Screenshots of every page, both themes, for people to look at (git-ignored). */
export const SCREENSHOT_DIR = path.resolve("test-results/screenshots");

export const e2eBaseUrl = (): string => inject("baseUrl");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Flags that work in this sandbox (DESIGN.md 6): no sandbox as root, and no
    // background traffic to Google that the closed network would refuse.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export type PageErrors = { console: string[]; page: string[]; csp: string[] };

/**
 * A fresh context (own cookies) and page; records console errors, uncaught page
 * errors and CSP violations so tests can assert that nothing broke or was blocked.
 */
export async function newPage(
  browser: Browser,
  options: { colorScheme?: "light" | "dark" } = {},
): Promise<{ context: BrowserContext; page: Page; errors: PageErrors }> {
  const context = await browser.newContext({
    baseURL: e2eBaseUrl(),
    viewport: { width: 1366, height: 900 },
    colorScheme: options.colorScheme ?? "light",
  });
  const page = await context.newPage();
  const errors: PageErrors = { console: [], page: [], csp: [] };
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    (text.includes("Content Security Policy") ? errors.csp : errors.console).push(text);
  });
  page.on("pageerror", (error) => errors.page.push(error.message));
  return { context, page, errors };
}

/** Signs in through the login form, as a person would. */
export async function signIn(
  page: Page,
  credentials: { email: string; password: string } = TEST_ADMIN,
  next = "/",
): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

export async function signedInPage(
  browser: Browser,
  options: { colorScheme?: "light" | "dark" } = {},
) {
  const opened = await newPage(browser, options);
  await signIn(opened.page);
  return opened;
}

/**
 * Full-page screenshots of the current page in the light and the dark theme, as
 * test-results/screenshots/<name>-light.png and -dark.png.
 */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // From the top (a sticky header would be painted where the page was scrolled to),
  // with the pointer off every control (no hover colours from the last click).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // animations "disabled" ends colour transitions at once: a theme switch mid-transition looks washed out.
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`),
      fullPage: true,
      animations: "disabled",
    });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** No uncaught errors and no CSP violations happened on the page. */
export function expectNoPageErrors(errors: PageErrors): void {
  expect(errors.page, "uncaught errors in the page").toEqual([]);
  expect(errors.csp, "Content-Security-Policy violations").toEqual([]);
}

/**
 * The session belongs to `email`: the signed-in shell's header names them. Checked on
 * /settings, which every signed-in person may open and which always has the shell.
 */
export async function expectSignedInAs(page: Page, email: string): Promise<void> {
  await page.goto("/settings");
  expect(new URL(page.url()).pathname).toBe("/settings");
  await page.getByRole("banner").getByText(email, { exact: true }).waitFor();
}
