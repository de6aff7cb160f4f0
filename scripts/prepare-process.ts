// The launcher's start-up work on the database, in a process of its own that exits when
// done (forked by scripts/start.ts once the database is open and the secrets are in the
// environment): pending migrations, stored secrets sealed under the current key (a few
// rows; the deliveries' credential headers, possibly millions, are resealed by the queue
// once the app listens: lib/deliveries/tasks.ts), the first admin from the environment,
// the set-up code. Its own
// process because this work loads Prisma's query compiler (WebAssembly) and better-auth:
// tens of megabytes the launcher would otherwise hold for as long as the app runs, to
// use them once.
//
// Prints what it did; reports { type: "prepared", setupCodeNote } or { type: "failed",
// message } over IPC (the launcher says the message, once), then exits.
import { ensureAdminFromEnv } from "@/lib/auth/users";
import { getPool } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { getEnv, requireDatabaseUrl } from "@/lib/env";
import { resealStoredSecrets } from "@/lib/secrets/mutations";
import { ignoreClosedOutput } from "./ignore-closed-output";
import { ensureSetupCode } from "./local-secrets";

export type PrepareMessage =
  { type: "prepared"; setupCodeNote: string | null } | { type: "failed"; message: string };

async function prepare(keySource: string): Promise<string | null> {
  const { applied } = await applyMigrations(requireDatabaseUrl());
  if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
  const resealed = await resealStoredSecrets();
  if (resealed)
    console.log(`stored secrets sealed with the key from ${keySource}: ${resealed} rows`);
  const { INBOX_ADMIN_EMAIL: adminEmail, INBOX_ADMIN_PASSWORD: adminPassword } = getEnv();
  if (adminEmail && adminPassword) {
    console.log(`admin ${adminEmail}: ${await ensureAdminFromEnv(adminEmail, adminPassword)}`);
  } else if (adminEmail || adminPassword) {
    console.warn(
      "set both INBOX_ADMIN_EMAIL and INBOX_ADMIN_PASSWORD to create the first admin; ignoring the one given",
    );
  }
  return ensureSetupCode();
}

ignoreClosedOutput();
// argv: where the current secret key came from, for the lines about resealing.
const keySource = process.argv[2] ?? "INBOX_SECRET_KEY";
const report: PrepareMessage = await prepare(keySource).then(
  (setupCodeNote) => ({ type: "prepared", setupCodeNote }),
  (error: unknown) => ({
    type: "failed",
    message: error instanceof Error ? error.message : String(error),
  }),
);
await getPool()
  .end()
  .catch(() => {});
process.send?.(report, () => process.exit(report.type === "prepared" ? 0 : 1));
