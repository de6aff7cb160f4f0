// applyMigrations keeps Prisma's `_prisma_migrations` bookkeeping by hand (DESIGN.md §6),
// so these tests pin the properties `prisma migrate deploy` relies on: one row per
// migration with the file's sha256, idempotent re-runs, a lock against concurrent
// starts, refusal of edited migrations, and all-or-nothing failed migrations.
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it, onTestFinished } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createFreshDatabase } from "@/tests/support/fresh-database";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

type BookkeepingRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
};

/** The migrations on disk, with the checksum Prisma records: sha256 hex of migration.sql. */
async function migrationsOnDisk(
  dir = migrationsDir,
): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"));
      return { name, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

async function freshDatabase(label: string): Promise<string> {
  const db = await createFreshDatabase(label);
  onTestFinished(() => db.drop());
  return db.url;
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const bookkeeping = (url: string) =>
  query<BookkeepingRow>(
    url,
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
     FROM "_prisma_migrations" ORDER BY migration_name`,
  );

describe("applyMigrations", () => {
  it("records every migration like prisma migrate deploy, and a second run applies nothing", async () => {
    const url = await freshDatabase("migrate");
    const onDisk = await migrationsOnDisk();
    expect(onDisk).not.toEqual([]);

    expect((await applyMigrations(url, migrationsDir)).applied).toEqual(onDisk.map((m) => m.name));
    const rows = await bookkeeping(url);
    expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(onDisk);
    for (const row of rows) {
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.rolled_back_at, row.migration_name).toBeNull();
      expect(row.applied_steps_count, row.migration_name).toBe(1);
    }

    expect((await applyMigrations(url, migrationsDir)).applied).toEqual([]);
    expect(await bookkeeping(url)).toEqual(rows);
  });

  it("applies each migration exactly once when two processes start at the same moment", async () => {
    const url = await freshDatabase("concurrent");
    const names = (await migrationsOnDisk()).map((m) => m.name);

    // Without the advisory lock both would try to CREATE the same tables and one would fail.
    const results = await Promise.all([
      applyMigrations(url, migrationsDir),
      applyMigrations(url, migrationsDir),
    ]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);

    const counts = await query<{ migration_name: string; n: number }>(
      url,
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
    );
    expect(counts).toEqual(names.map((name) => ({ migration_name: name, n: 1 })));
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    const url = await freshDatabase("edited");
    await applyMigrations(url, migrationsDir);
    const [first] = await migrationsOnDisk();
    if (!first) throw new Error("no migrations on disk");

    // A changed file and a changed recorded checksum are indistinguishable to the check.
    await query(
      url,
      `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = $1`,
      [first.name],
    );
    await expect(applyMigrations(url, migrationsDir)).rejects.toThrow(first.name);
  });

  it("leaves no bookkeeping row and no partial objects when a migration fails", async () => {
    const url = await freshDatabase("failing");
    const dir = await mkdtemp(path.join(tmpdir(), "inbox-migrations-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await cp(migrationsDir, dir, { recursive: true });
    const broken = "99991231235959_broken";
    await mkdir(path.join(dir, broken));
    await writeFile(
      path.join(dir, broken, "migration.sql"),
      `CREATE TABLE "half_done" ("id" TEXT NOT NULL);\nSELECT 1 / 0;\n`,
    );

    await expect(applyMigrations(url, dir)).rejects.toThrow(broken);

    const [table] = await query<{ oid: string | null }>(
      url,
      `SELECT to_regclass('public.half_done')::text AS oid`,
    );
    expect(table?.oid).toBeNull();
    const rows = await bookkeeping(url);
    expect(rows.map((r) => r.migration_name)).not.toContain(broken);
    // The migrations before it were committed on their own and stay applied.
    expect(rows.map((r) => r.migration_name)).toEqual(
      (await migrationsOnDisk()).map((m) => m.name),
    );
  });
});
