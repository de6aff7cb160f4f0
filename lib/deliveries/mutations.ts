// Start-up step: credential header values of every delivery end up sealed with the
// current INBOX_SECRET_KEY: rows from before sealing (credential_key 'plain') and rows
// sealed with a key now in INBOX_SECRET_KEY_PREVIOUS. In batches, so a large table is
// never held in memory; the partial index on credential_key finds the rows.
import { toHeaderList } from "@/lib/http/header-list";
import { getDb } from "@/lib/db/client";
import { currentKeyId } from "@/lib/secrets/secret-box";
import { resealCredentialHeaders } from "./sealed-headers";

const RESEAL_BATCH = 500;

/** Returns how many rows changed (0 on every start after the first with a key). */
export async function resealDeliveryHeaders(batchSize = RESEAL_BATCH): Promise<number> {
  const db = getDb();
  const current = currentKeyId();
  let changed = 0;
  for (;;) {
    // "< or >" rather than "<>": two range scans of the index, empty at once when every row is current.
    const rows = await db.$queryRaw<{ id: string; headers: unknown; credentialKey: string }[]>`
      SELECT id, headers, credential_key AS "credentialKey" FROM deliveries
      WHERE credential_key < ${current} OR credential_key > ${current}
      LIMIT ${batchSize}`;
    if (rows.length === 0) return changed;
    const resealed = rows.map((row) => ({
      row,
      ...resealCredentialHeaders(toHeaderList(row.headers), row.credentialKey),
    }));
    // Compare-and-set on the key: a row another process resealed meanwhile is left as it is.
    changed += await db.$executeRaw`
      UPDATE deliveries d SET headers = u.headers::jsonb, credential_key = u.key
      FROM unnest(${resealed.map((r) => r.row.id)}::text[], ${resealed.map((r) => JSON.stringify(r.headers))}::text[],
                  ${resealed.map((r) => r.credentialKey)}::text[], ${resealed.map((r) => r.row.credentialKey)}::text[]) AS u(id, headers, key, old_key)
      WHERE d.id = u.id AND d.credential_key = u.old_key`;
  }
}
