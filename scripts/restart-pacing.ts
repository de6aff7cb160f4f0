// How long to wait before starting a child process that died again: a growing pause,
// so that one that cannot start does not spin, back to the short one after it ran well.
const FIRST_RESTART_MS = 1_000;
const MAX_RESTART_MS = 30_000;
/** A process that ran this long was healthy: its next restart starts from the short pause again. */
const HEALTHY_AFTER_MS = 60_000;

export type RestartPacing = {
  /** The pause before the next start of a process that started at `startedAt` and died. */
  pauseAfter(startedAt: number): number;
};

export function restartPacing(): RestartPacing {
  let pauseMs = FIRST_RESTART_MS;
  return {
    pauseAfter(startedAt) {
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) pauseMs = FIRST_RESTART_MS;
      const pause = pauseMs;
      pauseMs = Math.min(pauseMs * 2, MAX_RESTART_MS);
      return pause;
    },
  };
}
