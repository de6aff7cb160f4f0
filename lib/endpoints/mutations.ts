// Writes of endpoints. Caches in every process learn of changes from the database
// trigger (NOTIFY inbox_endpoint_changed), not from this module.
import { changedFields } from "@/lib/audit/changed-fields";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { getDb, Prisma } from "@/lib/db/client";
import { newEndpointKey, newId } from "@/lib/ids/new-id";
import { AppError, notFound } from "@/lib/http/app-error";
import { forgetCachedEndpoint } from "@/lib/endpoints/endpoint-cache";
import { getPreset } from "@/lib/providers/registry";
import { storedOfSetting } from "@/lib/retention/policy";
import { openSecrets, sealSecrets } from "@/lib/secrets/secret-box";
import { providerIdSchema, type ProviderId } from "@/lib/providers/schema";
import { MAX_SECRETS, verificationConfigSchema } from "@/lib/verify/schema";
import {
  checkSecretsFitScheme,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_RATE_LIMIT_PER_SECOND,
  type CreateEndpointInput,
  type UpdateEndpointInput,
} from "./schema";
import { endpointView, getEndpoint, withSecretCount } from "./data";

function checkExtractionAllowed(provider: ProviderId, extraction: unknown): void {
  if (extraction != null && !getPreset(provider).isConfigurable) {
    throw new AppError(
      "validation_failed",
      `extraction: the ${provider} preset reads its payloads itself; extraction applies to standard-webhooks and generic endpoints`,
    );
  }
}

export async function createEndpoint(input: CreateEndpointInput, actor: AuditActor) {
  const preset = getPreset(input.provider);
  const verification = input.verification ?? preset.defaultVerification;
  const secrets = input.secrets ?? [];
  checkSecretsFitScheme(verification, secrets);
  checkExtractionAllowed(input.provider, input.extraction);
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.endpoint.create({
      data: {
        id: newId("ep"),
        key: newEndpointKey(),
        name: input.name,
        provider: input.provider,
        verification,
        extraction: input.extraction ?? Prisma.DbNull,
        secrets: sealSecrets(secrets),
        bodyLimitBytes: input.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
        rateLimitPerSecond:
          input.rateLimitPerSecond === undefined
            ? DEFAULT_RATE_LIMIT_PER_SECOND
            : input.rateLimitPerSecond,
        overdueAfterMinutes: input.overdueAfterMinutes ?? null,
        // null is "keep forever", so not `?? "default"`.
        retentionDays: storedOfSetting(
          input.retentionDays === undefined ? "default" : input.retentionDays,
        ),
      },
      select: { ...endpointView, secrets: true },
    });
    const details = {
      name: input.name,
      provider: input.provider,
      verificationScheme: verification.scheme,
      secretCount: secrets.length,
    };
    await recordAudit(
      { actor, action: "endpoint.created", target: { type: "endpoint", id: created.id }, details },
      tx,
    );
    return created;
  });
  return withSecretCount(row);
}

export async function updateEndpoint(id: string, input: UpdateEndpointInput, actor: AuditActor) {
  const updated = await getDb().$transaction(async (tx) => {
    // Row lock: two PATCHes at once cannot pair a scheme with the other's secrets.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM endpoints WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) throw notFound("endpoint");
    const current = await tx.endpoint.findUniqueOrThrow({
      where: { id },
      select: { provider: true, verification: true, secrets: true },
    });
    const verification = input.verification ?? verificationConfigSchema.parse(current.verification);
    const secrets = input.secrets ?? openSecrets(current.secrets);
    if (input.verification || input.secrets) checkSecretsFitScheme(verification, secrets);
    checkExtractionAllowed(providerIdSchema.parse(current.provider), input.extraction);
    const row = await tx.endpoint.update({
      where: { id },
      data: {
        name: input.name,
        verification: input.verification,
        secrets: input.secrets && sealSecrets(input.secrets),
        extraction: input.extraction === null ? Prisma.DbNull : input.extraction,
        bodyLimitBytes: input.bodyLimitBytes,
        rateLimitPerSecond: input.rateLimitPerSecond,
        overdueAfterMinutes: input.overdueAfterMinutes,
        retentionDays:
          input.retentionDays === undefined ? undefined : storedOfSetting(input.retentionDays),
      },
      select: { ...endpointView, secrets: true },
    });
    await recordAudit(
      {
        actor,
        action: "endpoint.updated",
        target: { type: "endpoint", id },
        details: updateDetails(input, current.verification),
      },
      tx,
    );
    return withSecretCount(row);
  });
  forgetCachedEndpoint(updated.key);
  return updated;
}

/** Which fields changed; a change of verification scheme is named with both schemes. */
function updateDetails(input: UpdateEndpointInput, storedVerification: Prisma.JsonValue) {
  const before = verificationConfigSchema.parse(storedVerification).scheme;
  const after = input.verification?.scheme;
  return {
    fields: changedFields(input),
    ...(after !== undefined && after !== before
      ? { verificationScheme: `${before} -> ${after}` }
      : {}),
    ...(input.secrets ? { secretCount: input.secrets.length } : {}),
  };
}

/** Archiving keeps every stored delivery; the ingest URL then answers 410 Gone. Idempotent. */
export async function archiveEndpoint(id: string, actor: AuditActor) {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.endpoint.updateMany({
      where: { id, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    // Archiving again changes nothing, so it records nothing.
    if (count > 0)
      await recordAudit(
        { actor, action: "endpoint.archived", target: { type: "endpoint", id } },
        tx,
      );
  });
  const endpoint = await getEndpoint(id);
  forgetCachedEndpoint(endpoint.key);
  return endpoint;
}

/**
 * Changes the secret list with `change` (add one, remove one) under a row lock, so a
 * rotation in two tabs cannot drop a secret. Only the count is returned.
 */
export async function changeEndpointSecrets(
  id: string,
  change: (current: readonly string[]) => string[],
  actor: AuditActor,
) {
  const updated = await getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM endpoints WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) throw notFound("endpoint");
    const current = await tx.endpoint.findUniqueOrThrow({
      where: { id },
      select: { verification: true, secrets: true },
    });
    const secrets = change(openSecrets(current.secrets));
    if (secrets.length > MAX_SECRETS)
      throw new AppError(
        "validation_failed",
        `an endpoint keeps at most ${MAX_SECRETS} secrets; remove an old one first`,
      );
    checkSecretsFitScheme(verificationConfigSchema.parse(current.verification), secrets);
    const row = await tx.endpoint.update({
      where: { id },
      data: { secrets: sealSecrets(secrets) },
      select: { ...endpointView, secrets: true },
    });
    const [before, after] = [current.secrets.length, secrets.length];
    if (after !== before) {
      const action = after > before ? "endpoint.secret_added" : "endpoint.secret_removed";
      await recordAudit(
        { actor, action, target: { type: "endpoint", id }, details: { secretCount: after } },
        tx,
      );
    }
    return withSecretCount(row);
  });
  forgetCachedEndpoint(updated.key);
  return updated;
}
