// Reads of destinations. The secret is selected here so that the serializer can say
// whether one is set and the sender can sign; serializeDestination drops its value.
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";

export async function listDestinations(endpointId: string) {
  const endpoint = await getDb().endpoint.findUnique({
    where: { id: endpointId },
    select: { id: true },
  });
  if (!endpoint) throw notFound("endpoint");
  return getDb().destination.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export async function getDestination(id: string) {
  const row = await getDb().destination.findUnique({ where: { id } });
  if (!row) throw notFound("destination");
  return row;
}

/** More than this many destinations is not a list to pick from; an ad-hoc URL still works. */
const REPLAY_DESTINATIONS_SHOWN = 500;

/** A destination as a replay target is shown: no secret, with its endpoint's name. */
const replayTargetView = {
  id: true,
  url: true,
  enabled: true,
  resign: true,
  endpoint: { select: { name: true } },
} as const;
const withEndpointName = <T extends { endpoint: { name: string } }>({
  endpoint,
  ...destination
}: T) => ({ ...destination, endpointName: endpoint.name });

/** Where a bulk replay can go: one endpoint's destinations, or every endpoint's. */
export async function listReplayDestinations(endpointId: string | undefined) {
  const rows = await getDb().destination.findMany({
    where: endpointId === undefined ? {} : { endpointId },
    select: replayTargetView,
    orderBy: [{ endpoint: { name: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    take: REPLAY_DESTINATIONS_SHOWN,
  });
  return rows.map(withEndpointName);
}

/** A replay's destination, or null once it was removed. */
export async function findReplayDestination(id: string) {
  const row = await getDb().destination.findUnique({ where: { id }, select: replayTargetView });
  return row && withEndpointName(row);
}
