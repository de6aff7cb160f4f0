// Shared by the launcher and the one-shot scripts: use DATABASE_URL when given,
// else the embedded database under .data/ (started for the duration of `fn`).
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded-server";
import { getEnv, reloadEnv } from "@/lib/env";

export const DATA_DIR = path.resolve(".data");

export async function openDatabase(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  const configured = getEnv().DATABASE_URL;
  if (configured) return { url: configured, embedded: null };
  const embedded = await startEmbeddedDatabase(path.join(DATA_DIR, "postgres"));
  process.env.DATABASE_URL = embedded.url;
  reloadEnv();
  return { url: embedded.url, embedded };
}

export async function withDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const { url, embedded } = await openDatabase();
  try {
    await fn(url);
  } finally {
    await embedded?.stop();
  }
}
