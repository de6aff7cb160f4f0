// Applies prisma/migrations/*/migration.sql with the same bookkeeping table that
// `prisma migrate deploy` uses, so Prisma's CLI agrees with us on machines that have
// its schema engine. Each migration runs in its own transaction together with its
// bookkeeping row: a failed migration leaves nothing behind and can simply be re-run.
// graphile-worker's schema is migrated here as well, under the same lock.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";
import { getLogger } from "@/lib/log/logger";

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning")
    getLogger()[level === "error" ? "error" : "warn"]({ scope: "queue schema" }, message);
});

/** Arbitrary constant; every process that migrates this database takes the same lock. */
const MIGRATION_LOCK_ID = 72_707_369;

const BOOKKEEPING_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationFile = { name: string; sql: string; checksum: string };

export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export async function applyMigrations(
  connectionString: string,
  dir = path.resolve("prisma/migrations"),
): Promise<{ applied: string[] }> {
  const files = await readMigrationFiles(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Session-level lock: a second process starting at the same moment waits here,
    // then finds everything applied.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(BOOKKEEPING_DDL);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const applied: string[] = [];
    for (const file of files) {
      const done = rows.find(
        (r) => r.migration_name === file.name && r.finished_at && !r.rolled_back_at,
      );
      if (done) {
        if (done.checksum !== file.checksum) {
          throw new Error(
            `migration ${file.name} was edited after it was applied (checksum differs); add a new migration instead`,
          );
        }
        continue;
      }
      const failed = rows.find(
        (r) => r.migration_name === file.name && !r.finished_at && !r.rolled_back_at,
      );
      if (failed) {
        throw new Error(
          `migration ${file.name} is recorded as failed; resolve it (prisma migrate resolve) before starting`,
        );
      }
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${file.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(file.name);
    }
    // The queue's own schema too, before anything listens: ingest (through the forward
    // outbox relay and the alert triggers) queues jobs before the worker process starts.
    await runMigrations({ connectionString, logger: quietLogger });
    return { applied };
  } finally {
    await client.end();
  }
}
