// The one-time set-up page of a fresh instance needs the code printed at start: the
// first visitor of an instance exposed before its admin set it up must not become admin.
// A server of its own (no INBOX_ADMIN_EMAIL, a known INBOX_SETUP_CODE), plus a second
// process on the same database that only knows the code through Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startAppServer,
  TEST_SETUP_CODE as SETUP_CODE,
  type AppServer,
} from "@/tests/support/app-server";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { sessionCookieOf, submitPageForm } from "@/tests/support/page-forms";

const admin = {
  name: "First Admin",
  email: "first@setup.test",
  password: "first-admin-password-1",
};

let database: { url: string; drop(): Promise<void> };
let withCode: AppServer;
let sharing: AppServer;

const noAdminFromEnv = { INBOX_ADMIN_EMAIL: undefined, INBOX_ADMIN_PASSWORD: undefined };

beforeAll(async () => {
  database = await createFreshDatabase("setup_code");
  withCode = await startAppServer(database.url, noAdminFromEnv);
  // Started after the first one stored the code: it must accept the same code, and
  // (having none of its own to show) must not write a new one.
  sharing = await startAppServer(database.url, { ...noAdminFromEnv, INBOX_SETUP_CODE: undefined });
});

afterAll(async () => {
  await Promise.all([withCode?.stop(), sharing?.stop()]);
  await database?.drop();
});

const people = async () =>
  (await queryDatabase<{ n: number }>(database.url, "SELECT count(*)::int AS n FROM users"))[0]?.n;

const submitSetup = (base: string, fields: Record<string, string>) =>
  submitPageForm(base, "/setup", 'name="confirm"', {
    name: admin.name,
    email: admin.email,
    password: admin.password,
    confirm: admin.password,
    ...fields,
  });

describe("the set-up page", () => {
  // The note follows the "listening on" line that startAppServer waits for: it may arrive a moment later.
  it("says at start where the code is", async () => {
    await expect.poll(() => withCode.output()).toMatch(/set-up code: from INBOX_SETUP_CODE/);
    await expect.poll(() => sharing.output()).toMatch(/set-up code: .*another app process/);
  });

  it("has a field for the code", async () => {
    const html = await (await fetch(`${withCode.baseUrl}/setup`)).text();
    expect(html).toMatch(/name="setupCode"/);
  });

  it("refuses to create an admin without the code", async () => {
    const response = await submitSetup(withCode.baseUrl, {});
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Enter the set-up code that the server printed");
    expect(response.headers.getSetCookie().some((c) => c.includes("session_token="))).toBe(false);
    expect(await people()).toBe(0);
  });

  it("refuses a wrong code, also one that differs only in its last character or length", async () => {
    for (const code of [
      "wrong",
      `${SETUP_CODE.slice(0, -1)}x`,
      `${SETUP_CODE}0`,
      SETUP_CODE.slice(0, -1),
    ]) {
      const response = await submitSetup(sharing.baseUrl, { setupCode: code });
      expect(response.status, code).toBe(200);
      expect(await response.text()).toContain("That is not the set-up code.");
    }
    expect(await people()).toBe(0);
  });

  it("creates the admin with the right code, on any process of the database, once", async () => {
    const cookie = sessionCookieOf(
      await submitSetup(sharing.baseUrl, { setupCode: ` ${SETUP_CODE} ` }),
    );
    expect(cookie).toContain("session_token=");
    expect(await queryDatabase(database.url, "SELECT email, role FROM users")).toEqual([
      { email: admin.email, role: "admin" },
    ]);

    // Single use: the code is gone, and the page sends everyone to sign in.
    expect(await queryDatabase(database.url, "SELECT 1 FROM setup_codes")).toEqual([]);
    const page = await fetch(`${withCode.baseUrl}/setup`, { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login$/);
  });
});
