// Shared by the launcher and the one-shot scripts: use DATABASE_URL when given, else
// the embedded database under .data/ (INBOX_DATA_DIR): the one a running `npm start`
// serves, or one started for the duration of `fn`.
import path from "node:path";
import {
  findRunningEmbeddedDatabase,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "@/lib/db/embedded-server";
import { getEnv, reloadEnv } from "@/lib/env";

export const DATA_DIR = path.resolve(getEnv().INBOX_DATA_DIR);
const EMBEDDED_DIR = path.join(DATA_DIR, "postgres");

/** How the launcher prints where the embedded database lives. */
export const embeddedDatabaseLabel = () => {
  const relative = path.relative(process.cwd(), EMBEDDED_DIR);
  return relative.startsWith("..") || path.isAbsolute(relative) ? EMBEDDED_DIR : relative;
};

function useUrl(url: string): void {
  process.env.DATABASE_URL = url;
  reloadEnv();
}

/**
 * `shared: true` (one-shot scripts such as db:seed and db:migrate) uses the embedded
 * server a running `npm start` serves from the same folder; the launcher itself
 * (`shared: false`) refuses to start a second app on it, in one line.
 */
export async function openDatabase(
  options: { shared?: boolean } = {},
): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  const configured = getEnv().DATABASE_URL;
  if (configured) return { url: configured, embedded: null };
  const running = await findRunningEmbeddedDatabase(EMBEDDED_DIR);
  if (running && options.shared) {
    useUrl(running.url);
    console.log(
      `database: the embedded PostgreSQL that npm start runs from ${embeddedDatabaseLabel()}`,
    );
    return { url: running.url, embedded: null };
  }
  if (running?.orphaned) {
    throw new Error(
      `The embedded PostgreSQL in ${embeddedDatabaseLabel()} is still running (pid ${running.pid}) after the npm start that ran it ended without stopping it: stop it with "kill -INT ${running.pid}", then start again.`,
    );
  }
  if (running) {
    throw new Error(
      `The embedded database in ${embeddedDatabaseLabel()} is already in use by another npm start: stop that one first, or give this one its own INBOX_DATA_DIR (or a DATABASE_URL).`,
    );
  }
  const embedded = await startEmbeddedDatabase(EMBEDDED_DIR);
  useUrl(embedded.url);
  return { url: embedded.url, embedded };
}

export async function withDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const { url, embedded } = await openDatabase({ shared: true });
  try {
    await fn(url);
  } finally {
    await embedded?.stop();
  }
}
