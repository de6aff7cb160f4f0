// The one Prisma client of a process (Prisma 7 + node-postgres adapter). Created on
// first use so routes that need no database never open a pool. Kept on globalThis so
// that Next's dev reloads and several bundles in one process share one pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv, requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "./generated/client";

function createClient() {
  const adapter = new PrismaPg({
    connectionString: requireDatabaseUrl(),
    max: getEnv().INBOX_DB_POOL_SIZE,
    // Fail fast when the database is down so ingest can answer 503 quickly.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  // Secrets never leave the server by accident: every query omits them unless it
  // asks for them explicitly (the ingest lookup does).
  return new PrismaClient({ adapter, omit: { endpoint: { secrets: true } } });
}

export type Db = ReturnType<typeof createClient>;

const holder = globalThis as typeof globalThis & { __inboxDb?: Db };

export function getDb(): Db {
  holder.__inboxDb ??= createClient();
  return holder.__inboxDb;
}

export { Prisma } from "./generated/client";
