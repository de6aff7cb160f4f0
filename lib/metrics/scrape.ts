// What GET /api/metrics answers: every process's registry merged into one exposition
// (ipc-collect.ts), plus the queue's depth read from the database at scrape time. The
// queue gauges are read here, once per scrape, rather than in each process: they
// describe the shared queue, not a process, and N processes reporting it would add up
// to N times the backlog.
import { AggregatorRegistry, Gauge, Registry } from "prom-client";
import { readQueueDepth } from "@/lib/queue/data";
import { getLogger } from "@/lib/log/logger";
import { gatherAppMetrics } from "./ipc-collect";

export type Scrape = { contentType: string; text: string };

async function queueRegistry(): Promise<Registry> {
  const registry = new Registry();
  const jobs = new Gauge({
    name: "webhook_inbox_queue_jobs",
    help: "Jobs in the queue, by task and state (due: runnable now; scheduled: later; running; failed: out of attempts). Read from the database at scrape time.",
    labelNames: ["task", "state"] as const,
    registers: [registry],
  });
  const oldest = new Gauge({
    name: "webhook_inbox_queue_oldest_due_age_seconds",
    help: "How long the oldest due job of each task has waited past its run time (0: none waiting). Read from the database at scrape time.",
    labelNames: ["task"] as const,
    registers: [registry],
  });
  const up = new Gauge({
    name: "webhook_inbox_queue_read_ok",
    help: "1 when this scrape could read the queue's depth from the database, else 0 (the queue gauges are then absent).",
    registers: [registry],
  });
  try {
    for (const depth of await readQueueDepth()) {
      for (const state of ["due", "scheduled", "running", "failed"] as const)
        jobs.set({ task: depth.task, state }, depth[state]);
      oldest.set({ task: depth.task }, depth.oldestDueSeconds);
    }
    up.set(1);
  } catch (error) {
    getLogger().warn({ err: error }, "metrics: could not read the queue's depth");
    up.set(0);
  }
  return registry;
}

export async function scrapeMetrics(): Promise<Scrape> {
  const [processes, queue] = await Promise.all([gatherAppMetrics(), queueRegistry()]);
  const merged = Registry.merge([AggregatorRegistry.aggregate(processes), queue]);
  return { contentType: merged.contentType, text: await merged.metrics() };
}
