// What a seed run left in the database, per endpoint: read back from the tables (not
// counted while seeding), so the table shows what the ingest rules actually made.
import type pg from "pg";

export type EndpointSummary = {
  endpoint: string;
  provider: string;
  deliveries: number;
  events: number;
  /** Deliveries beyond the first of their event (provider retries). */
  duplicates: number;
  failedSignatures: number;
  jobs: Record<"queued" | "processing" | "completed" | "failed" | "cancelled" | "unknown", number>;
};

// One grouped pass per table: per-endpoint subqueries took seconds each on a million deliveries.
const SUMMARY = `
  WITH d AS (
    SELECT endpoint_id, count(*)::int AS deliveries, count(*) FILTER (WHERE verification = 'failed')::int AS failed_signatures
    FROM deliveries WHERE endpoint_id = ANY($1::text[]) GROUP BY endpoint_id
  ),
  ev AS (
    SELECT endpoint_id, count(*)::int AS events FROM events WHERE endpoint_id = ANY($1::text[]) GROUP BY endpoint_id
  ),
  j AS (
    SELECT endpoint_id, jsonb_object_agg(state, n) AS states
    FROM (SELECT endpoint_id, state, count(*)::int AS n FROM jobs WHERE endpoint_id = ANY($1::text[]) GROUP BY endpoint_id, state) s
    GROUP BY endpoint_id
  )
  SELECT e.name, e.provider, coalesce(d.deliveries, 0) AS deliveries, coalesce(d.failed_signatures, 0) AS failed_signatures,
         coalesce(ev.events, 0) AS events,
         -- Every delivery past an event's first is a duplicate.
         coalesce(d.deliveries, 0) - coalesce(ev.events, 0) AS duplicates, coalesce(j.states, '{}') AS states
  FROM endpoints e
  LEFT JOIN d ON d.endpoint_id = e.id
  LEFT JOIN ev ON ev.endpoint_id = e.id
  LEFT JOIN j ON j.endpoint_id = e.id
  WHERE e.id = ANY($1::text[])
  ORDER BY e.provider, e.name`;

export async function summarizeEndpoints(
  client: pg.ClientBase | pg.Pool,
  endpointIds: string[],
): Promise<EndpointSummary[]> {
  const { rows } = await client.query<{
    name: string;
    provider: string;
    deliveries: number;
    failed_signatures: number;
    events: number;
    duplicates: number;
    states: Partial<EndpointSummary["jobs"]>;
  }>(SUMMARY, [endpointIds]);
  return rows.map((r) => ({
    endpoint: r.name,
    provider: r.provider,
    deliveries: r.deliveries,
    events: r.events,
    duplicates: r.duplicates,
    failedSignatures: r.failed_signatures,
    jobs: {
      queued: 0,
      processing: 0,
      completed: 0,
      failed: 0,
      cancelled: 0,
      unknown: 0,
      ...r.states,
    },
  }));
}

/** console.table rows: one per endpoint plus a total. */
export function summaryTable(rows: EndpointSummary[]): Array<Record<string, string | number>> {
  const line = (endpoint: string, list: EndpointSummary[]) => {
    const sum = (f: (r: EndpointSummary) => number) => list.reduce((n, r) => n + f(r), 0);
    return {
      endpoint,
      deliveries: sum((r) => r.deliveries),
      events: sum((r) => r.events),
      duplicates: sum((r) => r.duplicates),
      "failed sig.": sum((r) => r.failedSignatures),
      "jobs done": sum((r) => r.jobs.completed),
      failed: sum((r) => r.jobs.failed),
      cancelled: sum((r) => r.jobs.cancelled),
      processing: sum((r) => r.jobs.processing),
      queued: sum((r) => r.jobs.queued),
    };
  };
  return [...rows.map((r) => line(r.endpoint, [r])), line("total", rows)];
}
