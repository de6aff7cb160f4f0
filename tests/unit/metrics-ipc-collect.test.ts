// The metrics of every process in one scrape (lib/metrics/ipc-collect.ts), with real
// forked processes and their IPC channels: this test process plays the launcher.
//   - today's shape: the launcher serves the scrape and holds the queue worker;
//   - the cluster shape: the launcher holds web processes and the worker, and a web
//     process serves the scrape by asking the launcher for everything.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { AggregatorRegistry, Counter } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adoptMetricsChild,
  gatherAppMetrics,
  type ProcessMetrics,
} from "@/lib/metrics/ipc-collect";
import { metricsRegistry, startProcessMetrics } from "@/lib/metrics/registry";

const CHILD = path.resolve("tests/fixtures/metrics-ipc-child.ts");
const children: ChildProcess[] = [];

async function startChild(...args: string[]): Promise<ChildProcess> {
  const child = fork(CHILD, args, { execArgv: ["--import", "tsx"], stdio: "inherit" });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
    child.on("message", (message: { type?: string }) => {
      if (message.type === "ready") resolve();
    });
  });
  return child;
}

/** The value of test_ipc_work_total per process label, after merging like the scrape does. */
async function workByProcess(processes: ProcessMetrics[]): Promise<Record<string, number>> {
  const merged = await AggregatorRegistry.aggregate(processes).getMetricsAsJSON();
  const work = merged.find((metric) => metric.name === "test_ipc_work_total");
  return Object.fromEntries(
    (work?.values ?? []).map((value) => [String(value.labels.process), value.value]),
  );
}

beforeAll(() => {
  // This process is the launcher: it counts too.
  startProcessMetrics("web");
  new Counter({
    name: "test_ipc_work_total",
    help: "Work done in a test process.",
    registers: [metricsRegistry()],
  }).inc(1);
});

/** Closes the child's IPC channel; it exits on that (as the queue worker does). */
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.disconnect();
  });

afterAll(() => Promise.all(children.map(stop)));

// Forking a TypeScript process takes a second or two on a busy machine.
describe("gathering every process's metrics", { timeout: 20_000 }, () => {
  it("today's shape: the launcher's own metrics and its queue worker's, kept apart by the process label", async () => {
    const worker = await startChild("worker", "5");
    adoptMetricsChild(worker);

    const processes = await gatherAppMetrics();

    expect(processes).toHaveLength(2);
    expect(await workByProcess(processes)).toEqual({ web: 1, worker: 5 });
    // The Node process metrics of both (collectDefaultMetrics), each under its label.
    const merged = await AggregatorRegistry.aggregate(processes).getMetricsAsJSON();
    const heap = merged.find((metric) => metric.name === "nodejs_heap_size_used_bytes");
    expect(heap?.values.map((value) => value.labels.process).sort()).toEqual(["web", "worker"]);
  });

  it("the cluster shape: a web process that is itself a child gathers the whole tree through its parent", async () => {
    const web = await startChild("web", "2");
    adoptMetricsChild(web);

    web.send("scrape");
    const processes = await new Promise<ProcessMetrics[]>((resolve) => {
      web.on("message", (message: { type?: string; processes?: ProcessMetrics[] }) => {
        if (message.type === "scraped" && message.processes) resolve(message.processes);
      });
    });

    // This launcher (web, 1), the worker of the first test (5) and the asking web process
    // (2), whose own metrics the launcher asked it for while it waited.
    expect(processes).toHaveLength(3);
    expect(await workByProcess(processes)).toEqual({ web: 3, worker: 5 });
  });

  it("leaves out a process that does not answer, and still answers", async () => {
    const stuck = await startChild("worker", "100", "silent");
    adoptMetricsChild(stuck);

    const processes = await gatherAppMetrics();

    // The launcher, the worker and the web process of the tests above; not the stuck one.
    expect(processes).toHaveLength(3);
    expect(await workByProcess(processes)).toEqual({ web: 3, worker: 5 });
    await stop(stuck);
  });

  it("forgets a child once it exits", async () => {
    const leaving = await startChild("worker", "7");
    adoptMetricsChild(leaving);
    expect(await workByProcess(await gatherAppMetrics())).toEqual({ web: 3, worker: 12 });

    await stop(leaving);

    expect(await workByProcess(await gatherAppMetrics())).toEqual({ web: 3, worker: 5 });
  });
});
