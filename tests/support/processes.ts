// What Linux's /proc says about a process the tests or benchmarks started: its children
// (the app launcher's queue worker) and the fields of its stat line.
import { readdirSync, readFileSync } from "node:fs";

/** The fields of /proc/<pid>/stat after the command name (field 3 on); undefined once the pid is gone. */
export function procStatFields(pid: number): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: count from its closing one.
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Every child of the process, whichever of its threads started it; none once it is gone. */
export function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8")
        .split(" ")
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * The children of the app's launcher that run one entry point ("web-process",
 * "worker-process"): the launcher also runs the other kind.
 */
export function childPidsRunning(pid: number, entry: string): number[] {
  return childPids(pid).filter((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, "utf8").includes(entry);
    } catch {
      return false; // gone meanwhile
    }
  });
}
