// Reads of endpoints. Secrets are omitted by the client by default; only the ingest
// lookup asks for them.
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";
import { extractionConfigSchema, providerIdSchema } from "@/lib/providers/schema";
import { openSecrets } from "@/lib/secrets/secret-box";
import { verificationConfigSchema } from "@/lib/verify/schema";
import type { ListEndpointsQuery } from "./schema";
import type { IngestEndpoint } from "./types";

export const endpointView = {
  id: true,
  key: true,
  name: true,
  provider: true,
  verification: true,
  extraction: true,
  bodyLimitBytes: true,
  rateLimitPerSecond: true,
  overdueAfterMinutes: true,
  retentionDays: true,
  createdAt: true,
  updatedAt: true,
  archivedAt: true,
} as const;

export async function listEndpoints(query: ListEndpointsQuery) {
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().endpoint.findMany({
    where: {
      archivedAt: query.archived ? { not: null } : null,
      ...(cursor && {
        OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }],
      }),
    },
    select: { ...endpointView, secrets: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return toPage(rows.map(withSecretCount), query.limit, (row) => row.createdAt);
}

export async function getEndpoint(id: string) {
  const row = await getDb().endpoint.findUnique({
    where: { id },
    select: { ...endpointView, secrets: true },
  });
  if (!row) throw notFound("endpoint");
  return withSecretCount(row);
}

/** Replaces the secret values by their number before anything leaves this module. */
export function withSecretCount<T extends { secrets: string[] }>(
  row: T,
): Omit<T, "secrets"> & { secretCount: number } {
  const { secrets, ...rest } = row;
  return { ...rest, secretCount: secrets.length };
}

export async function findIngestEndpoint(key: string): Promise<IngestEndpoint | null> {
  const row = await getDb().endpoint.findUnique({
    where: { key },
    select: {
      id: true,
      key: true,
      provider: true,
      verification: true,
      extraction: true,
      secrets: true,
      bodyLimitBytes: true,
      rateLimitPerSecond: true,
      archivedAt: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    secrets: openSecrets(row.secrets),
    provider: providerIdSchema.parse(row.provider),
    verification: verificationConfigSchema.parse(row.verification),
    extraction: row.extraction === null ? null : extractionConfigSchema.parse(row.extraction),
  };
}

/** Counting stops here: beyond it the list says "10,000+" instead of scanning every event. */
export const EVENT_COUNT_CAP = 10_000;

export type EndpointActivity = { lastReceivedAt: Date | null; eventCount: number };

/**
 * Last callback time and event count per endpoint, for lists. Both read an index
 * (deliveries by endpoint and time; events by endpoint), and the count is capped.
 */
export async function getEndpointActivity(
  ids: readonly string[],
): Promise<Map<string, EndpointActivity>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().$queryRaw<
    Array<{ id: string; last_received_at: Date | null; event_count: number }>
  >`
    SELECT e.id,
      (SELECT d.received_at FROM deliveries d WHERE d.endpoint_id = e.id ORDER BY d.received_at DESC LIMIT 1) AS last_received_at,
      (SELECT count(*)::int FROM (SELECT 1 FROM events v WHERE v.endpoint_id = e.id LIMIT ${EVENT_COUNT_CAP + 1}) capped) AS event_count
    FROM endpoints e WHERE e.id = ANY(${[...ids]})`;
  return new Map(
    rows.map((row) => [
      row.id,
      { lastReceivedAt: row.last_received_at, eventCount: row.event_count },
    ]),
  );
}
