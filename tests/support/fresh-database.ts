// Throwaway databases for integration tests: each test gets its own database on the
// shared server, so tests can migrate, break and inspect it without seeing each other.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

const FALLBACK_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The server to create databases on: global setup's choice, else DATABASE_URL, else local. */
function adminDatabaseUrl(): string {
  let provided: string | undefined;
  try {
    provided = inject("adminDatabaseUrl");
  } catch {
    // No global setup ran (e.g. a custom config); fall back below.
  }
  return provided || process.env.DATABASE_URL || FALLBACK_ADMIN_URL;
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createFreshDatabase(
  label: string,
  adminUrl = adminDatabaseUrl(),
): Promise<{ url: string; drop(): Promise<void> }> {
  // Identifiers are limited to 63 bytes; keep the random suffix intact so names stay unique.
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .slice(0, 32);
  const name = `inbox_test_${safeLabel}_${randomBytes(5).toString("hex")}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a test that failed midway may still hold connections to the database.
    drop: () =>
      withAdmin(adminUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      }),
  };
}

/** One statement on its own connection: how tests check what a database really holds. */
export async function queryDatabase<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}
