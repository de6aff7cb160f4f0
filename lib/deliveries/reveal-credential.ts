// Revealing a stored credential header value: an admin action (the caller checks the
// role) that is written to the audit log, naming the delivery and the header, never
// the value. Everyone else sees the masked value only.
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { toHeaderList } from "@/lib/http/header-list";
import { notFound } from "@/lib/http/app-error";
import { currentRawRequest } from "@/lib/http/request-context";
import { getDeliveryHeaders } from "./data";
import { isStoredCredential, openStoredValue } from "./sealed-headers";

/** Every value of the credential header `name` (case-insensitive) in arrival order; 404 when it has none. */
export async function revealCredentialHeader(
  deliveryId: string,
  name: string,
  actor: AuditActor,
): Promise<string[]> {
  const wanted = name.toLowerCase();
  const entries = toHeaderList(await getDeliveryHeaders(deliveryId)).filter(
    ([n, value]) => n.toLowerCase() === wanted && isStoredCredential(n, value),
  );
  if (entries.length === 0) throw notFound("credential header");
  const values = entries.map(([, value]) => openStoredValue(value));
  await recordAudit({
    actor,
    action: "credential.revealed",
    target: { type: "delivery", id: deliveryId },
    details: { header: entries[0]?.[0] ?? name },
    sourceIp: currentRawRequest()?.remoteAddress ?? null,
  });
  return values;
}
