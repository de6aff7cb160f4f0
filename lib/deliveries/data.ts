import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";

/** The exact stored bytes of one delivery. */
export async function getDeliveryBody(id: string): Promise<{ id: string; body: Uint8Array }> {
  const row = await getDb().delivery.findUnique({ where: { id }, select: { id: true, body: true } });
  if (!row) throw notFound("delivery");
  return row;
}

/** What a sender's answer does not say: the event a delivery joined and why it verified or not. */
export async function getDeliveryOutcome(id: string): Promise<{ eventId: string; verification: string; verificationReason: string | null } | null> {
  return getDb().delivery.findUnique({ where: { id }, select: { eventId: true, verification: true, verificationReason: true } });
}
