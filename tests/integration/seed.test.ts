// `npm run db:seed` as a user runs it (the script, in its own process) against fresh
// databases: the realistic mix has every kind of traffic the dashboard must show, and
// the bulk mode writes exactly the rows it promises without breaking a constraint.
import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPreset } from "@/lib/providers/registry";
import { extractionConfigSchema, providerIdSchema, providerIds } from "@/lib/providers/schema";
import { currentKeyId, openSecret } from "@/lib/secrets/secret-box";
import { TEST_SECRET_KEY } from "@/tests/support/app-server";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { useKeys } from "@/tests/support/secret-keys";

async function runSeed(databaseUrl: string, args: string[] = []): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/seed.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, INBOX_SECRET_KEY: TEST_SECRET_KEY },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`db:seed exited with ${code}:\n${output}`);
  return output;
}

function withClient(url: string) {
  const client = new pg.Client({ connectionString: url });
  const ready = client.connect();
  return {
    async query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
      await ready;
      return (await client.query<T>(sql, values)).rows;
    },
    async one<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T> {
      const [row] = await this.query<T>(sql, values);
      if (!row) throw new Error(`no row: ${sql}`);
      return row;
    },
    end: () => ready.then(() => client.end()),
  };
}

describe("db:seed, realistic mix", () => {
  let database: Awaited<ReturnType<typeof createFreshDatabase>>;
  let db: ReturnType<typeof withClient>;
  let output: string;

  beforeAll(async () => {
    database = await createFreshDatabase("seed_mix");
    output = await runSeed(database.url);
    db = withClient(database.url);
  });
  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it("prints a summary with a total line", () => {
    expect(output).toMatch(/realistic mix: \d+ callbacks/);
    expect(output).toContain("'total'");
  });

  it("gives every preset an endpoint with events", async () => {
    const rows = await db.query<{ provider: string; events: number }>(
      "SELECT p.provider, count(ev.id)::int AS events FROM endpoints p LEFT JOIN events ev ON ev.endpoint_id = p.id GROUP BY p.provider",
    );
    expect(rows.map((r) => r.provider).sort()).toEqual([...providerIds].sort());
    for (const row of rows) expect(row.events, row.provider).toBeGreaterThan(0);
  });

  it("has failed signatures of both kinds: an unknown secret and an expired timestamp", async () => {
    const reasons = await db.query<{ reason: string }>(
      "SELECT verification_reason AS reason FROM deliveries WHERE verification = 'failed'",
    );
    expect(reasons.some((r) => r.reason.startsWith("no matching signature"))).toBe(true);
    expect(reasons.some((r) => r.reason.includes("tolerance"))).toBe(true);
    // A failed delivery never creates a job (the ingest rule the seed went through).
    const linked = await db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE verification = 'failed' AND job_id IS NOT NULL",
    );
    expect(linked.n).toBe(0);
  });

  it("has provider retries stored as one event with several deliveries", async () => {
    const rows = await db.query<{ event_id: string }>(
      "SELECT event_id FROM deliveries GROUP BY event_id HAVING count(*) > 1",
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it("has jobs completed, failed, cancelled, queued and stuck in processing for hours", async () => {
    const states = await db.query<{ state: string }>(
      "SELECT DISTINCT state::text AS state FROM jobs",
    );
    expect(states.map((s) => s.state)).toEqual(
      expect.arrayContaining(["completed", "failed", "cancelled", "queued", "processing"]),
    );
    const stuck = await db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE state = 'processing' AND last_event_at < now() - interval '3 hours'",
    );
    expect(stuck.n).toBeGreaterThan(0);
    const failedWithError = await db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE state = 'failed' AND error IS NOT NULL",
    );
    expect(failedWithError.n).toBeGreaterThan(0);
  });

  it("has a non-JSON body and a payload without a job id", async () => {
    const notJson = await db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE payload IS NULL",
    );
    expect(notJson.n).toBeGreaterThan(0);
    const noJob = await db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE payload IS NOT NULL AND external_job_id IS NULL",
    );
    expect(noJob.n).toBeGreaterThan(0);
  });

  it("spreads arrivals over the last three days", async () => {
    const span = await db.one<{ oldest_hours: number; newest_hours: number }>(
      "SELECT (extract(epoch FROM now() - min(received_at)) / 3600)::float8 AS oldest_hours, (extract(epoch FROM now() - max(received_at)) / 3600)::float8 AS newest_hours FROM deliveries",
    );
    expect(span.oldest_hours).toBeGreaterThan(24);
    expect(span.oldest_hours).toBeLessThan(73);
    expect(span.newest_hours).toBeGreaterThanOrEqual(0);
  });

  it("adds a second batch when run again", async () => {
    const before = await db.one<{ endpoints: number; deliveries: number }>(
      "SELECT (SELECT count(*) FROM endpoints)::int AS endpoints, (SELECT count(*) FROM deliveries)::int AS deliveries",
    );
    await runSeed(database.url);
    const after = await db.one<{ endpoints: number; deliveries: number }>(
      "SELECT (SELECT count(*) FROM endpoints)::int AS endpoints, (SELECT count(*) FROM deliveries)::int AS deliveries",
    );
    expect(after.endpoints).toBe(2 * before.endpoints);
    expect(after.deliveries).toBeGreaterThan(before.deliveries);
  });
});

describe("db:seed --deliveries (bulk)", () => {
  const DELIVERIES = 2_000;
  let database: Awaited<ReturnType<typeof createFreshDatabase>>;
  let db: ReturnType<typeof withClient>;
  let indexesBefore: string[];
  let constraintsBefore: string[];

  const indexes = async () =>
    (
      await db.query<{ name: string }>(
        "SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
      )
    ).map((r) => r.name);
  // Every key and foreign key of the database, as Postgres prints it (the bulk seed sets them aside).
  const constraints = async () =>
    (
      await db.query<{ line: string }>(
        "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated AS line FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1",
      )
    ).map((r) => r.line);

  beforeAll(async () => {
    database = await createFreshDatabase("seed_bulk");
    db = withClient(database.url);
    // Migrated by a first, tiny run; the index list is then the migrations' own.
    await runSeed(database.url, ["--deliveries", "10"]);
    indexesBefore = await indexes();
    constraintsBefore = await constraints();
    // CASCADE: every table that refers to these (polls, alerts ...) empties with them.
    await db.query(
      "TRUNCATE endpoints, jobs, events, deliveries, destinations, attempts, replay_batches CASCADE",
    );
    // Small batches, so several of them (and a job cut at a batch edge) are exercised.
    await runSeed(database.url, ["--deliveries", String(DELIVERIES), "--batch-size", "500"]);
  });
  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it("writes N deliveries, 0.8 N events and a job per three events", async () => {
    const counts = await db.one<{
      deliveries: number;
      events: number;
      jobs: number;
      endpoints: number;
    }>(
      `SELECT (SELECT count(*) FROM deliveries)::int AS deliveries, (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM endpoints)::int AS endpoints`,
    );
    expect(counts).toEqual({
      deliveries: DELIVERIES,
      events: 1_600,
      jobs: 534,
      endpoints: 20,
    });
  });

  it("keeps retries on their event's endpoint, and each event's last_touched_at at its newest delivery", async () => {
    const mismatched = await db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM events e
       WHERE e.last_touched_at <> (SELECT max(d.received_at) FROM deliveries d WHERE d.event_id = e.id)
          OR EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.endpoint_id <> e.endpoint_id)`,
    );
    expect(mismatched.n).toBe(0);
  });

  it("seals a token-scheme delivery's Authorization under the current key, so the app's next start has none to seal", async () => {
    const rows = await db.query<{ key: string | null; value: string }>(
      `SELECT d.credential_key AS key, d.headers -> 4 ->> 1 AS value FROM deliveries d
       JOIN endpoints e ON e.id = d.endpoint_id WHERE e.provider = 'json2video'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const saved = process.env.INBOX_SECRET_KEY;
    useKeys(TEST_SECRET_KEY);
    try {
      for (const row of rows) {
        expect(row.key).toBe(currentKeyId());
        expect(openSecret(row.value)).toMatch(/^Bearer [0-9a-f]{24}$/);
      }
    } finally {
      useKeys(saved);
    }
    const notCurrent = await db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE credential_key IS NOT NULL AND credential_key <> $1",
      [rows[0]?.key],
    );
    expect(notCurrent.n).toBe(0);
  });

  it("links events only to jobs of their own endpoint, and never a failed delivery's event", async () => {
    const foreign = await db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM events e JOIN jobs j ON j.id = e.job_id WHERE j.endpoint_id <> e.endpoint_id",
    );
    expect(foreign.n).toBe(0);
    const failedLinked = await db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE verification = 'failed' AND job_id IS NOT NULL",
    );
    expect(failedLinked.n).toBe(0);
  });

  it("mixes verification outcomes and job states", async () => {
    const outcomes = await db.query<{ v: string }>(
      "SELECT DISTINCT verification::text AS v FROM deliveries",
    );
    expect(outcomes.map((o) => o.v).sort()).toEqual(["failed", "unsigned", "verified"]);
    const states = await db.query<{ s: string }>("SELECT DISTINCT state::text AS s FROM jobs");
    expect(states.map((s) => s.s)).toEqual(
      expect.arrayContaining(["completed", "failed", "cancelled", "processing", "queued"]),
    );
  });

  it("stores what the presets read from the payloads: type, state, job id, provider time, dedupe key", async () => {
    const rows = await db.query<{
      provider: string;
      extraction: unknown;
      payload: unknown;
      headers: Array<[string, string]>;
      body_sha256: string;
      type: string | null;
      state: string | null;
      external_job_id: string | null;
      provider_timestamp: Date | null;
      dedupe_key: string;
    }>(
      `SELECT ep.provider, ep.extraction, e.payload, d.headers, d.body_sha256, e.type, e.state::text AS state, e.external_job_id,
              e.provider_timestamp, e.dedupe_key
       FROM events e JOIN endpoints ep ON ep.id = e.endpoint_id JOIN deliveries d ON d.id = e.payload_delivery_id`,
    );
    expect(rows.length).toBe(1_600);
    for (const row of rows) {
      const config = row.extraction === null ? null : extractionConfigSchema.parse(row.extraction);
      const facts = getPreset(providerIdSchema.parse(row.provider)).extract({
        payload: row.payload,
        headers: row.headers,
        config,
      });
      expect({
        provider: row.provider,
        type: row.type,
        state: row.state,
        jobId: row.external_job_id,
        at: row.provider_timestamp,
        dedupeKey: row.dedupe_key,
      }).toEqual({
        provider: row.provider,
        type: facts.eventType,
        state: facts.state,
        jobId: facts.jobId,
        at: facts.providerTimestamp,
        dedupeKey: facts.dedupeKey ?? `sha256:${row.body_sha256}`,
      });
    }
  });

  it("gives each job the state, output and error of its last event", async () => {
    const wrong = await db.query<{ id: string }>(
      `SELECT j.id FROM jobs j
       JOIN LATERAL (SELECT * FROM events e WHERE e.job_id = j.id ORDER BY e.first_received_at DESC LIMIT 1) last ON true
       WHERE last.state <> j.state OR (j.state = 'failed') <> (j.error IS NOT NULL) OR (j.state = 'completed' AND j.provider <> 'aspect' AND j.provider <> 'scriptix') <> (j.output_url IS NOT NULL)`,
    );
    expect(wrong).toEqual([]);
  });

  it("stores bodies that are the event payload's bytes, with their hash and size", async () => {
    const wrong = await db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries d JOIN events e ON e.id = d.event_id
       WHERE convert_from(d.body, 'UTF8')::jsonb <> e.payload OR d.size <> octet_length(d.body) OR d.body_sha256 <> encode(sha256(d.body), 'hex')`,
    );
    expect(wrong.n).toBe(0);
    const size = await db.one<{ avg: number; min: number }>(
      "SELECT avg(size)::int AS avg, min(size)::int AS min FROM deliveries",
    );
    expect(size.min).toBeGreaterThan(150);
    expect(size.avg).toBeGreaterThan(400);
    expect(size.avg).toBeLessThan(2_000);
  });

  it("spreads arrivals over the last 30 days", async () => {
    const span = await db.one<{ days: number; future: number }>(
      "SELECT (extract(epoch FROM now() - min(received_at)) / 86400)::float8 AS days, count(*) FILTER (WHERE received_at > now())::int AS future FROM deliveries",
    );
    expect(span.days).toBeGreaterThan(29);
    expect(span.days).toBeLessThan(31);
    expect(span.future).toBe(0);
  });

  it("puts back every index, key and foreign key it set aside for the load, validated", async () => {
    expect(await indexes()).toEqual(indexesBefore);
    expect(await constraints()).toEqual(constraintsBefore);
    const invalid = await db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_index WHERE NOT indisvalid",
    );
    expect(invalid.n).toBe(0);
  });
});
