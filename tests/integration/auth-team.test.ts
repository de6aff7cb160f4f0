// The team rules that a browser test cannot race: invitation links are single use
// even when accepted twice at the same moment, expired or revoked links never work,
// and two admins demoting each other at once cannot leave the instance without one.
// Runs lib/team in this process against its own fresh, migrated database.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createFreshDatabase } from "@/tests/support/fresh-database";

let database: { url: string; drop(): Promise<void> };
let sql: pg.Client;
let team: typeof import("@/lib/team/data") & typeof import("@/lib/team/mutations");

/** The audit actor of a user addUser made (lib/team takes who acts as an actor). */
const actor = (id: string) => ({ id, label: `${id}@team.test` });

async function addUser(id: string, role: "admin" | "member"): Promise<void> {
  await sql.query("INSERT INTO users (id, name, email, role) VALUES ($1, $1, $2, $3)", [
    id,
    `${id}@team.test`,
    role,
  ]);
}

beforeAll(async () => {
  database = await createFreshDatabase("auth_team");
  await applyMigrations(database.url);
  // lib/env reads the environment once, on first use: set it before loading lib/team.
  process.env.DATABASE_URL = database.url;
  process.env.INBOX_AUTH_SECRET = "auth-team-test-secret-0123456789abcdefghij";
  team = { ...(await import("@/lib/team/data")), ...(await import("@/lib/team/mutations")) };
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  await addUser("boss", "admin");
});

afterAll(async () => {
  await sql?.end();
  const { getPool } = await import("@/lib/db/client");
  await getPool().end();
  await database?.drop();
});

describe("invitations", () => {
  it("two accepts of one link at the same moment create one account", async () => {
    const { token } = await team.createInvitation(actor("boss"), {
      email: "race@team.test",
      role: "member",
    });
    const results = await Promise.allSettled([
      team.acceptInvitation(token, { name: "First", password: "first-password-1" }),
      team.acceptInvitation(token, { name: "Second", password: "second-password-1" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "not_found" });
    const { rows } = await sql.query("SELECT role FROM users WHERE email = 'race@team.test'");
    expect(rows).toEqual([{ role: "member" }]);
    expect(await team.findOpenInvitation(token)).toBeNull();
  });

  it("the token is stored only as its SHA-256", async () => {
    const { token, invitation } = await team.createInvitation(actor("boss"), {
      email: "hash@team.test",
      role: "admin",
    });
    const { rows } = await sql.query<{ token_hash: string; expires_at: Date }>(
      "SELECT token_hash, expires_at FROM invitations WHERE id = $1",
      [invitation.id],
    );
    expect(rows[0]?.token_hash).not.toBe(token);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // Seven days, give or take the test's own run time.
    expect(
      Math.abs((rows[0]?.expires_at.getTime() ?? 0) - Date.now() - 7 * 86_400_000),
    ).toBeLessThan(60_000);
  });

  it("expired and revoked links are refused and create nobody", async () => {
    const expired = await team.createInvitation(actor("boss"), {
      email: "late@team.test",
      role: "member",
    });
    await sql.query(
      "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1",
      [expired.invitation.id],
    );
    await expect(
      team.acceptInvitation(expired.token, { name: "Late", password: "late-password-1" }),
    ).rejects.toMatchObject({ code: "not_found" });

    const revoked = await team.createInvitation(actor("boss"), {
      email: "revoked@team.test",
      role: "member",
    });
    await team.revokeInvitation(revoked.invitation.id, actor("boss"));
    await expect(
      team.acceptInvitation(revoked.token, { name: "Revoked", password: "revoked-password-1" }),
    ).rejects.toMatchObject({ code: "not_found" });

    const { rows } = await sql.query(
      "SELECT email FROM users WHERE email IN ('late@team.test', 'revoked@team.test')",
    );
    expect(rows).toEqual([]);
  });

  it("an email that already has an account cannot be invited", async () => {
    await expect(
      team.createInvitation(actor("boss"), { email: "boss@team.test", role: "member" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("admins", () => {
  it("nobody changes their own role or removes themselves", async () => {
    await expect(team.changeMemberRole(actor("boss"), "boss", "member")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(team.removeMember(actor("boss"), "boss")).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("two admins demoting each other at once leave exactly one admin", async () => {
    await addUser("ann", "admin");
    await addUser("bob", "admin");
    // Only ann and bob are admins for this test.
    await sql.query("UPDATE users SET role = 'member' WHERE id NOT IN ('ann', 'bob')");
    const results = await Promise.allSettled([
      team.changeMemberRole(actor("ann"), "bob", "member"),
      team.changeMemberRole(actor("bob"), "ann", "member"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason,
    ).toMatchObject({ code: "conflict" });
    const { rows } = await sql.query("SELECT count(*)::int AS n FROM users WHERE role = 'admin'");
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("the last admin cannot be removed, a member can", async () => {
    const { rows } = await sql.query<{ id: string }>("SELECT id FROM users WHERE role = 'admin'");
    const lastAdmin = rows[0]?.id ?? "";
    const other = lastAdmin === "ann" ? "bob" : "ann";
    // `other` (now a member) acting with a stale admin page: the guard still holds.
    await expect(team.removeMember(actor(other), lastAdmin)).rejects.toMatchObject({
      code: "conflict",
    });
    await team.removeMember(actor(lastAdmin), other);
    const left = await sql.query("SELECT id FROM users WHERE id IN ('ann', 'bob')");
    expect(left.rows).toEqual([{ id: lastAdmin }]);
  });
});
