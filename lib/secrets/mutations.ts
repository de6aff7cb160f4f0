// Start-up step: every stored secret ends up sealed with the current INBOX_SECRET_KEY.
// Seals values stored before encryption at rest existed (plain text) and reseals
// values sealed with a key now listed in INBOX_SECRET_KEY_PREVIOUS, so an old key can
// be dropped after one start with the new one.
import { getDb, Prisma } from "@/lib/db/client";
import { isSealed, isSealedWithCurrentKey, openSecret, sealSecret } from "./secret-box";

/** Every column that holds sealed secrets; `array` columns hold one per element. */
export const SEALED_COLUMNS = [
  { table: "endpoints", column: "secrets", array: true },
  { table: "destinations", column: "signing_secret", array: false },
  { table: "endpoints", column: "poll_credential", array: false },
  { table: "alert_channels", column: "url", array: false },
] as const;

type SealedColumn = { table: string; column: string; array: boolean };

function resealed(value: string): string {
  return sealSecret(isSealed(value) ? openSecret(value) : value);
}

async function resealColumn({ table, column, array }: SealedColumn): Promise<number> {
  const db = getDb();
  // Identifiers come from the constant list above, never from input.
  const [t, c] = [Prisma.raw(`"${table}"`), Prisma.raw(`"${column}"`)];
  let changed = 0;
  if (array) {
    const rows = await db.$queryRaw<
      { id: string; value: string[] }[]
    >`SELECT id, ${c} AS value FROM ${t} WHERE cardinality(${c}) > 0`;
    for (const row of rows) {
      if (row.value.every(isSealedWithCurrentKey)) continue;
      // Compare-and-set: a rotation that lands meanwhile is not overwritten (it is sealed already).
      changed +=
        await db.$executeRaw`UPDATE ${t} SET ${c} = ${row.value.map(resealed)}::text[] WHERE id = ${row.id} AND ${c} = ${row.value}::text[]`;
    }
  } else {
    const rows = await db.$queryRaw<
      { id: string; value: string }[]
    >`SELECT id, ${c} AS value FROM ${t} WHERE ${c} IS NOT NULL`;
    for (const row of rows) {
      if (isSealedWithCurrentKey(row.value)) continue;
      changed +=
        await db.$executeRaw`UPDATE ${t} SET ${c} = ${resealed(row.value)} WHERE id = ${row.id} AND ${c} = ${row.value}`;
    }
  }
  return changed;
}

/** Returns how many rows changed (0 on every start after the first with a key). */
export async function resealStoredSecrets(): Promise<number> {
  let changed = 0;
  for (const target of SEALED_COLUMNS) changed += await resealColumn(target);
  return changed;
}
