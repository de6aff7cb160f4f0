// The set-up code npm start makes (scripts/local-secrets.ts): one code per database,
// however many processes start at once on it, written in plain text only by the
// process that made it, into its own data folder. Runs the start step in this
// process, twice at once (two data folders: two machines), on a database of its own.
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";

let database: { url: string; drop(): Promise<void> };
let folders: string[];

beforeAll(async () => {
  database = await createFreshDatabase("setup_code_generation");
  await applyMigrations(database.url);
  // lib/env reads the environment once, on first use: set it before loading lib code.
  process.env.DATABASE_URL = database.url;
  process.env.INBOX_AUTH_SECRET = "setup-code-test-secret-0123456789abcdef";
  delete process.env.INBOX_SETUP_CODE;
  folders = await Promise.all(
    [1, 2].map(() => mkdtemp(path.join(os.tmpdir(), "inbox-setup-code-"))),
  );
});

afterAll(async () => {
  const { getPool } = await import("@/lib/db/client");
  await getPool().end();
  await database?.drop();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

const readCode = (folder: string) =>
  readFile(path.join(folder, "setup-code"), "utf8").then(
    (text) => text.trim(),
    () => null,
  );

describe("the generated set-up code", () => {
  it("is made once when two processes start at once on an empty database; only its maker writes it, privately", async () => {
    const { ensureSetupCode } = await import("@/scripts/local-secrets");
    const { isSetupCodeCorrect } = await import("@/lib/auth/setup-code");
    const notes = await Promise.all(folders.map((folder) => ensureSetupCode(folder)));

    const codes = await Promise.all(folders.map(readCode));
    const written = codes.filter((code): code is string => code !== null);
    expect(written).toHaveLength(1);
    const code = written[0] ?? "";
    expect(code.length).toBeGreaterThanOrEqual(20);
    const maker = folders[codes.indexOf(code)] ?? "";
    expect((await stat(path.join(maker, "setup-code"))).mode & 0o077).toBe(0);
    expect(notes.join("\n")).toContain(path.join(maker, "setup-code"));
    expect(notes.join("\n")).toContain("another app process");

    // Postgres holds a hash, never the code.
    const rows = await queryDatabase<{ code_hash: string }>(
      database.url,
      "SELECT code_hash FROM setup_codes",
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(await isSetupCodeCorrect(code)).toBe(true);
    expect(await isSetupCodeCorrect(code.slice(0, -1))).toBe(false);
    expect(await isSetupCodeCorrect("")).toBe(false);

    // A later start keeps the code the first one printed.
    await ensureSetupCode(maker);
    expect(await readCode(maker)).toBe(code);
    expect(await isSetupCodeCorrect(code)).toBe(true);
  });

  it("is gone once someone exists, and a start then removes the plain copy", async () => {
    const { ensureSetupCode } = await import("@/scripts/local-secrets");
    const { createFirstAdmin } = await import("@/lib/auth/users");
    const codes = await Promise.all(folders.map(readCode));
    const code = codes.find((value) => value !== null) ?? "";
    const maker = folders[codes.indexOf(code)] ?? "";
    const person = { name: "A", email: "a@setup.test", password: "a-password-123" };
    expect(await createFirstAdmin(person, "not the code")).toEqual({ outcome: "wrong-code" });
    expect(await createFirstAdmin(person, code)).toEqual({
      outcome: "created",
      id: expect.any(String),
    });
    expect(await queryDatabase(database.url, "SELECT 1 FROM setup_codes")).toEqual([]);
    expect(await createFirstAdmin({ ...person, email: "b@setup.test" }, code)).toEqual({
      outcome: "someone-exists",
    });
    expect(await ensureSetupCode(maker)).toBeNull();
    expect(await Promise.all(folders.map(readCode))).toEqual([null, null]);
  });
});
