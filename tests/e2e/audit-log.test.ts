// Settings' audit log in a real Chromium: an admin sees who did what, newest first, a
// page at a time ("Older entries" then "Newest"), including a change they made in the
// dashboard; a member does not see it at all.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ADMIN, TEST_API_TOKEN } from "@/tests/support/app-server";
import { closeTestPeople, createTestPerson } from "@/tests/support/people";
import {
  e2eBaseUrl,
  expectNoPageErrors,
  launchBrowser,
  newPage,
  screenshotBothThemes,
  signedInPage,
  signIn,
} from "./support/browser";

let browser: Browser;

async function api(method: string, path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${e2eBaseUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeTestPeople();
});

describe("the audit log on Settings", () => {
  it("lists changes newest first with who, what, target and details, and pages back", async () => {
    const endpoint = await api("POST", "/api/endpoints", {
      name: "Audited renders",
      provider: "scriptix",
      secrets: ["e2e-audit-secret-value"],
    });
    await api("PATCH", `/api/endpoints/${endpoint.id}`, {
      verification: { scheme: "none" },
      secrets: [],
    });
    // Enough entries for a second page (25 a page).
    for (let n = 0; n < 26; n++)
      await api("PATCH", `/api/endpoints/${endpoint.id}`, { name: `Audited renders ${n}` });
    await api("POST", "/api/team/invitations", { email: "audit-e2e@example.com", role: "viewer" });

    const { page, errors } = await signedInPage(browser);
    await page.goto("/settings");
    const log = page.locator("#audit-log");
    const rows = log.getByTestId("audit-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(25);
    // Other test files change things meanwhile: find this test's entries by what they name.
    const invited = rows.filter({ hasText: "audit-e2e@example.com" });
    await invited.getByText("Teammate invited").waitFor();
    expect(await invited.textContent()).toContain("operator token");
    // Details as text, in the order Postgres keeps a jsonb object's keys.
    expect(await invited.textContent()).toContain("role: viewer · email: audit-e2e@example.com");
    expect(await log.textContent()).not.toContain("e2e-audit-secret-value");
    await screenshotBothThemes(page, "settings-audit-log");

    // The scheme change came before 26 renames: a later page ("Older entries", 25 a page).
    const schemeChange = rows
      .filter({ hasText: "verificationScheme: hmac -> none" })
      .filter({ hasText: endpoint.id });
    for (let pages = 1; (await schemeChange.count()) === 0 && pages < 10; pages++) {
      const before = page.url();
      await log.getByRole("link", { name: "Older entries" }).click();
      await page.waitForURL((url) => url.href !== before);
      await rows.first().waitFor();
    }
    expect(await schemeChange.textContent()).toContain("fields: secrets, verification");
    await log.getByRole("link", { name: "Newest" }).click();
    await page.waitForURL((url) => !url.searchParams.has("audit"));
    await rows.filter({ hasText: "audit-e2e@example.com" }).first().waitFor();

    // A secret added on the endpoint page (the form needs JavaScript) is recorded as the signed-in admin's.
    const rotated = await api("POST", "/api/endpoints", {
      name: "Audited rotation",
      provider: "scriptix",
      secrets: ["e2e-audit-first-secret"],
    });
    await page.goto(`/endpoints/${rotated.id}`);
    await page.locator("#new-secret").fill("e2e-audit-added-secret");
    await page
      .locator("form")
      .filter({ has: page.locator("#new-secret") })
      .getByRole("button")
      .click();
    await page.getByText("Secret added.").waitFor();
    await page.goto("/settings");
    const added = rows.filter({ hasText: "Secret added" }).filter({ hasText: rotated.id });
    await added.waitFor();
    expect(await added.textContent()).toContain(TEST_ADMIN.email);
    expect(await added.textContent()).toContain("secretCount: 2");
    expect(await log.textContent()).not.toMatch(/e2e-audit-(added|first)-secret/);
    expectNoPageErrors(errors);
  });

  it("is not shown to a member", async () => {
    const member = await createTestPerson("member");
    const { page, errors } = await newPage(browser);
    await signIn(page, member, "/settings");
    await page.getByRole("heading", { name: "Team" }).waitFor();
    expect(await page.locator("#audit-log").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Audit log" }).count()).toBe(0);
    expectNoPageErrors(errors);
  });
});
