// What the benchmarks share: wrk as the load (one thread, scripts/bench-wrk.lua writes its
// numbers and the delivery ids answered 2xx to a JSON report) and the resident memory of
// the app's processes, sampled while the load runs. Load goes to 127.0.0.1 only.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { residentMemory } from "@/tests/support/app-server";
import { childPids, procStatFields } from "@/tests/support/processes";

const WRK_SCRIPT = path.resolve("scripts/bench-wrk.lua");

export type WrkReport = {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  ok: number;
  other: number;
  socketErrors: number;
  ids: string[];
};

/**
 * Runs wrk against `url` for `seconds` with `connections` connections, calling `sample`
 * every `sampleMs` meanwhile (wrk runs in a child, so the sampler keeps running).
 * `requestsFile`: one request per line (see bench-wrk.lua); none: GET `url`.
 */
export async function runWrk(options: {
  url: string;
  connections: number;
  seconds: number;
  requestsFile?: string;
  sample?: () => void;
  sampleMs?: number;
}): Promise<WrkReport> {
  const reportFile = path.join(os.tmpdir(), `inbox-bench-${randomBytes(4).toString("hex")}.json`);
  const wrk = spawn(
    "wrk",
    [
      "-t1",
      `-c${options.connections}`,
      `-d${options.seconds}s`,
      "-s",
      WRK_SCRIPT,
      options.url,
      "--",
      reportFile,
      ...(options.requestsFile ? [options.requestsFile] : []),
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  wrk.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const sampler = options.sample ? setInterval(options.sample, options.sampleMs ?? 250) : null;
  const code = await new Promise<number | null>((resolve) => wrk.once("exit", resolve));
  if (sampler) clearInterval(sampler);
  options.sample?.();
  if (code !== 0) throw new Error(`wrk failed: ${stderr}`);
  const report = JSON.parse(await readFile(reportFile, "utf8")) as WrkReport;
  await rm(reportFile, { force: true });
  return report;
}

export type ProcessMemory = { pid: number; role: string; rss: number };

/** The app's process tree (PostgreSQL left out), each named by what it runs. */
export function appProcesses(launcherPid: number): ProcessMemory[] {
  const found: ProcessMemory[] = [];
  const visit = (pid: number) => {
    let command: string;
    let rss: number;
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      rss = residentMemory(pid);
    } catch {
      return; // gone meanwhile
    }
    if (command.includes("postgres")) return;
    const role =
      pid === launcherPid
        ? "launcher"
        : command.includes("worker-process")
          ? "queue worker"
          : `web ${found.filter((p) => p.role.startsWith("web")).length + 1}`;
    found.push({ pid, role, rss });
    for (const child of childPids(pid)) visit(child);
  };
  visit(launcherPid);
  return found;
}

export const totalRss = (processes: ProcessMemory[]): number =>
  processes.reduce((sum, p) => sum + p.rss, 0);

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  const fields = procStatFields(pid);
  // utime and stime are fields 14 and 15 of the stat line (11 and 12 after the name).
  return fields ? (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS : 0;
}

// USER_HZ: 100 on every Linux this runs on (sysconf is not reachable from Node).
const CLOCK_TICKS = 100;

/** Every PostgreSQL server process on the machine (the bench's database is the only busy one). */
function postgresPids(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres");
      } catch {
        return false;
      }
    });
}

/** The machine's idle and total CPU time so far, from /proc/stat's first line (in ticks). */
function machineTicks(): { idle: number; total: number } {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/);
  const ticks = fields.map(Number);
  return { idle: (ticks[3] ?? 0) + (ticks[4] ?? 0), total: ticks.reduce((a, b) => a + b, 0) };
}

export type CpuSnapshot = {
  web: number;
  postgres: number;
  machine: { idle: number; total: number };
};

/**
 * Where the CPU goes during a row: the app's web processes and every PostgreSQL process
 * (seconds used so far), and the machine's idle share. Two snapshots around a load give
 * the cost per request of each side (cpuPerRequest).
 */
export function cpuSnapshot(launcherPid: number): CpuSnapshot {
  const web = appProcesses(launcherPid).filter((p) => p.role.startsWith("web"));
  return {
    web: web.reduce((sum, p) => sum + cpuSeconds(p.pid), 0),
    postgres: postgresPids().reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    machine: machineTicks(),
  };
}

export type CpuPerRequest = { webUs: number; postgresUs: number; idleShare: number };

export function cpuPerRequest(
  before: CpuSnapshot,
  after: CpuSnapshot,
  requests: number,
): CpuPerRequest {
  const perRequest = (seconds: number) => (seconds * 1e6) / Math.max(1, requests);
  return {
    webUs: perRequest(after.web - before.web),
    postgresUs: perRequest(after.postgres - before.postgres),
    idleShare:
      (after.machine.idle - before.machine.idle) /
      Math.max(1, after.machine.total - before.machine.total),
  };
}
