// The ingest function (ingest_callbacks, migrations 20261205090000 and 20261205120000)
// keeps one plan per connection. A plan made while the tables were nearly empty must still
// read them by key once they have grown: a whole-table or whole-index scan per callback
// made ingest several times slower as a fresh install filled up (README, "Benchmark" >
// "What each lever bought").
// Checked on a database of its own, where the first callback meets empty tables.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createFreshDatabase } from "@/tests/support/fresh-database";

let client: pg.Client;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const db = await createFreshDatabase("ingest_plan");
  drop = db.drop;
  await applyMigrations(db.url);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(
    "INSERT INTO endpoints (id, key, name, provider, verification) VALUES ('ep_plan', 'key_plan', 'plan', 'generic', '{}')",
  );
});

afterAll(async () => {
  await client?.end();
  await drop?.();
});

/** One callback with a job of its own, as lib/ingest/mutations.ts hands it over. */
function callbackRow() {
  const id = randomUUID();
  return {
    can_advance: true,
    endpoint_id: "ep_plan",
    external_job_id: `job-${id}`,
    new_job_id: `job_${id}`,
    provider: "generic",
    job_state: "completed",
    received_at: new Date().toISOString(),
    new_event_id: `evt_${id}`,
    dedupe_key: `key-${id}`,
    verification: "unsigned",
    payload_json: "{}",
    delivery_id: `dlv_${id}`,
    method: "POST",
    path: "",
    query: "",
    headers: [],
    body_offset: 0,
    size: 2,
    body_sha256: "0".repeat(64),
    response_status: 200,
  };
}

const ingest = (rows: object[]) =>
  client.query("SELECT * FROM ingest_callbacks($1::jsonb, $2::bytea)", [
    JSON.stringify(rows),
    Buffer.from("{}".repeat(rows.length)),
  ]);

describe("the ingest function's plan", () => {
  it("reads the tables by key after they grew, though its plan was made when they were empty", async () => {
    // The plan is made now, on empty tables, and kept by this connection.
    for (let i = 0; i < 3; i++) await ingest([callbackRow()]);
    // Grown, with no ANALYZE since (autovacuum would take up to a minute to notice).
    await client.query(`
      WITH j AS (
        INSERT INTO jobs (id, endpoint_id, external_id, provider, state, first_seen_at, last_event_at)
        SELECT 'job_fill_' || n, 'ep_plan', 'fill-' || n, 'generic', 'completed', now(), now()
        FROM generate_series(1, 20000) n RETURNING id
      )
      INSERT INTO events (id, endpoint_id, dedupe_key, job_id, verification, payload_delivery_id, first_received_at, last_touched_at)
      SELECT 'evt_fill_' || id, 'ep_plan', 'fill-' || id, id, 'unsigned', 'dlv_fill', now(), now() FROM j`);

    await client.query("BEGIN");
    const repeated = callbackRow();
    const { rows } = await ingest([
      callbackRow(),
      repeated,
      { ...repeated, delivery_id: `dlv_${randomUUID()}` },
    ]);
    const { rows: scans } = await client.query<{ relname: string; seq_scan: string }>(
      "SELECT relname, seq_scan::text FROM pg_stat_xact_user_tables WHERE seq_scan > 0 ORDER BY relname",
    );
    // An index read whole is as slow as a table read whole: the rows fetched from events
    // by index must be the callbacks' own, not the 20,000 others.
    const { rows: fetched } = await client.query<{ n: string }>(
      "SELECT idx_tup_fetch::text AS n FROM pg_stat_xact_user_tables WHERE relname = 'events'",
    );
    await client.query("COMMIT");
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row: { event_id: string }) => row.event_id)).size).toBe(2);
    expect(scans, "tables the ingest of three callbacks read whole").toEqual([]);
    expect(
      Number(fetched[0]?.n),
      "events rows the ingest of three callbacks read by index",
    ).toBeLessThan(50);
  });
});
