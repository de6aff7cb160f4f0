// Writes of destinations; ownership (the endpoint in the path) is part of every where.
import { changedFields } from "@/lib/audit/changed-fields";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import { originOf, rebindingReason } from "@/lib/outbound/secret-binding";
import { openOptionalSecret, sealOptionalSecret } from "@/lib/secrets/secret-box";
import { isStandardWebhooksSecret } from "@/lib/verify/standard-webhooks";
import type { CreateDestinationInput, ResignMode, UpdateDestinationInput } from "./schema";

export async function createDestination(
  endpointId: string,
  input: CreateDestinationInput,
  actor: AuditActor,
) {
  requireSigningSecret(input.resign, input.signingSecret ?? null);
  const endpoint = await getDb().endpoint.findUnique({
    where: { id: endpointId },
    select: { id: true },
  });
  if (!endpoint) throw notFound("endpoint");
  return getDb().$transaction(async (tx) => {
    const row = await tx.destination.create({
      data: {
        id: newId("dst"),
        endpointId,
        url: input.url,
        enabled: input.enabled,
        signingSecret: sealOptionalSecret(input.signingSecret ?? null) ?? null,
        resign: input.resign,
        forward: input.forward,
      },
    });
    // The origin only: a receiver's path or query may carry a token of its own.
    const details = {
      endpointId,
      origin: new URL(input.url).origin,
      forward: input.forward,
      resign: input.resign,
      hasSigningSecret: input.signingSecret != null,
    };
    await recordAudit(
      {
        actor,
        action: "destination.created",
        target: { type: "destination", id: row.id },
        details,
      },
      tx,
    );
    return row;
  });
}

/**
 * The signing secret stays bound to the origin it was entered for: a URL on another
 * origin keeps a stored secret only when it is entered again (or removed with null).
 */
export async function updateDestination(
  endpointId: string,
  id: string,
  input: UpdateDestinationInput,
  actor: AuditActor,
) {
  return getDb().$transaction(async (tx) => {
    // Row lock: the checks and the write see the same URL and secret, so a URL change
    // cannot pass against a secret another PATCH is replacing.
    const [current] = await tx.$queryRaw<
      Array<{ url: string; resign: string; signing_secret: string | null }>
    >`
      SELECT url, resign, signing_secret FROM destinations WHERE id = ${id} AND endpoint_id = ${endpointId} FOR UPDATE`;
    if (!current) throw notFound("destination");
    if (
      input.url !== undefined &&
      input.signingSecret === undefined &&
      current.signing_secret !== null
    ) {
      const reason = rebindingReason(
        { name: "signing secret", use: "sign requests to" },
        { origin: originOf(current.url) },
        { origin: originOf(input.url) },
      );
      if (reason !== null)
        throw new AppError(
          "validation_failed",
          `signingSecret: ${reason} (or remove it with signingSecret: null)`,
        );
    }
    requireSigningSecret(
      input.resign ?? current.resign,
      input.signingSecret === undefined
        ? openOptionalSecret(current.signing_secret)
        : input.signingSecret,
    );
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
    await recordAudit(
      {
        actor,
        action: "destination.updated",
        target: { type: "destination", id },
        details: { endpointId, fields: changedFields(input) },
      },
      tx,
    );
    return row;
  });
}

export async function deleteDestination(
  endpointId: string,
  id: string,
  actor: AuditActor,
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.destination.deleteMany({ where: { id, endpointId } });
    if (count === 0) throw notFound("destination");
    await recordAudit(
      {
        actor,
        action: "destination.deleted",
        target: { type: "destination", id },
        details: { endpointId },
      },
      tx,
    );
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
  if (secret === null)
    throw new AppError("validation_failed", `signingSecret: required when resign is "${mode}"`);
  if (mode === "standard-webhooks" && !isStandardWebhooksSecret(secret)) {
    throw new AppError(
      "validation_failed",
      "signingSecret: a Standard Webhooks secret is whsec_ followed by base64 of 24 to 64 bytes",
    );
  }
}
