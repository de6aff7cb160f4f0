// Credential header values of every delivery end up sealed with the current
// INBOX_SECRET_KEY: rows from before sealing (credential_key 'plain') and rows sealed with
// a key now in INBOX_SECRET_KEY_PREVIOUS. A batch at a time (lib/deliveries/tasks.ts runs
// them in the queue after a start), so a large table is never held in memory; the partial
// index on credential_key finds the rows.
import { toHeaderList } from "@/lib/http/header-list";
import { getDb } from "@/lib/db/client";
import { currentKeyId } from "@/lib/secrets/secret-box";
import { resealCredentialHeaders } from "./sealed-headers";

/**
 * Reseals up to `batchSize` rows not sealed with the current key. Answers how many it
 * found (0: every row is current) and how many it changed (fewer when another process
 * resealed some meanwhile).
 */
export async function resealDeliveryHeaderBatch(
  batchSize: number,
): Promise<{ found: number; changed: number }> {
  const db = getDb();
  const current = currentKeyId();
  // "< or >" rather than "<>": two range scans of the index, empty at once when every row is current.
  const rows = await db.$queryRaw<{ id: string; headers: unknown; credentialKey: string }[]>`
    SELECT id, headers, credential_key AS "credentialKey" FROM deliveries
    WHERE credential_key < ${current} OR credential_key > ${current}
    LIMIT ${batchSize}`;
  if (rows.length === 0) return { found: 0, changed: 0 };
  const resealed = rows.map((row) => ({
    row,
    ...resealCredentialHeaders(toHeaderList(row.headers), row.credentialKey),
  }));
  // Compare-and-set on the key: a row another process resealed meanwhile is left as it is.
  const changed = await db.$executeRaw`
    UPDATE deliveries d SET headers = u.headers::jsonb, credential_key = u.key
    FROM unnest(${resealed.map((r) => r.row.id)}::text[], ${resealed.map((r) => JSON.stringify(r.headers))}::text[],
                ${resealed.map((r) => r.credentialKey)}::text[], ${resealed.map((r) => r.row.credentialKey)}::text[]) AS u(id, headers, key, old_key)
    WHERE d.id = u.id AND d.credential_key = u.old_key`;
  return { found: rows.length, changed };
}
