// Reads of endpoints. Secrets are omitted by the client by default; only the ingest
// lookup asks for them.
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";
import { extractionConfigSchema, providerIdSchema } from "@/lib/providers/schema";
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
  createdAt: true,
  updatedAt: true,
  archivedAt: true,
} as const;

export async function listEndpoints(query: ListEndpointsQuery) {
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().endpoint.findMany({
    where: {
      archivedAt: query.archived ? { not: null } : null,
      ...(cursor && { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }),
    },
    select: { ...endpointView, secrets: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return toPage(rows.map(withSecretCount), query.limit, (row) => row.createdAt);
}

export async function getEndpoint(id: string) {
  const row = await getDb().endpoint.findUnique({ where: { id }, select: { ...endpointView, secrets: true } });
  if (!row) throw notFound("endpoint");
  return withSecretCount(row);
}

/** Replaces the secret values by their number before anything leaves this module. */
export function withSecretCount<T extends { secrets: string[] }>(row: T): Omit<T, "secrets"> & { secretCount: number } {
  const { secrets, ...rest } = row;
  return { ...rest, secretCount: secrets.length };
}

export async function findIngestEndpoint(key: string): Promise<IngestEndpoint | null> {
  const row = await getDb().endpoint.findUnique({
    where: { key },
    select: { id: true, key: true, provider: true, verification: true, extraction: true, secrets: true, bodyLimitBytes: true, archivedAt: true },
  });
  if (!row) return null;
  return {
    ...row,
    provider: providerIdSchema.parse(row.provider),
    verification: verificationConfigSchema.parse(row.verification),
    extraction: row.extraction === null ? null : extractionConfigSchema.parse(row.extraction),
  };
}
