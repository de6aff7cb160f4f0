// lib/jobs/state-machine.ts states the job state rule in TypeScript; the database
// applies its own copy (job_state_rank, job_adopts_state) inside the ingest and poll
// statements. This holds the two against each other on a freshly migrated database:
// every state of the SQL enum against every state, each with the incoming time
// earlier, equal, later and missing. A state added to one side only fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { jobStates, type JobState } from "@/lib/job-states/constants";
import { jobAdoptsState, jobStateRank } from "@/lib/jobs/state-machine";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";

let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ url, drop } = await createFreshDatabase("state_machine"));
  await applyMigrations(url);
});
afterAll(() => drop());

const CURRENT_AT = new Date("2026-01-01T12:00:00.000Z");
/** The incoming state's provider time, relative to the job's. */
const times: Array<[string, Date | null, Date | null]> = [
  ["earlier", CURRENT_AT, new Date(CURRENT_AT.getTime() - 1000)],
  ["equal", CURRENT_AT, CURRENT_AT],
  ["later", CURRENT_AT, new Date(CURRENT_AT.getTime() + 1000)],
  ["incoming unstamped", CURRENT_AT, null],
  ["job unstamped", null, CURRENT_AT],
];

async function sqlStates(): Promise<string[]> {
  const rows = await queryDatabase<{ state: string }>(
    url,
    `SELECT unnest(enum_range(NULL::job_state))::text AS state`,
  );
  return rows.map((row) => row.state);
}

describe("job state machine: TypeScript and SQL agree", () => {
  it("know the same states", async () => {
    expect([...jobStates].sort()).toEqual((await sqlStates()).sort());
  });

  it("rank every state alike", async () => {
    const states = await sqlStates();
    const rows = await queryDatabase<{ state: JobState; rank: number }>(
      url,
      `SELECT s::text AS state, job_state_rank(s) AS rank FROM unnest(enum_range(NULL::job_state)) AS s`,
    );
    expect(rows).toHaveLength(states.length);
    for (const row of rows)
      expect([row.state, jobStateRank(row.state)]).toEqual([row.state, row.rank]);
  });

  it("adopt alike for every pair of states, in every time order", async () => {
    const states = (await sqlStates()) as JobState[];
    const cases = states.flatMap((current) =>
      states.flatMap((next) =>
        times.map(([order, currentAt, nextAt]) => ({ current, next, order, currentAt, nextAt })),
      ),
    );
    const rows = await queryDatabase<{ i: number; adopts: boolean | null }>(
      url,
      `SELECT c.i::int AS i, job_adopts_state(c.current_state::job_state, c.current_at::timestamptz,
                                    c.next_state::job_state, c.next_at::timestamptz) AS adopts
         FROM jsonb_to_recordset($1::jsonb)
           AS c(i int, current_state text, current_at text, next_state text, next_at text)`,
      [
        JSON.stringify(
          cases.map((c, i) => ({
            i,
            current_state: c.current,
            current_at: c.currentAt?.toISOString() ?? null,
            next_state: c.next,
            next_at: c.nextAt?.toISOString() ?? null,
          })),
        ),
      ],
    );
    expect(rows).toHaveLength(states.length * states.length * times.length);
    const disagreements = rows.flatMap(({ i, adopts }) => {
      const c = cases[i];
      if (!c) return [`row ${i} has no case`];
      // The ingest statement reads a NULL answer as "do not adopt" (CASE WHEN NULL -> ELSE).
      const sql = adopts === true;
      const ts = jobAdoptsState(
        { state: c.current, at: c.currentAt },
        { state: c.next, at: c.nextAt },
      );
      return sql === ts ? [] : [`${c.current} -> ${c.next} (${c.order}): SQL ${sql}, TS ${ts}`];
    });
    expect(disagreements).toEqual([]);
    // The rule is not trivially "never" or "always": both answers occur.
    expect(new Set(rows.map((row) => row.adopts === true))).toEqual(new Set([true, false]));
  });
});
