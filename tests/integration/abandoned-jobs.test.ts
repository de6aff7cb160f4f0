// scripts/worker-supervisor.ts releaseAbandonedJobs, which npm start runs with the
// embedded database before its worker starts: a job an earlier run left locked (the
// database stopped under its worker) must be runnable again at once, not after
// graphile-worker's 4-hour lock. Runs the function in this process on a database of
// its own (the wiring into start-up needs the embedded database, which tests do not use).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";

let database: { url: string; drop(): Promise<void> };
let supervisor: typeof import("@/scripts/worker-supervisor");

beforeAll(async () => {
  database = await createFreshDatabase("abandoned_jobs");
  await applyMigrations(database.url);
  // lib/env reads the environment once, on first use: set it before loading lib code.
  process.env.DATABASE_URL = database.url;
  supervisor = await import("@/scripts/worker-supervisor");
});

afterAll(async () => {
  const { getPool } = await import("@/lib/db/client");
  await getPool().end();
  await database?.drop();
});

const sql = (text: string, params: unknown[] = []) =>
  queryDatabase<{ locked_by: string | null }>(database.url, text, params);

describe("jobs abandoned by an earlier run", () => {
  it("are unlocked, and jobs nobody holds stay as they are", async () => {
    await sql(
      "SELECT graphile_worker.add_job('forward_event', '{}'::json, job_key := 'held-by-dead-worker')",
    );
    await sql("SELECT graphile_worker.add_job('forward_event', '{}'::json, job_key := 'free')");
    await sql(
      "UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'worker-of-a-dead-run' WHERE key = 'held-by-dead-worker'",
    );
    expect(await sql("SELECT locked_by FROM graphile_worker.jobs ORDER BY key")).toEqual([
      { locked_by: null },
      { locked_by: "worker-of-a-dead-run" },
    ]);

    await supervisor.releaseAbandonedJobs();
    expect(await sql("SELECT locked_by FROM graphile_worker.jobs ORDER BY key")).toEqual([
      { locked_by: null },
      { locked_by: null },
    ]);
    expect(
      await sql("SELECT locked_by FROM graphile_worker.jobs WHERE locked_at IS NOT NULL"),
    ).toEqual([]);
  });
});
