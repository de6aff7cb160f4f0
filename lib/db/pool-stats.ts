// How busy this process's database pool is, for the metrics scrape (lib/metrics): a
// module of its own so that reading three counters does not make lib/metrics a
// database client (CONTRIBUTING.md, "Layers"). Never opens the pool.
import { existingPool } from "./client";

export type PoolStats = { total: number; idle: number; waiting: number };

/** null while this process has not opened its pool. */
export function poolStats(): PoolStats | null {
  const pool = existingPool();
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
