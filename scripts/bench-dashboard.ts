// npm run bench:dashboard - how fast the inbox answers on a big database: the events
// API's first page, filtered pages and searches, and the same as server-rendered
// pages, each timed over sequential requests against the production app. Prints a
// table (p50 / p95 / max). Not a test: numbers depend on the machine.
//
//   npm run bench:dashboard                               fresh database, 1,000,000 deliveries
//   npm run bench:dashboard -- --deliveries 50000         a smaller one
//   npm run bench:dashboard -- --deliveries 1000000 --days 90   spread over 90 days (default 30)
//   npm run bench:dashboard -- --reuse postgresql://...   an already seeded database (kept)
//   npm run bench:dashboard -- --explain                  also EXPLAIN (ANALYZE, BUFFERS) the API's queries
//
// A fresh database is created on DATABASE_URL's server (or a throwaway embedded
// PostgreSQL), seeded with `npm run db:seed -- --deliveries N`, and dropped afterwards.
// An answer other than 200, or an API page whose items do not match its filter (a
// filter the API does not know is ignored, not refused), is reported as an error,
// never timed as a success.
import { parseArgs } from "node:util";
import pg from "pg";
import { chromium } from "playwright-core";
import {
  startAppServer,
  TEST_ADMIN,
  TEST_API_TOKEN,
  type AppServer,
} from "@/tests/support/app-server";
import { buildIfStale } from "./build-if-stale";
import { seedDeliveries } from "./seed-in-child";
import { createThrowawayDatabase } from "./throwaway-database";

const { values: args } = parseArgs({
  options: {
    deliveries: { type: "string", default: "1000000" },
    days: { type: "string", default: "30" },
    reuse: { type: "string" },
    requests: { type: "string", default: "50" },
    warmup: { type: "string", default: "5" },
    explain: { type: "boolean", default: false },
  },
});
const REQUESTS = Number(args.requests);
const WARMUP = Number(args.warmup);
const TARGET_MS = { api: 200, page: 500 } as const;
/** Appears in a few tenths of a percent of payloads (a failed job's error message): the costly kind of search. */
const SEARCH_WORD = "timeout";
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type EventItem = {
  id: string;
  endpointId: string;
  jobId: string | null;
  type: string | null;
  verification: string;
};
/** Why a page's items do not match its filter, or null when they do. */
type ItemCheck = (items: EventItem[], db: pg.Client) => Promise<string | null>;
type Target = {
  label: string;
  kind: "api" | "page";
  path: string;
  /** The answer is not a list of events (jobs, usage): only its status is checked. */
  notEvents?: true;
  check?: ItemCheck;
  /** The filter as SQL, for --explain; `guessed` when the API does not have it yet (branch inbox builds it). */
  sql?: { where: string; values: unknown[]; guessed?: boolean };
};
type Row = {
  label: string;
  ok: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
  note: string;
};

/** Facts about the seeded data the requests need: an endpoint, an event type, a job id to search for. */
async function sampleData(db: pg.Client) {
  const one = async <T>(sql: string): Promise<T> => {
    const { rows } = await db.query(sql);
    if (!rows[0]) throw new Error(`the database looks unseeded (no row for: ${sql})`);
    return rows[0] as T;
  };
  const endpoint = await one<{ id: string }>(
    "SELECT endpoint_id AS id FROM events GROUP BY endpoint_id ORDER BY count(*) DESC LIMIT 1",
  );
  const type = await one<{ type: string }>(
    "SELECT type FROM events WHERE type LIKE '%failed' GROUP BY type ORDER BY count(*) DESC LIMIT 1",
  );
  // An event from the middle of the table: a search must walk the index to find it.
  const job = await one<{ externalJobId: string }>(
    'SELECT external_job_id AS "externalJobId" FROM events WHERE external_job_id IS NOT NULL ORDER BY first_received_at OFFSET (SELECT count(*) / 2 FROM events) LIMIT 1',
  );
  return { endpointId: endpoint.id, type: type.type, externalJobId: job.externalJobId };
}

const every =
  (what: string, test: (item: EventItem) => boolean): ItemCheck =>
  async (items) =>
    items.every(test) ? null : `filter ignored: not every item ${what}`;

/** Items whose ids the database confirms with `sql` ($1 = the ids); the rest break the filter. */
const confirmedBy =
  (what: string, sql: string, extra: unknown[] = []): ItemCheck =>
  async (items, db) => {
    const ids = items.map((i) => i.id);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events e WHERE e.id = ANY($1::text[]) AND ${sql}`,
      [ids, ...extra],
    );
    return rows[0]?.n === ids.length
      ? null
      : `filter ignored: ${ids.length - (rows[0]?.n ?? 0)} of ${ids.length} items ${what}`;
  };

function targets(sample: Awaited<ReturnType<typeof sampleData>>): Target[] {
  const q = (value: string) => encodeURIComponent(value);
  const search = (word: string): ItemCheck =>
    confirmedBy(`do not contain "${word}"`, "e.payload::text ILIKE '%' || $2 || '%'", [word]);
  return [
    {
      label: "API first page",
      kind: "api",
      path: "/api/events?limit=50",
      sql: { where: "true", values: [] },
    },
    {
      label: "API verification=failed",
      kind: "api",
      path: "/api/events?limit=50&verification=failed",
      check: every("is failed", (i) => i.verification === "failed"),
      sql: { where: "verification = 'failed'", values: [] },
    },
    {
      label: "API endpointId=<busiest>",
      kind: "api",
      path: `/api/events?limit=50&endpointId=${q(sample.endpointId)}`,
      check: every("has the endpoint", (i) => i.endpointId === sample.endpointId),
      sql: { where: "endpoint_id = $1", values: [sample.endpointId] },
    },
    {
      label: `API type=${sample.type}`,
      kind: "api",
      path: `/api/events?limit=50&type=${q(sample.type)}`,
      check: every("has the type", (i) => i.type === sample.type),
      sql: { where: "type = $1", values: [sample.type] },
    },
    {
      label: "API provider=scriptix",
      kind: "api",
      path: "/api/events?limit=50&provider=scriptix",
      check: confirmedBy(
        "are not Scriptix's",
        "e.endpoint_id IN (SELECT id FROM endpoints WHERE provider = 'scriptix')",
      ),
      sql: {
        where: "endpoint_id IN (SELECT id FROM endpoints WHERE provider = 'scriptix')",
        values: [],
        guessed: true,
      },
    },
    {
      label: "API jobState=failed",
      kind: "api",
      path: "/api/events?limit=50&jobState=failed",
      check: confirmedBy(
        "do not belong to a failed job",
        "e.job_id IN (SELECT id FROM jobs WHERE state = 'failed')",
      ),
      sql: {
        where: "job_id IN (SELECT id FROM jobs WHERE state = 'failed')",
        values: [],
        guessed: true,
      },
    },
    {
      label: "API q=<a job id>",
      kind: "api",
      path: `/api/events?limit=50&q=${q(sample.externalJobId)}`,
      check: search(sample.externalJobId),
      sql: {
        where: "payload::text ILIKE '%' || $1 || '%'",
        values: [sample.externalJobId],
        guessed: true,
      },
    },
    {
      label: `API q=${SEARCH_WORD}`,
      kind: "api",
      path: `/api/events?limit=50&q=${SEARCH_WORD}`,
      check: search(SEARCH_WORD),
      sql: { where: "payload::text ILIKE '%' || $1 || '%'", values: [SEARCH_WORD], guessed: true },
    },
    { label: "API jobs first page", kind: "api", path: "/api/jobs?limit=50", notEvents: true },
    {
      label: "API jobs state=failed",
      kind: "api",
      path: "/api/jobs?limit=50&state=failed",
      notEvents: true,
    },
    {
      label: "API jobs view=failed",
      kind: "api",
      path: "/api/jobs?limit=50&view=failed",
      notEvents: true,
    },
    {
      label: "API endpoint usage <busiest>",
      kind: "api",
      path: `/api/endpoints/${q(sample.endpointId)}/usage`,
      notEvents: true,
    },
    { label: "page /", kind: "page", path: "/" },
    { label: "page /?verification=failed", kind: "page", path: "/?verification=failed" },
    { label: `page /?q=${SEARCH_WORD}`, kind: "page", path: `/?q=${SEARCH_WORD}` },
    { label: "page /jobs", kind: "page", path: "/jobs" },
    { label: "page /endpoints (with usage)", kind: "page", path: "/endpoints" },
    { label: "page /settings (database size)", kind: "page", path: "/settings" },
  ];
}

/** Signs in through /login once, as a person would, and returns the session cookie header. */
async function signInCookie(baseUrl: string): Promise<string> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage({ baseURL: baseUrl });
    await page.goto("/login");
    await page.getByLabel("Email").fill(TEST_ADMIN.email);
    await page.getByLabel("Password").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    const cookies = await page.context().cookies(baseUrl);
    if (cookies.length === 0) throw new Error("signing in set no cookie");
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

async function measure(
  app: AppServer,
  target: Target,
  cookie: string,
  db: pg.Client,
): Promise<Row> {
  const headers: Record<string, string> =
    target.kind === "api" ? { authorization: `Bearer ${TEST_API_TOKEN}` } : { cookie };
  const times: number[] = [];
  const problems = new Set<string>();
  let errors = 0;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = performance.now();
    // A redirect (to /login, say) is not the page: do not follow it.
    const response = await fetch(`${app.baseUrl}${target.path}`, { headers, redirect: "manual" });
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (i < WARMUP) continue;
    if (response.status !== 200) {
      errors++;
      problems.add(
        `HTTP ${response.status}${response.headers.get("location") ? ` -> ${response.headers.get("location")}` : ""}`,
      );
      continue;
    }
    // The first measured answer of an API page is checked against its filter.
    if (target.kind === "api" && !target.notEvents && i === WARMUP) {
      const items = (JSON.parse(body) as { items: EventItem[] }).items;
      const problem = items.length === 0 ? "no items" : await target.check?.(items, db);
      if (problem) problems.add(problem);
    }
    times.push(elapsed);
  }
  // A page that does not do what it says is an error for every request, not a timing.
  const wrong = [...problems].some((p) => p.startsWith("filter ignored") || p === "no items");
  const timed = wrong ? [] : times.sort((a, b) => a - b);
  const at = (p: number) =>
    timed[Math.min(timed.length - 1, Math.ceil((p / 100) * timed.length) - 1)] ?? Number.NaN;
  return {
    label: target.label,
    ok: timed.length,
    errors: wrong ? REQUESTS : errors,
    p50: at(50),
    p95: at(95),
    max: timed[timed.length - 1] ?? Number.NaN,
    // The HTML is not parsed: a page's answer says nothing about whether it applied its filter.
    note: [
      ...problems,
      ...(target.kind === "page" && target.path.includes("?") ? ["filter not checked"] : []),
    ].join("; "),
  };
}

/** The query listEvents sends (lib/events/data.ts), or our guess of it for filters the API does not have yet. */
async function explain(db: pg.Client, target: Target): Promise<void> {
  if (!target.sql) return;
  const { rows } = await db.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS)
     SELECT id, endpoint_id, job_id, external_job_id, type, state, verification, first_received_at, provider_timestamp
     FROM events WHERE ${target.sql.where} ORDER BY first_received_at DESC, id DESC LIMIT 51`,
    target.sql.values,
  );
  const lines = rows.map((r) => r["QUERY PLAN"]);
  const time = lines.find((l) => l.startsWith("Execution Time"));
  console.log(
    `\n-- ${target.label}${target.sql.guessed ? " (SQL guessed: the API has no such filter here)" : ""}: ${time ?? ""}`,
  );
  const planning = lines.findIndex((l) => l.startsWith("Planning"));
  for (const line of lines.slice(0, planning === -1 ? undefined : planning))
    console.log(`   ${line}`);
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(1));

async function main(): Promise<void> {
  buildIfStale();
  const database = args.reuse
    ? { url: args.reuse, cleanup: async () => {} }
    : await createThrowawayDatabase("bench_dashboard");
  try {
    if (!args.reuse) seedDeliveries(database.url, args.deliveries, args.days);
    const started = new Date();
    const app = await startAppServer(database.url);
    const db = new pg.Client({ connectionString: database.url });
    try {
      await db.connect();
      await benchmark(app, db, started);
    } finally {
      await db.end();
      await app.stop();
    }
  } finally {
    await database.cleanup();
  }
}

/**
 * The worker counts every endpoint's usage when it starts (lib/usage/tasks.ts); the
 * /endpoints page shows those counts for big endpoints, so time it once they are there.
 */
async function waitForUsageCounts(db: pg.Client, since: Date): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const { rows } = await db.query<{ counted: number; endpoints: number }>(
      `SELECT (SELECT count(*)::int FROM endpoint_usage_counts WHERE counted_at >= $1) AS counted,
              (SELECT count(*)::int FROM endpoints) AS endpoints`,
      [since],
    );
    const [row] = rows;
    if (row && row.counted >= row.endpoints) {
      // Every row of one recount carries its start time: this is when the last was written.
      console.log(
        `usage of ${row.endpoints} endpoints counted by the worker ${((Date.now() - since.getTime()) / 1000).toFixed(1)} s after the app started`,
      );
      return;
    }
    if (Date.now() > deadline) throw new Error("the worker did not count usage in 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function benchmark(app: AppServer, db: pg.Client, started: Date): Promise<void> {
  await waitForUsageCounts(db, started);
  const { rows } = await db.query<{ deliveries: number; events: number }>(
    "SELECT (SELECT count(*) FROM deliveries)::int AS deliveries, (SELECT count(*) FROM events)::int AS events",
  );
  const list = targets(await sampleData(db));
  const cookie = await signInCookie(app.baseUrl);
  const results: Row[] = [];
  for (const target of list) results.push(await measure(app, target, cookie, db));

  console.log(
    `\n${rows[0]?.deliveries.toLocaleString("en")} deliveries, ${rows[0]?.events.toLocaleString("en")} events; ${REQUESTS} sequential requests each after ${WARMUP} warm-up`,
  );
  console.table(
    results.map((r, i) => {
      const kind = list[i]?.kind ?? "api";
      const meets = r.ok > 0 && r.errors === 0 && r.p95 < TARGET_MS[kind];
      return {
        request: r.label,
        ok: r.ok,
        errors: r.errors,
        "p50 ms": ms(r.p50),
        "p95 ms": ms(r.p95),
        "max ms": ms(r.max),
        "p95 target": `< ${TARGET_MS[kind]} ms ${meets ? "met" : "MISSED"}`,
        note: r.note,
      };
    }),
  );
  if (args.explain) for (const target of list) await explain(db, target);
  if (results.some((r) => r.errors > 0)) process.exitCode = 1;
}

await main();
