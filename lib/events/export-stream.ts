// GET /api/events/export and `webhook-inbox export`: the events matching a filter as
// NDJSON, one event per line with its deliveries (bodies base64, credential header
// values masked as everywhere else). A pull-based ReadableStream: the next keyset batch
// is read only when the client has taken the last one, so a slow reader holds the
// database to one batch at a time and a million events stream in constant memory.
import { leavingDelivery } from "@/lib/deliveries/serialize";
import { readExportBatch, type ExportEventRow } from "./data";
import type { EventFilters } from "./schema";
import { serializeEventSummary } from "./serialize";

/** Events a batch reads; with their deliveries and bodies, a few MB at most in the usual case. */
export const EXPORT_BATCH = 100;

export function serializeExportedEvent(row: ExportEventRow) {
  return {
    ...serializeEventSummary(row),
    payload: row.payload ?? null,
    deliveries: row.deliveries.map((d) => ({
      ...leavingDelivery(d),
      size: d.size,
      bodySha256: d.bodySha256,
      sourceIp: d.sourceIp,
      verificationReason: d.verificationReason,
      responseStatus: d.responseStatus,
    })),
  };
}

export function exportEventsStream(
  filters: EventFilters,
  batchSize = EXPORT_BATCH,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { at: Date; id: string } | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const rows = await readExportBatch(filters, after, batchSize);
        const last = rows[rows.length - 1];
        if (last) {
          after = { at: last.firstReceivedAt, id: last.id };
          controller.enqueue(
            encoder.encode(
              rows.map((row) => `${JSON.stringify(serializeExportedEvent(row))}\n`).join(""),
            ),
          );
        }
        if (rows.length < batchSize) controller.close();
      },
    },
    // One batch queued ahead at most: pull() runs again only when the reader took it.
    { highWaterMark: 1 },
  );
}
