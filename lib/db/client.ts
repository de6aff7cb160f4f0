// The one database pool of a process and the Prisma client on top of it (Prisma 7 +
// node-postgres adapter). Created on first use so routes that need no database never
// open a pool. Kept on globalThis so that Next's dev reloads and several bundles in
// one process share one pool. Prisma serves most queries; statements on hot paths or
// that Prisma cannot say (the single ingest statement, the forward attempt with its
// retry, polls, the outbox relay, LISTEN/NOTIFY, the first admin, the worker's queue)
// use the pool directly: grep getPool for the list. Either way only lib/**/data.ts,
// lib/**/mutations.ts and lib/db/ reach them (CONTRIBUTING.md, "Layers").
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { getEnv, requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "./generated/client";

function createClient(pool: pg.Pool) {
  // Secrets never leave the server by accident: every query omits them unless it
  // asks for them explicitly (the ingest lookup does).
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: { endpoint: { secrets: true, pollCredential: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

const holder = globalThis as typeof globalThis & { __inboxPool?: pg.Pool; __inboxDb?: Db };

export function getPool(): pg.Pool {
  holder.__inboxPool ??= new pg.Pool({
    connectionString: requireDatabaseUrl(),
    max: getEnv().INBOX_DB_POOL_SIZE,
    // Fail fast when the database is down so ingest can answer 503 quickly.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  return holder.__inboxPool;
}

/** The pool if this process opened one (never opens it): what pool-stats.ts reads. */
export function existingPool(): pg.Pool | undefined {
  return holder.__inboxPool;
}

export function getDb(): Db {
  holder.__inboxDb ??= createClient(getPool());
  return holder.__inboxDb;
}

export { Prisma } from "./generated/client";

/** The pool or one of its checked-out clients (a transaction): what raw statements run on. */
export type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;
