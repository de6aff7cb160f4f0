// Moves forward outbox rows (written by the ingest statement, lib/ingest/mutations.ts)
// into graphile-worker's queue, one transaction per batch of up to 500 rows. Each
// batch is one notifying transaction where one per callback would serialise ingest
// commits (see the forward_outbox migration). Woken in process right after a callback
// that wrote a row commits, after a short pause that gathers a burst into one batch;
// a slow safety net picks up rows that other processes (or a crash) left behind.
// The launcher runs it once per app (scripts/start.ts); web processes and the queue
// worker wake it over IPC (relayWakesElsewhere). Several relays on one database (apps
// sharing it) are safe too: SKIP LOCKED hands each row to one of them.
import { getLogger } from "@/lib/log/logger";
import { moveOutboxBatch, RELAY_BATCH } from "./mutations";

/** How long a wake-up waits so that a burst of callbacks moves as one batch. */
const GATHER_MS = 10;
/** Rows not announced in this process (another app process, a crash) wait at most this long. */
const SAFETY_NET_MS = 1_000;

export type OutboxRelay = { wake(): void; stop(): Promise<void> };

/**
 * The relay's schedule around `move` (one batch, returning the rows taken): a full
 * batch moves again at once, a wake-up during a move runs another one shortly after,
 * and a failed move (database down) is retried by the safety net.
 */
export function createOutboxRelay(move: () => Promise<number> = moveOutboxBatch): OutboxRelay {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let running: Promise<void> | undefined;
  let wokenWhileRunning = false;

  const runIn = (ms: number) => {
    const at = Date.now() + ms;
    if (stopped || (timer && timerAt <= at)) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Infinity;
      running = drain().finally(() => (running = undefined));
    }, ms);
  };

  const drain = async () => {
    let next = SAFETY_NET_MS;
    try {
      let moved: number;
      do {
        wokenWhileRunning = false;
        moved = await move();
      } while (moved >= RELAY_BATCH && !stopped);
      if (wokenWhileRunning) next = GATHER_MS;
    } catch (error) {
      getLogger().error(
        { err: error },
        "forward outbox: moving rows into the queue failed; retrying shortly",
      );
    }
    runIn(next);
  };

  runIn(0);
  return {
    wake() {
      if (running) wokenWhileRunning = true;
      else runIn(GATHER_MS);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

// Route handlers run in Next's bundle, the entry points in their own: what wakes the
// relay is shared through globalThis, like the database pool.
const holder = globalThis as typeof globalThis & { __inboxOutboxRelay?: Pick<OutboxRelay, "wake"> };

export function startOutboxRelay(): OutboxRelay {
  const relay = createOutboxRelay();
  holder.__inboxOutboxRelay = relay;
  return relay;
}

/**
 * In a process without the relay: wake-ups go to the process that runs it through
 * `send`, at most one per gathering pause (one per callback would be an IPC message per
 * request), and one more at the end of a pause in which any arrived, so a row committed
 * during a pause is never left for the safety net.
 */
export function relayWakesElsewhere(send: () => void): void {
  let pause: NodeJS.Timeout | undefined;
  let wokenDuringPause = false;
  const endPause = () => {
    pause = undefined;
    if (!wokenDuringPause) return;
    wokenDuringPause = false;
    send();
    pause = setTimeout(endPause, GATHER_MS);
  };
  holder.__inboxOutboxRelay = {
    wake() {
      if (pause) {
        wokenDuringPause = true;
        return;
      }
      send();
      pause = setTimeout(endPause, GATHER_MS);
    },
  };
}

/** After a commit that wrote an outbox row; a no-op in a process that runs no relay and sends none. */
export function wakeOutboxRelay(): void {
  holder.__inboxOutboxRelay?.wake();
}
