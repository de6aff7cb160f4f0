// A database that exists for one benchmark run: created on DATABASE_URL's server, or
// on a throwaway embedded PostgreSQL when DATABASE_URL is not set; dropped afterwards.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/db/embedded-server";

export type ThrowawayDatabase = { url: string; cleanup: () => Promise<void> };

export async function createThrowawayDatabase(label: string): Promise<ThrowawayDatabase> {
  const name = `inbox_${label}_${randomBytes(4).toString("hex")}`;
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `inbox-${label}-pg-`));
    const embedded = await startEmbeddedDatabase(dir);
    adminUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cleanup: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
      await stopEmbedded();
    },
  };
}
