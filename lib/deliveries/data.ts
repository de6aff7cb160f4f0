import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";

/** The exact stored bytes of one delivery. */
export async function getDeliveryBody(id: string): Promise<{ id: string; body: Uint8Array }> {
  const row = await getDb().delivery.findUnique({ where: { id }, select: { id: true, body: true } });
  if (!row) throw notFound("delivery");
  return row;
}
