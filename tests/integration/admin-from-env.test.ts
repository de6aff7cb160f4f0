// INBOX_ADMIN_EMAIL / INBOX_ADMIN_PASSWORD at start (lib/auth/users.ts): two processes
// starting at once on an empty database must both start, with one admin between them.
// Runs the function in this process, twice at once, on a database of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";

let database: { url: string; drop(): Promise<void> };
let users: typeof import("@/lib/auth/users");

beforeAll(async () => {
  database = await createFreshDatabase("admin_from_env");
  await applyMigrations(database.url);
  // lib/env reads the environment once, on first use: set it before loading lib code.
  process.env.DATABASE_URL = database.url;
  process.env.INBOX_AUTH_SECRET = "admin-from-env-test-secret-0123456789abcdef";
  users = await import("@/lib/auth/users");
});

afterAll(async () => {
  const { getPool } = await import("@/lib/db/client");
  await getPool().end();
  await database?.drop();
});

describe("the admin from the environment", () => {
  it("is created once when two starts race on an empty database, and neither start fails", async () => {
    const email = "Race@Inbox.Test";
    const outcomes = await Promise.all([
      users.ensureAdminFromEnv(email, "first-password-123"),
      users.ensureAdminFromEnv(email, "first-password-123"),
    ]);
    expect(outcomes).toContain("created");
    const rows = await queryDatabase<{ role: string }>(
      database.url,
      "SELECT role FROM users WHERE email = $1",
      ["race@inbox.test"],
    );
    expect(rows).toEqual([{ role: "admin" }]);
    const accounts = await queryDatabase(
      database.url,
      "SELECT 1 FROM accounts a JOIN users u ON u.id = a.user_id WHERE u.email = $1 AND a.provider_id = 'credential'",
      ["race@inbox.test"],
    );
    expect(accounts).toHaveLength(1);
  });
});
