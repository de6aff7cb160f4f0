// The first hour of a new user, as the README tells it: `npm start` with nothing
// configured (the embedded database), what it prints, `npm run db:seed` and
// `npm run db:migrate` while it runs, a second `npm start` on the same folder, and a
// start as root from a folder the database's own user cannot enter. Each app runs from
// its own data folder (INBOX_DATA_DIR), never the checkout's .data/.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ENTRY, startAppServer, type AppServer } from "@/tests/support/app-server";

/** Nothing configured: what a fresh clone has. Listens on HOSTNAME (HOST unset), as on platforms that set it. */
const unconfigured = (dataDir: string) => ({
  DATABASE_URL: undefined,
  INBOX_DATA_DIR: dataDir,
  INBOX_API_TOKEN: undefined,
  INBOX_AUTH_SECRET: undefined,
  INBOX_SECRET_KEY: undefined,
  INBOX_ADMIN_EMAIL: undefined,
  INBOX_ADMIN_PASSWORD: undefined,
  INBOX_SETUP_CODE: undefined,
  INBOX_WORKER: "off",
  HOST: undefined,
  HOSTNAME: "127.0.0.2",
});

/** Runs a script as `npm run <script>` would (tsx), to its end. */
async function runScript(
  script: string,
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; output: string }> {
  const merged = { ...process.env, ...env };
  const child = spawn(
    process.execPath,
    [...(script.endsWith(".ts") ? ["--import", "tsx"] : []), script],
    {
      env: Object.fromEntries(
        Object.entries(merged).filter((entry) => entry[1] !== undefined),
      ) as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // A script that never ends (a start that unexpectedly succeeds) must not outlive the test.
  const timer = setTimeout(() => child.kill("SIGKILL"), 50_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}

/** A raw Node stack frame: what a user should never have to read to learn what to do. */
const STACK_FRAME = /^\s+at .+[:(]/m;

describe("npm start with nothing configured, then db:seed and db:migrate while it runs", () => {
  let folder: string;
  let dataDir: string;
  let app: AppServer;
  let origin: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "inbox-first-hour-"));
    // Others may enter (as a clone in /home/<user> or /srv): the embedded database runs
    // as the postgres user when the tests run as root.
    await chmod(folder, 0o755);
    dataDir = path.join(folder, "data");
    app = await startAppServer("unused", unconfigured(dataDir));
    const port = new URL(app.baseUrl).port;
    origin = `http://127.0.0.2:${port}`;
  });

  afterAll(async () => {
    await app?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it("prints where it listens, how to sign in, the token, the set-up code and the next step", async () => {
    const port = new URL(app.baseUrl).port;
    const url = `http://localhost:${port}`;
    const banner = app.output();
    const setupCode = (await readFile(path.join(dataDir, "setup-code"), "utf8")).trim();
    const tokenFile = path.join(dataDir, "api-token");
    expect(banner).toContain(`listening on ${url} (on 127.0.0.2)`);
    expect(banner).toContain(`database: embedded PostgreSQL in ${path.join(dataDir, "postgres")}`);
    expect(banner).toContain(`API token: from ${path.relative(process.cwd(), tokenFile)}`);
    expect(banner).toContain(
      `sign in: nobody has an account yet; open ${url}/setup and enter the set-up code`,
    );
    expect(banner).toContain(
      `set-up code: ${setupCode} (also in ${path.join(dataDir, "setup-code")}`,
    );
    expect(banner).toContain(`next: create an endpoint at ${url}/endpoints/new`);
    expect(banner).toContain(
      `curl -s ${url}/api/endpoints -H "Authorization: Bearer $(cat ${path.relative(process.cwd(), tokenFile)})"`,
    );
    // HOSTNAME was an address and HOST unset: it listens there, and only there.
    expect((await fetch(`${origin}/api/health`)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });

  it("db:migrate and db:seed use the database the running app serves", async () => {
    const migrate = await runScript("scripts/migrate.ts", unconfigured(dataDir));
    expect(migrate.output).toContain("embedded PostgreSQL that npm start runs");
    expect(migrate.output).toContain("database is up to date");
    expect(migrate.code, migrate.output).toBe(0);

    const seed = await runScript("scripts/seed.ts", unconfigured(dataDir));
    expect(seed.code, seed.output).toBe(0);
    // What the seed wrote is what the running app shows.
    const token = (await readFile(path.join(dataDir, "api-token"), "utf8")).trim();
    const endpoints = await fetch(`${origin}/api/endpoints?limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(endpoints.status).toBe(200);
    const { items } = (await endpoints.json()) as { items: unknown[] };
    expect(items.length).toBeGreaterThan(0);
  });

  it("a second npm start on the same folder says in one line what to do", async () => {
    const second = await runScript(APP_ENTRY, {
      ...unconfigured(dataDir),
      PORT: "0",
    });
    expect(second.code).not.toBe(0);
    expect(second.output).toContain("already in use by another npm start");
    expect(second.output).not.toMatch(STACK_FRAME);
    // The running one is unharmed.
    expect((await fetch(`${origin}/api/health`)).status).toBe(200);
  });
});

describe("npm start after a crash left the embedded PostgreSQL running", () => {
  it("says which process it is and how to stop it", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "inbox-crashed-"));
    await chmod(folder, 0o755);
    const dataDir = path.join(folder, "data");
    let postgresPid: number | undefined;
    try {
      const crashed = await startAppServer("unused", unconfigured(dataDir));
      await crashed.kill();
      const pidFile = await readFile(
        path.join(dataDir, "postgres", "cluster", "postmaster.pid"),
        "utf8",
      );
      postgresPid = Number(pidFile.split("\n")[0]);
      expect(
        () => process.kill(postgresPid ?? 0, 0),
        "PostgreSQL outlived its launcher",
      ).not.toThrow();

      const again = await runScript(APP_ENTRY, {
        ...unconfigured(dataDir),
        PORT: "0",
      });
      expect(again.code).not.toBe(0);
      expect(again.output).toContain(
        `is still running (pid ${postgresPid}) after the npm start that ran it ended without stopping it: stop it with "kill -INT ${postgresPid}"`,
      );
      expect(again.output).not.toMatch(STACK_FRAME);
    } finally {
      if (postgresPid) {
        process.kill(postgresPid, "SIGINT");
        for (let i = 0; i < 100; i++) {
          try {
            process.kill(postgresPid, 0);
          } catch {
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe.runIf(process.getuid?.() === 0)(
  "npm start as root from a folder others cannot enter",
  () => {
    it("says in one line which folder is in the way and how to fix it", async () => {
      // mkdtemp makes the folder 0700, as root's home folder is.
      const folder = await mkdtemp(path.join(os.tmpdir(), "inbox-root-only-"));
      try {
        const started = await runScript(APP_ENTRY, {
          ...unconfigured(path.join(folder, "data")),
          PORT: "0",
        });
        expect(started.code).not.toBe(0);
        expect(started.output).toContain(
          `The embedded PostgreSQL runs as the user "postgres" (it refuses root), which cannot reach its data folder: ${folder} has mode 700.`,
        );
        expect(started.output).toContain("set INBOX_DATA_DIR to a folder others may enter");
        expect(started.output).not.toMatch(STACK_FRAME);
        expect(started.output.trim().split("\n")).toHaveLength(1);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  },
);
