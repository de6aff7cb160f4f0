// Reads of alert channels and alerts. A channel's URL is sealed and never leaves this
// module readable: lists carry only its masked form; the sender gets it opened.
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";
import { openSecret } from "@/lib/secrets/secret-box";
import { maskChannelUrl } from "./mask-url";
import type { ListAlertsQuery } from "./schema";

export const channelView = {
  id: true,
  endpointId: true,
  kind: true,
  url: true,
  enabled: true,
  disabledReason: true,
  triggers: true,
  burstThreshold: true,
  burstMinutes: true,
  createdAt: true,
  updatedAt: true,
} as const;

type SealedChannel = { url: string } & Record<string, unknown>;

/** The row with its URL replaced by the masked form people may see. */
export function withMaskedUrl<T extends SealedChannel>(
  row: T,
): Omit<T, "url"> & { urlHint: string } {
  const { url, ...rest } = row;
  return { ...rest, urlHint: maskChannelUrl(openSecret(url)) };
}

export async function listAlertChannels(endpointId: string) {
  const endpoint = await getDb().endpoint.findUnique({
    where: { id: endpointId },
    select: { id: true },
  });
  if (!endpoint) throw notFound("endpoint");
  const rows = await getDb().alertChannel.findMany({
    where: { endpointId },
    select: channelView,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(withMaskedUrl);
}

export type AlertChannelView = Awaited<ReturnType<typeof listAlertChannels>>[number];

const alertView = {
  omit: { dedupeKey: true },
  include: { channel: { select: { id: true, kind: true, url: true } } },
} as const;

function maskAlertChannel<T extends { channel: SealedChannel | null }>(row: T) {
  return { ...row, channel: row.channel && withMaskedUrl(row.channel) };
}

/** Newest first, keyset pages; each alert names its channel in masked form. */
export async function listAlerts(query: ListAlertsQuery) {
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().alert.findMany({
    where: {
      ...(query.endpointId !== undefined && { endpointId: query.endpointId }),
      ...(cursor && {
        OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }],
      }),
    },
    ...alertView,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => row.createdAt);
  return { ...page, items: page.items.map(maskAlertChannel) };
}

export async function getAlert(id: string) {
  const row = await getDb().alert.findUnique({ where: { id }, ...alertView });
  if (!row) throw notFound("alert");
  return maskAlertChannel(row);
}

export type AlertView = Awaited<ReturnType<typeof getAlert>>;

/** Everything sending one alert needs, the channel URL opened. Null when the alert is gone. */
export async function loadAlertForSending(alertId: string) {
  const row = await getDb().alert.findUnique({
    where: { id: alertId },
    include: {
      channel: { select: { id: true, kind: true, url: true, enabled: true } },
      endpoint: { select: { id: true, name: true, provider: true } },
      job: {
        select: {
          id: true,
          externalId: true,
          state: true,
          error: true,
          outputUrl: true,
          missedCallbackAt: true,
          overdueAt: true,
          lastEventAt: true,
          registeredAt: true,
        },
      },
      event: { select: { id: true, type: true, verification: true } },
    },
  });
  if (!row) return null;
  return { ...row, channel: row.channel && { ...row.channel, url: openSecret(row.channel.url) } };
}

export type AlertToSend = NonNullable<Awaited<ReturnType<typeof loadAlertForSending>>>;
