// One scrape shows the whole app, though its work is spread over processes: the web
// process answers GET /api/metrics, the queue worker (its IPC child, forked by
// scripts/worker-supervisor.ts) counts forwards, polls and alerts. Each process keeps
// its own registry (registry.ts); a scrape gathers every registry as JSON over the IPC
// channels and merges them (scrape.ts, prom-client's AggregatorRegistry.aggregate).
//
// Roles, by where a process sits in the tree:
//   - a process that holds IPC children (the launcher) adopts each one
//     (adoptMetricsChild); a scrape it serves gathers its own metrics and each child's;
//   - a forked process answers its parent's request for its own metrics
//     (answerMetricsRequests);
//   - a forked process that serves scrapes while its parent holds the others (a web
//     process under node:cluster) asks its parent for everything (gatherThroughParent);
//     the parent gathers as above, that child included, and answers.
// A process that does not answer within GATHER_TIMEOUT_MS (busy, exiting, restarting)
// is left out of that scrape rather than holding it up.
//
// State lives on globalThis: the launcher's modules adopt the child, Next's compiled
// route bundle (a separate copy of this module in the same process) gathers.
import type { MetricObjectWithValues, MetricValue } from "prom-client";
import { getLogger } from "@/lib/log/logger";
import { metricsRegistry } from "./registry";

export type ProcessMetrics = MetricObjectWithValues<MetricValue<string>>[];

/** A child process (child_process.fork) or a cluster worker: both have these. */
export type IpcChild = {
  send(message: unknown): boolean;
  on(event: "message", listener: (message: unknown) => void): unknown;
  off(event: "message", listener: (message: unknown) => void): unknown;
  once(event: "exit", listener: () => void): unknown;
};

/** The IPC side of this process towards its parent (process itself, when forked). */
type IpcParent = Pick<IpcChild, "send" | "on" | "off">;

const REQUEST = "webhook-inbox:metrics-request";
const REPLY = "webhook-inbox:metrics-reply";
const GATHER_TIMEOUT_MS = 2_000;

type Scope = "own" | "all";
type MetricsRequest = { type: typeof REQUEST; id: number; scope: Scope };
type MetricsReply = { type: typeof REPLY; id: number; metrics: ProcessMetrics[] };

const isRequest = (message: unknown): message is MetricsRequest =>
  typeof message === "object" &&
  message !== null &&
  (message as { type?: unknown }).type === REQUEST &&
  typeof (message as { id?: unknown }).id === "number";

const isReply = (message: unknown): message is MetricsReply =>
  typeof message === "object" &&
  message !== null &&
  (message as { type?: unknown }).type === REPLY &&
  typeof (message as { id?: unknown }).id === "number" &&
  Array.isArray((message as { metrics?: unknown }).metrics);

type State = {
  children: Set<IpcChild>;
  /** Set in a process that serves scrapes but whose parent holds the other processes. */
  parent: IpcParent | null;
  answering: boolean;
  nextId: number;
};
const STATE_KEY = Symbol.for("webhook-inbox.metrics-ipc");
const holder = globalThis as typeof globalThis & { [STATE_KEY]?: State };
const state = (): State =>
  (holder[STATE_KEY] ??= { children: new Set(), parent: null, answering: false, nextId: 1 });

const ownMetrics = (): Promise<ProcessMetrics> => metricsRegistry().getMetricsAsJSON();

/** Sends one request and waits for its reply; [] when none comes in time (the peer may have gone). */
function ask(peer: IpcParent, scope: Scope): Promise<ProcessMetrics[]> {
  const id = state().nextId++;
  return new Promise((resolve) => {
    const finish = (metrics: ProcessMetrics[], problem?: string) => {
      clearTimeout(timer);
      peer.off("message", onMessage);
      if (problem) getLogger().warn({ scope }, `metrics: ${problem}; left out of this scrape`);
      resolve(metrics);
    };
    const onMessage = (message: unknown) => {
      if (isReply(message) && message.id === id) finish(message.metrics);
    };
    const timer = setTimeout(
      () => finish([], `no answer within ${GATHER_TIMEOUT_MS} ms`),
      GATHER_TIMEOUT_MS,
    );
    peer.on("message", onMessage);
    try {
      if (!peer.send({ type: REQUEST, id, scope } satisfies MetricsRequest))
        finish([], "the IPC channel is backed up");
    } catch {
      // The channel closed between the check and the send (a child restarting).
      finish([], "the IPC channel is closed");
    }
  });
}

/** This process's metrics and every adopted child's: what the parent of the tree answers. */
async function gatherHere(): Promise<ProcessMetrics[]> {
  const children = [...state().children];
  const [own, ...fromChildren] = await Promise.all([
    ownMetrics().then((metrics) => [metrics]),
    ...children.map((child) => ask(child, "own")),
  ]);
  return [...(own ?? []), ...fromChildren.flat()];
}

/** Every process's metrics, one array per process: what a scrape merges. */
export function gatherAppMetrics(): Promise<ProcessMetrics[]> {
  const { parent } = state();
  return parent ? ask(parent, "all") : gatherHere();
}

async function answer(peer: IpcParent, request: MetricsRequest): Promise<void> {
  const metrics = request.scope === "all" ? await gatherHere() : [await ownMetrics()];
  try {
    peer.send({ type: REPLY, id: request.id, metrics } satisfies MetricsReply);
  } catch {
    // The asker went away; nobody is waiting for this answer.
  }
}

/**
 * In a process that holds `child`: include it in scrapes until it exits, and answer
 * it when it asks for everything (a web process that is a cluster worker).
 */
export function adoptMetricsChild(child: IpcChild): void {
  const { children } = state();
  children.add(child);
  const onMessage = (message: unknown) => {
    if (isRequest(message) && message.scope === "all") void answer(child, message);
  };
  child.on("message", onMessage);
  child.once("exit", () => {
    children.delete(child);
    child.off("message", onMessage);
  });
}

/** In a forked process: answer the parent's requests for this process's metrics. */
export function answerMetricsRequests(parent: IpcParent = process as unknown as IpcParent): void {
  const current = state();
  if (current.answering) return;
  current.answering = true;
  parent.on("message", (message) => {
    if (isRequest(message) && message.scope === "own") void answer(parent, message);
  });
}

/**
 * In a forked process that serves scrapes while its parent holds the other processes
 * (a cluster worker): a scrape asks the parent for everything.
 */
export function gatherThroughParent(parent: IpcParent = process as unknown as IpcParent): void {
  state().parent = parent;
}
