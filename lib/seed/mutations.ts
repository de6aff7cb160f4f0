// The bulk seed as one call, for `npm run db:seed -- --deliveries N` and the benchmarks:
// fills DATABASE_URL's database (the app's pool; applied migrations assumed).
import { getPool } from "@/lib/db/client";
import {
  createBulkEndpoints,
  seedBulkDeliveries,
  type BulkSeedOptions,
  type BulkSeedResult,
} from "./bulk-deliveries";

/**
 * Adds 20 endpoints (every preset) and `deliveries` deliveries with their events and jobs,
 * spread over the last `days` days before `now`, on one pooled connection. Other sessions
 * wait on the jobs, events and deliveries tables until it commits.
 */
export async function fillDeliveries(options: BulkSeedOptions): Promise<BulkSeedResult> {
  const endpoints = await createBulkEndpoints();
  const client = await getPool().connect();
  try {
    return await seedBulkDeliveries(client, endpoints, options);
  } finally {
    client.release();
  }
}
