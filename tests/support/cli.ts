// Runs the `webhook-inbox` command as a user would: the bin shim as a child process,
// started from a directory outside the project (the shim must find its own tsconfig).
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";

const BIN = path.resolve(import.meta.dirname, "../../bin/webhook-inbox.mjs");

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Without INBOX_URL / INBOX_TOKEN from the test's own environment unless given. */
function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { INBOX_URL: _url, INBOX_TOKEN: _token, ...rest } = process.env;
  return { ...rest, ...env };
}

function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: os.tmpdir(),
    env: cliEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs a command to its end. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

export type RunningCli = {
  stdout: () => string;
  stderr: () => string;
  /** Resolves once the output (stdout or stderr) matches; rejects if the command exits first. */
  waitFor(stream: "stdout" | "stderr", match: (text: string) => boolean): Promise<void>;
  /** Ctrl-C, then the exit code. */
  interrupt(): Promise<number | null>;
};

/** Starts a long-running command (forward). */
export function startCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawnCli(args, env);
  const output = { stdout: "", stderr: "" };
  const waiters = new Set<() => void>();
  const changed = () => {
    for (const check of [...waiters]) check();
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    output.stdout += chunk.toString();
    changed();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output.stderr += chunk.toString();
    changed();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("close", (code) => resolve(code)),
  );
  return {
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    waitFor: (stream, match) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!match(output[stream])) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
        void exited.then((code) => {
          if (!waiters.has(check)) return;
          waiters.delete(check);
          reject(
            new Error(
              `webhook-inbox exited (${code}) first.\nstdout:\n${output.stdout}\nstderr:\n${output.stderr}`,
            ),
          );
        });
      }),
    interrupt: () => {
      if (child.exitCode === null) child.kill("SIGINT");
      return exited;
    },
  };
}
