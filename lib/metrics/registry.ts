// The metrics registry of this process (prom-client). One per process on globalThis:
// the launcher and Next's compiled route bundles load separate copies of lib/ modules
// (as lib/log/logger.ts says), and a metric registered twice under one name throws.
// Each process labels what it reports with its role (process="launcher", "web" or
// "worker"), so the one scrape that merges every process (lib/metrics/ipc-collect.ts)
// keeps the web server's heap apart from the queue worker's while counters add up
// (the web processes of INBOX_WEB_PROCESSES share the label: their counters are summed).
import { collectDefaultMetrics, Registry } from "prom-client";

export type ProcessRole = "launcher" | "web" | "worker";

type Holder = { registry?: Registry; role?: ProcessRole };
const HOLDER_KEY = Symbol.for("webhook-inbox.metrics-registry");
const holder = globalThis as typeof globalThis & { [HOLDER_KEY]?: Holder };

function state(): Holder {
  return (holder[HOLDER_KEY] ??= {});
}

export function metricsRegistry(): Registry {
  return (state().registry ??= new Registry());
}

/**
 * Called once by each process's entry point (scripts/start.ts, scripts/worker-process.ts):
 * its role label and the Node process metrics (CPU, memory, event loop lag, GC).
 * A process that never calls it (the seed, a benchmark) counts without reporting.
 */
export function startProcessMetrics(role: ProcessRole): void {
  const current = state();
  if (current.role) return;
  current.role = role;
  const registry = metricsRegistry();
  registry.setDefaultLabels({ process: role });
  collectDefaultMetrics({ register: registry });
}
