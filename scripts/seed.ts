// npm run db:seed - fills DATABASE_URL (or the embedded database) with example data,
// after applying pending migrations:
//
//   npm run db:seed                          one endpoint per preset and three days of
//                                            callbacks through the ingest steps (lib/seed/realistic-mix.ts)
//   npm run db:seed -- --deliveries 1000000  bulk data for benchmarks (lib/seed/bulk-deliveries.ts)
//   npm run db:seed -- --deliveries 1000000 --days 90
//                                            ... spread over the last 90 days (default 30),
//                                            e.g. to see what a retention run removes
//
// Each run adds a new batch next to what is there; nothing is changed or deleted.
import { parseArgs } from "node:util";
import { getDb, getPool } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { reloadEnv } from "@/lib/env";
import { fillDeliveries } from "@/lib/seed/mutations";
import { seedRealisticMix } from "@/lib/seed/realistic-mix";
import { summarizeEndpoints, summaryTable } from "@/lib/seed/summary";
import { withDatabase } from "./database";
import { ensureSecret } from "./local-secrets";

const { values: args } = parseArgs({
  options: {
    deliveries: { type: "string" },
    "batch-size": { type: "string", default: "100000" },
    days: { type: "string", default: "30" },
  },
});

function positiveInteger(name: string, value: string): number {
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`--${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return n;
}

async function seedBulk(deliveries: number): Promise<string[]> {
  const result = await fillDeliveries({
    deliveries,
    batchSize: positiveInteger("batch-size", args["batch-size"]),
    days: positiveInteger("days", args.days),
    log: (line) => console.log(line),
  });
  const seconds = result.elapsedMs / 1000;
  console.log(
    `bulk: ${result.deliveries.toLocaleString("en")} deliveries, ${result.events.toLocaleString("en")} events, ` +
      `${result.jobs.toLocaleString("en")} jobs in ${seconds.toFixed(1)} s (${Math.round(result.deliveries / seconds).toLocaleString("en")} deliveries/s, VACUUM ANALYZE included)`,
  );
  return result.endpoints.map((e) => e.id);
}

async function seedMix(): Promise<string[]> {
  const started = Date.now();
  const { endpoints, deliveries } = await seedRealisticMix();
  console.log(
    `realistic mix: ${deliveries.length} callbacks through the ingest steps in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return endpoints.map((e) => e.id);
}

await withDatabase(async (url) => {
  await ensureSecret("INBOX_SECRET_KEY", "secret-key", "");
  reloadEnv();
  const { applied } = await applyMigrations(url);
  if (applied.length) console.log(`applied ${applied.length} migration(s): ${applied.join(", ")}`);
  try {
    const endpointIds =
      args.deliveries === undefined
        ? await seedMix()
        : await seedBulk(positiveInteger("deliveries", args.deliveries));
    console.table(summaryTable(await summarizeEndpoints(getPool(), endpointIds)));
  } finally {
    await getDb().$disconnect();
    await getPool().end();
  }
});
