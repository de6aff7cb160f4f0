// npm run bench:retention-wal - where a retention run's WAL goes, table by table. Seeds N
// deliveries past the 30-day window, runs retention with no rests while a CHECKPOINT is
// forced every few seconds (what a long run meets on a busy install: after each one, the
// first change to a page writes a full-page image), and reads the run's WAL back with
// pg_walinspect: per relation, the block references, the full-page images and their MB,
// and how many distinct blocks were touched (images per block near 1: each page was
// dirtied once). The profile behind "How the deletes stay cheap" in the README. Not a
// test: numbers depend on the machine.
//
//   npm run bench:retention-wal                                200,000 deliveries, checkpoint every 3 s
//   npm run bench:retention-wal -- --deliveries 500000 --checkpoint-every 5
//   npm run bench:retention-wal -- --wal-compression pglz      compressed full-page images
//
// Uses DATABASE_URL's server (a fresh database, dropped afterwards) or a throwaway
// embedded one; a temporary physical replication slot keeps the run's WAL until it is read.
import { parseArgs } from "node:util";
import pg from "pg";
import { seedExpiredDeliveries, useRetentionBenchDatabase } from "./retention-bench-data";
import { createThrowawayDatabase } from "./throwaway-database";

const { values: args } = parseArgs({
  options: {
    deliveries: { type: "string", default: "200000" },
    "checkpoint-every": { type: "string", default: "3" },
    "wal-compression": { type: "string" },
  },
});
const DELIVERIES = Number(args.deliveries);
const CHECKPOINT_MS = Number(args["checkpoint-every"]) * 1000;
const SLOT = "bench_retention_wal";

async function main(): Promise<void> {
  // ALTER SYSTEM changes the whole server: only the throwaway one is ours to change.
  if (args["wal-compression"] && process.env.DATABASE_URL)
    throw new Error("--wal-compression needs the throwaway embedded server: unset DATABASE_URL");
  const database = await createThrowawayDatabase("bench_retention_wal");
  const db = new pg.Client({ connectionString: database.url });
  try {
    await useRetentionBenchDatabase(database.url);
    const { runRetention } = await import("@/lib/retention/mutations");
    const { existingPool } = await import("@/lib/db/client");
    await db.connect();
    console.log(`seeding ${DELIVERIES.toLocaleString("en")} expired deliveries ...`);
    await seedExpiredDeliveries(DELIVERIES);
    await db.query("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
    if (args["wal-compression"]) {
      await db.query(
        `ALTER SYSTEM SET wal_compression = ${db.escapeLiteral(args["wal-compression"])}`,
      );
      await db.query("SELECT pg_reload_conf()");
    }
    const { rows: settings } = await db.query<{ wal_compression: string }>("SHOW wal_compression");
    await db.query("SELECT pg_create_physical_replication_slot($1, true)", [SLOT]);
    try {
      await db.query("CHECKPOINT");
      const start = (await db.query<{ lsn: string }>("SELECT pg_current_wal_lsn() AS lsn"))
        .rows[0]!;
      let running = true;
      const checkpoints = (async () => {
        while (running) {
          await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_MS));
          if (running) await db.query("CHECKPOINT");
        }
      })();
      const started = Date.now();
      const result = await runRetention({ pace: { busyPercent: 100 } }).finally(() => {
        running = false;
      });
      await checkpoints;
      const runS = (Date.now() - started) / 1000;
      const end = (await db.query<{ lsn: string }>("SELECT pg_current_wal_lsn() AS lsn")).rows[0]!;
      const { rows } = await db.query(
        `SELECT coalesce(c.relname, w.relfilenode::text) AS relation,
                count(*)::int AS "block refs",
                count(*) FILTER (WHERE w.block_fpi_length > 0)::int AS "full-page images",
                round(sum(w.block_fpi_length) / 1e6)::int AS "image MB",
                round(sum(w.record_length) / 1e6)::int AS "record MB",
                count(DISTINCT w.relblocknumber)::int AS "distinct blocks"
         FROM pg_get_wal_block_info($1, $2) w
         LEFT JOIN pg_class c ON c.relfilenode = w.relfilenode
         GROUP BY 1 ORDER BY 3 DESC LIMIT 12`,
        [start.lsn, end.lsn],
      );
      const { rows: total } = await db.query<{ mb: number }>(
        "SELECT round(pg_wal_lsn_diff($2, $1) / 1e6)::int AS mb",
        [start.lsn, end.lsn],
      );
      console.log(
        `\nretention run: ${result?.deliveries ?? 0} deliveries, ${result?.events ?? 0} events, ${result?.jobs ?? 0} jobs in ${runS.toFixed(1)} s; ` +
          `${total[0]?.mb ?? 0} MB of WAL (wal_compression ${settings[0]?.wal_compression}, a checkpoint every ${CHECKPOINT_MS / 1000} s)`,
      );
      console.table(rows);
    } finally {
      await db.query("SELECT pg_drop_replication_slot($1)", [SLOT]);
      if (args["wal-compression"]) {
        await db.query("ALTER SYSTEM RESET wal_compression");
        await db.query("SELECT pg_reload_conf()");
      }
      await existingPool()?.end();
    }
  } finally {
    await db.end();
    await database.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
