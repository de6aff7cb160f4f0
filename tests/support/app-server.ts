// Runs the real app as a child process on a free port against a given database, as a
// user would run it: the compiled production entry `npm start` runs (dist/start.js,
// built by the test run's global set-up or the benchmark), with one web process
// unless INBOX_WEB_PROCESSES says otherwise (`INBOX_WEB_PROCESSES=2 npx vitest run ...`
// runs tests against several web processes; one keeps a 2-core CI machine's cores for
// the tests and the database).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export type AppServer = {
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM: the app shuts down cleanly (in-flight requests and running jobs finish). */
  stop(): Promise<void>;
  /** SIGKILL: a crash, nothing after the current instruction runs. */
  kill(): Promise<void>;
};

/** What `npm start` runs once the build is there (scripts/build.mjs). */
export const APP_ENTRY = "dist/start.js";

export const TEST_API_TOKEN = "test-token-0123456789abcdef";
/** The admin every test server starts with (INBOX_ADMIN_EMAIL / INBOX_ADMIN_PASSWORD). */
export const TEST_ADMIN = { email: "admin@inbox.test", password: "test-admin-password-1" } as const;
export const TEST_AUTH_SECRET = "test-auth-secret-0123456789abcdefghijklmnop";
export const TEST_SECRET_KEY = "test-secret-key-0123456789abcdefghijklmnop";
/**
 * Test data is often dated weeks back (the bulk seed spans 30 days): the hourly
 * retention run must not delete it under a test. Retention tests pass their own.
 */
export const TEST_RETENTION_ENV = {
  INBOX_RETENTION_DAYS: "36500",
  INBOX_FAILED_RETENTION_DAYS: "36500",
};
/** The set-up page's code for servers started without an admin (INBOX_SETUP_CODE). */
export const TEST_SETUP_CODE = "test-setup-code-0123456789";

/** `extraEnv` overrides the defaults below; a value of `undefined` removes a variable. */
export async function startAppServer(
  databaseUrl: string,
  extraEnv: Record<string, string | undefined> = {},
  nodeArgs: string[] = [],
): Promise<AppServer> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    INBOX_API_TOKEN: TEST_API_TOKEN,
    INBOX_AUTH_SECRET: TEST_AUTH_SECRET,
    INBOX_SECRET_KEY: TEST_SECRET_KEY,
    INBOX_ADMIN_EMAIL: TEST_ADMIN.email,
    INBOX_ADMIN_PASSWORD: TEST_ADMIN.password,
    // Known to tests, and no test server writes a generated one into .data/.
    INBOX_SETUP_CODE: TEST_SETUP_CODE,
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    INBOX_WEB_PROCESSES: process.env.INBOX_WEB_PROCESSES ?? "1",
    // Test receivers listen on loopback, which the outbound client refuses otherwise.
    INBOX_OUTBOUND_ALLOW: "127.0.0.1",
    ...TEST_RETENTION_ENV,
    ...extraEnv,
  };
  const child = spawn(process.execPath, [...nodeArgs, APP_ENTRY], {
    env: Object.fromEntries(
      Object.entries(env).filter((entry) => entry[1] !== undefined),
    ) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`app did not start in time:\n${output}`)),
      120_000,
    );
    const check = () => {
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        // Not run again on every later chunk: a server that logs a line per request would
        // have the whole output rescanned each time (quadratic; it skewed the bench).
        child.stdout.off("data", check);
        resolve(match[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before listening:\n${output}`));
    });
  });
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      // A process ended by a signal has a signalCode and no exitCode.
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return {
    baseUrl,
    process: child,
    output: () => output,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}

/** Resident memory of a process in bytes (Linux). */
export function residentMemory(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}
