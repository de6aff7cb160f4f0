// Endpoints through the dashboard in a real Chromium: create with a preset, copy the
// ingest URL, send a signed test callback, rotate secrets, change the body cap and the
// rate limit, archive.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoPageErrors,
  launchBrowser,
  screenshotBothThemes,
  signedInPage,
  type PageErrors,
} from "./support/browser";

const whsec = () => `whsec_${randomBytes(32).toString("base64")}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: PageErrors;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, errors } = await signedInPage(browser));
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  page.on("dialog", (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
});

async function createEndpoint(name: string, provider: string, secret?: string): Promise<string> {
  await page.goto("/endpoints/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Provider").selectOption(provider);
  if (secret !== undefined) await page.locator("#secret").fill(secret);
  await page.getByRole("button", { name: "Create endpoint" }).click();
  await page.waitForURL((url) => /^\/endpoints\/ep_/.test(url.pathname));
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

describe("endpoints", () => {
  it("the form explains the chosen preset's scheme and refuses a non-whsec secret for Aspect", async () => {
    await page.goto("/endpoints/new");
    await page.getByLabel("Provider").selectOption("aspect");
    await page.getByText("It starts with whsec_.").waitFor();
    await page.getByText(/Aspect signs every callback \(Standard Webhooks/).waitFor();
    await screenshotBothThemes(page, "endpoint-new");
    await page.getByLabel("Provider").selectOption("json2video");
    await page.getByText(/JSON2Video does not sign callbacks/).waitFor();
    await page.getByLabel("Provider").selectOption("clipzy");
    expect(await page.locator("#secret").count()).toBe(0);

    await page.getByLabel("Provider").selectOption("aspect");
    await page.getByLabel("Name").fill("Bad secret");
    // Past the browser's own pattern check, the server's validation answers.
    await page.locator("#secret").evaluate((input) => input.removeAttribute("pattern"));
    await page.locator("#secret").fill("not-a-whsec-secret");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await page.getByText(/a Standard Webhooks secret looks like whsec_/).waitFor();
    expect(new URL(page.url()).pathname).toBe("/endpoints/new");
  });

  it("an Aspect endpoint: ingest URL with copy, curl for the empty state, test callback verified", async () => {
    const id = await createEndpoint("Aspect production", "aspect", whsec());
    await page.getByText("Endpoint created").waitFor();
    const url = (await page.getByTestId("ingest-url").textContent()) ?? "";
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/in\/[A-Za-z0-9_-]{32}$/);
    await page.getByRole("button", { name: "Copy URL" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // No events yet: a ready curl command for the Standard Webhooks scheme.
    await page.getByRole("heading", { name: "No callbacks yet" }).waitFor();
    const curl = (await page.locator("figure pre").textContent()) ?? "";
    expect(curl).toContain(`curl -i -X POST '${url}'`);
    expect(curl).toContain('-H "webhook-signature: v1,$SIG"');
    await page.getByText("1 active signing secret.").waitFor();
    await screenshotBothThemes(page, "endpoint-detail-empty");

    await page.getByRole("button", { name: "Send a test callback" }).click();
    const result = page.getByTestId("test-callback-result");
    await result.getByText("HTTP 200").waitFor();
    await result.getByText("verified", { exact: true }).waitFor();
    await result.getByText("v1 signature matched secret 1 of 1").waitFor();
    const eventLink = result.getByRole("link", { name: /^evt_/ });
    expect(await eventLink.getAttribute("href")).toMatch(/^\/events\/evt_/);
    await screenshotBothThemes(page, "endpoint-detail");

    // The callback was stored: the list shows the endpoint with its event and last callback.
    await page.goto("/endpoints");
    const row = page.locator("tr", { has: page.getByRole("link", { name: "Aspect production" }) });
    await row.getByText("1", { exact: true }).waitFor();
    expect(await row.getByRole("button", { name: "Copy URL" }).count()).toBe(1);
    await screenshotBothThemes(page, "endpoints-list");
    await page.goto(`/endpoints/${id}`);
    // With an event the empty-state curl is gone.
    await page.getByRole("heading", { name: "Test callback" }).waitFor();
    expect(await page.getByRole("heading", { name: "No callbacks yet" }).count()).toBe(0);
    expectNoPageErrors(errors);
  });

  it("rotation: add a new secret, test callbacks use it, remove the old one", async () => {
    const [oldSecret, newSecret] = [whsec(), whsec()];
    await createEndpoint("Rotating", "standard-webhooks", oldSecret);
    await page.getByLabel("Add a new signing secret (rotation)").fill(newSecret);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByText("2 active signing secrets.").waitFor();
    await page.getByRole("button", { name: "Send a test callback" }).click();
    await page
      .getByTestId("test-callback-result")
      .getByText("v1 signature matched secret 1 of 2")
      .waitFor();

    await page.getByRole("button", { name: "Remove signing secret 2" }).click();
    await page.getByText("1 active signing secret.").waitFor();
    await page.getByRole("button", { name: "Send a test callback" }).click();
    await page
      .getByTestId("test-callback-result")
      .getByText("v1 signature matched secret 1 of 1")
      .waitFor();
    // The page never shows a stored secret.
    const html = await page.content();
    expect(html).not.toContain(oldSecret);
    expect(html).not.toContain(newSecret);
  });

  it("an unsigned preset sends its test callback unsigned", async () => {
    await createEndpoint("Clipzy renders", "clipzy");
    await page.getByRole("button", { name: "Send a test callback" }).click();
    await page.getByTestId("test-callback-result").getByText("unsigned", { exact: true }).waitFor();
  });

  it("a generic endpoint takes the paths that name the job, and refuses a malformed one", async () => {
    await page.goto("/endpoints/new");
    expect(await page.getByLabel("Job id path").count()).toBe(0);
    await page.getByLabel("Provider").selectOption("generic");
    await page.getByLabel("Name").fill("Generic renders");
    await page.getByLabel("Job id path").fill("data..id");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await page.getByText(/Job fields: .*keys separated by dots/).waitFor();
    // An error keeps what was typed.
    expect(await page.getByLabel("Name").inputValue()).toBe("Generic renders");
    expect(await page.getByLabel("Provider").inputValue()).toBe("generic");
    await page.getByLabel("Job id path").fill("id");
    await page.getByLabel("State path").fill("status");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await page.waitForURL((url) => /^\/endpoints\/ep_/.test(url.pathname));
    await page.getByText("job id from id · state from status").waitFor();
  });

  it("the rate limit can be changed and turned off; past it the URL answers 429", async () => {
    await createEndpoint("Rate limited", "clipzy");
    await page.getByText("50/s, bursts to 100").waitFor();
    await page.getByLabel("Rate limit (callbacks a second)").fill("1");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    await page.getByText("1/s, bursts to 2").waitFor();
    await page.getByLabel("Rate limit (callbacks a second)").scrollIntoViewIfNeeded();
    await screenshotBothThemes(page, "endpoint-rate-limit");
    const url = (await page.getByTestId("ingest-url").textContent()) ?? "";
    // Six at once against a bucket of two.
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ i }),
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toContain(429);

    await page.getByLabel("Rate limit (callbacks a second)").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    await page.getByText("none", { exact: true }).waitFor();
    expectNoPageErrors(errors);
  });

  it("the body cap can be changed, and archiving asks first then stops the URL", async () => {
    const id = await createEndpoint("To archive", "scriptix", "scriptix-secret");
    await page.getByLabel("Body cap (KiB)").fill("2");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    await page.getByText("2 KiB", { exact: true }).waitFor();
    const url = (await page.getByTestId("ingest-url").textContent()) ?? "";
    const tooLarge = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pad: "x".repeat(4096) }),
    });
    expect(tooLarge.status).toBe(413);

    await page.getByRole("button", { name: "Archive endpoint…" }).click();
    await page.getByText("Archive “To archive”?").waitFor();
    await page.getByRole("button", { name: "Yes, archive it" }).click();
    await page.waitForURL(
      (u) => u.pathname === "/endpoints" && u.searchParams.get("archived") === "true",
    );
    await page.getByRole("link", { name: "To archive" }).waitFor();
    expect((await fetch(url, { method: "POST", body: "{}" })).status).toBe(410);
    await page.goto(`/endpoints/${id}`);
    await page.getByText("archived", { exact: true }).waitFor();
    expectNoPageErrors(errors);
  });
});
