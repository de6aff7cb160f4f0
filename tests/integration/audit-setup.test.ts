// The one-time set-up (lib/auth/users createFirstAdmin, what /setup runs) records who
// completed it. It needs an instance with nobody in it, so it runs lib/ in this process
// on a database of its own, like admin-from-env.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";

let database: { url: string; drop(): Promise<void> };
let users: typeof import("@/lib/auth/users");

beforeAll(async () => {
  database = await createFreshDatabase("audit_setup");
  await applyMigrations(database.url);
  // lib/env reads the environment once, on first use: set it before loading lib code.
  process.env.DATABASE_URL = database.url;
  process.env.INBOX_AUTH_SECRET = "audit-setup-test-secret-0123456789abcdefgh";
  users = await import("@/lib/auth/users");
});

afterAll(async () => {
  const { getPool } = await import("@/lib/db/client");
  await getPool().end();
  await database?.drop();
});

describe("set-up", () => {
  it("records its admin as having completed it, once, without the password", async () => {
    const { storeSetupCodeHash } = await import("@/lib/auth/mutations");
    const { hashSetupCode, newSetupCode } = await import("@/lib/auth/setup-code");
    const code = newSetupCode();
    await storeSetupCodeHash(hashSetupCode(code), { replace: true });
    const password = "first-admin-password-1";
    // A wrong code creates nobody and records nothing.
    expect(
      await users.createFirstAdmin(
        { name: "Guess", email: "guess@setup.test", password },
        "not the code",
      ),
    ).toEqual({ outcome: "wrong-code" });
    const created = await users.createFirstAdmin(
      { name: "First", email: "First@Setup.Test", password },
      code,
    );
    if (created.outcome !== "created")
      throw new Error(`set-up did not create the admin: ${created.outcome}`);
    // A second set-up finds someone there and records nothing.
    expect(
      await users.createFirstAdmin({ name: "Second", email: "second@setup.test", password }, code),
    ).toEqual({ outcome: "someone-exists" });
    const rows = await queryDatabase<Record<string, unknown>>(
      database.url,
      "SELECT * FROM audit_log",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "setup.completed",
      actor_id: created.id,
      actor_label: "first@setup.test",
      target_id: created.id,
      details: { email: "first@setup.test" },
    });
    expect(JSON.stringify(rows[0])).not.toContain(password);
    expect(JSON.stringify(rows[0])).not.toContain(code);
  });
});
