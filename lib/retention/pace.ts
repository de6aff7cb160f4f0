// How fast a retention run deletes (README "Data and retention"). A run alternates short
// delete statements with rests, so ingest keeps the cores, the WAL and the disk most of the
// time. The rest after each batch is the larger of:
//  - the duty cycle: the run is busy at most `busyPercent` of the wall time, so a rest is
//    proportional to the batch just done. A batch that took longer because the database
//    is loaded (ingest, a checkpoint, another session) earns a longer rest: the run backs
//    off exactly when the database is slow, and goes full pace when it is idle;
//  - the budget: at most `maxRowsPerSecond` deliveries a second over the run so far.

export type RetentionPace = {
  /** Deliveries a statement deletes at most. */
  batchSize: number;
  /** Share of wall time (1-100) the run may spend in delete statements. */
  busyPercent: number;
  /** Deliveries a second at most over the whole run; null: no budget. */
  maxRowsPerSecond: number | null;
};

/** Milliseconds to rest after a batch that took `batchMs`, with `rows` deliveries deleted in `elapsedMs` since the run began. */
export function restAfterBatch(
  pace: RetentionPace,
  batch: { batchMs: number; rows: number; elapsedMs: number },
): number {
  const duty = (batch.batchMs * (100 - pace.busyPercent)) / pace.busyPercent;
  const budget =
    pace.maxRowsPerSecond === null
      ? 0
      : (batch.rows * 1000) / pace.maxRowsPerSecond - batch.elapsedMs;
  return Math.max(0, duty, budget);
}
