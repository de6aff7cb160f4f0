// Writes of destinations; ownership (the endpoint in the path) is part of every where.
import { changedFields } from "@/lib/audit/changed-fields";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import { openOptionalSecret, sealOptionalSecret } from "@/lib/secrets/secret-box";
import { isStandardWebhooksSecret } from "@/lib/verify/standard-webhooks";
import type { CreateDestinationInput, ResignMode, UpdateDestinationInput } from "./schema";

export async function createDestination(endpointId: string, input: CreateDestinationInput, actor: AuditActor) {
  requireSigningSecret(input.resign, input.signingSecret ?? null);
  const endpoint = await getDb().endpoint.findUnique({ where: { id: endpointId }, select: { id: true } });
  if (!endpoint) throw notFound("endpoint");
  return getDb().$transaction(async (tx) => {
    const row = await tx.destination.create({
      data: { id: newId("dst"), endpointId, url: input.url, enabled: input.enabled, signingSecret: sealOptionalSecret(input.signingSecret ?? null) ?? null, resign: input.resign, forward: input.forward },
    });
    // The origin only: a receiver's path or query may carry a token of its own.
    const details = { endpointId, origin: new URL(input.url).origin, forward: input.forward, resign: input.resign, hasSigningSecret: input.signingSecret != null };
    await recordAudit({ actor, action: "destination.created", target: { type: "destination", id: row.id }, details }, tx);
    return row;
  });
}

export async function updateDestination(endpointId: string, id: string, input: UpdateDestinationInput, actor: AuditActor) {
  const current = await getDb().destination.findFirst({ where: { id, endpointId }, select: { resign: true, signingSecret: true } });
  if (!current) throw notFound("destination");
  requireSigningSecret(input.resign ?? current.resign, input.signingSecret === undefined ? openOptionalSecret(current.signingSecret) : input.signingSecret);
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await tx.destination.update({
        where: { id, endpointId },
        data: {
          url: input.url,
          enabled: input.enabled,
          signingSecret: sealOptionalSecret(input.signingSecret),
          resign: input.resign,
          forward: input.forward,
          // Turning a destination back on (after a 410) clears why it stopped.
          ...(input.enabled === true ? { disabledReason: null } : {}),
        },
      });
      await recordAudit({ actor, action: "destination.updated", target: { type: "destination", id }, details: { endpointId, fields: changedFields(input) } }, tx);
      return row;
    });
  } catch (error) {
    // Deleted between the read above and this write (Prisma's "record not found").
    if ((error as { code?: unknown }).code === "P2025") throw notFound("destination");
    throw error;
  }
}

export async function deleteDestination(endpointId: string, id: string, actor: AuditActor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.destination.deleteMany({ where: { id, endpointId } });
    if (count === 0) throw notFound("destination");
    await recordAudit({ actor, action: "destination.deleted", target: { type: "destination", id }, details: { endpointId } }, tx);
  });
}

/** A receiver answered 410 Gone: stop forwarding there until someone turns it back on (run with the attempt's record). */
/**
 * Standard Webhooks re-signing needs a whsec_ secret; a provider-scheme re-sign any
 * secret. A mode without a secret would silently send unsigned requests.
 */
function requireSigningSecret(resign: string, secret: string | null): void {
  const mode = resign as ResignMode;
  if (mode === "none") return;
  if (secret === null) throw new AppError("validation_failed", `signingSecret: required when resign is "${mode}"`);
  if (mode === "standard-webhooks" && !isStandardWebhooksSecret(secret)) {
    throw new AppError("validation_failed", "signingSecret: a Standard Webhooks secret is whsec_ followed by base64 of 24 to 64 bytes");
  }
}
