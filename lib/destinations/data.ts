// Reads of destinations. The secret is selected here so that the serializer can say
// whether one is set and the sender can sign; serializeDestination drops its value.
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";

export async function listDestinations(endpointId: string) {
  const endpoint = await getDb().endpoint.findUnique({ where: { id: endpointId }, select: { id: true } });
  if (!endpoint) throw notFound("endpoint");
  return getDb().destination.findMany({ where: { endpointId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export async function getDestination(id: string) {
  const row = await getDb().destination.findUnique({ where: { id } });
  if (!row) throw notFound("destination");
  return row;
}
