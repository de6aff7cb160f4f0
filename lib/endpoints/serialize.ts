// The API shape of an endpoint. Secrets never appear: only how many are active.
import type { Prisma } from "@/lib/db/client";
import { settingOfStored } from "@/lib/retention/policy";
import type { EndpointResponse } from "./schema";

type EndpointRow = {
  id: string;
  key: string;
  name: string;
  provider: string;
  verification: Prisma.JsonValue;
  extraction: Prisma.JsonValue;
  bodyLimitBytes: number;
  rateLimitPerSecond: number | null;
  overdueAfterMinutes: number | null;
  /** As stored: NULL = the global default, 0 = forever (lib/retention/policy.ts). */
  retentionDays: number | null;
  secretCount: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
};

export function ingestUrlFor(key: string, origin: string): string {
  return `${origin.replace(/\/+$/, "")}/in/${key}`;
}

export function serializeEndpoint(row: EndpointRow, origin: string): EndpointResponse {
  return {
    id: row.id,
    key: row.key,
    ingestUrl: ingestUrlFor(row.key, origin),
    name: row.name,
    provider: row.provider,
    verification: row.verification,
    extraction: row.extraction,
    secretCount: row.secretCount,
    bodyLimitBytes: row.bodyLimitBytes,
    rateLimitPerSecond: row.rateLimitPerSecond,
    overdueAfterMinutes: row.overdueAfterMinutes,
    retentionDays: settingOfStored(row.retentionDays),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}
