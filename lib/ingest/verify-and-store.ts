// The heart of ingest once the request is read: verify the raw bytes, read the payload
// with the endpoint's preset, and write delivery + event + job in one statement. The
// HTTP route (receive-callback.ts) and the seed (which dates callbacks in the past)
// both go through here, so seeded data is what real callbacks would have produced.
import { createHash } from "node:crypto";
import type { IngestEndpoint } from "@/lib/endpoints/types";
import type { HeaderList } from "@/lib/http/header-list";
import { newId } from "@/lib/ids/new-id";
import { getPreset } from "@/lib/providers/registry";
import type { VerificationOutcome } from "@/lib/verify/types";
import { verifyDelivery } from "@/lib/verify/verify-delivery";
import { storeDelivery, type StoredDelivery } from "./mutations";
import { parsePayload } from "./payload";

export type ArrivedCallback = {
  receivedAt: Date;
  method: string;
  /** The sub-path after /in/<key> ("" when none). */
  path: string;
  query: string;
  headers: HeaderList;
  body: Buffer;
  sourceIp: string | null;
};

export type StoredCallback = StoredDelivery & {
  endpointId: string;
  provider: string;
  /** This callback created its event (not a repeat of a known one) and its job. */
  eventCreated: boolean;
  jobCreated: boolean;
  /** What the sender is answered: 401 for a failed verification (still stored, as evidence). */
  status: 200 | 401;
  verification: VerificationOutcome;
  reason: string | null;
};

/**
 * `limited`: count the callback against the endpoint's rate limit (429 past it). The
 * seed, which dates thousands of callbacks in the past at once, does not.
 */
export async function verifyAndStore(
  endpoint: IngestEndpoint,
  callback: ArrivedCallback,
  { limited }: { limited: boolean },
): Promise<StoredCallback> {
  const { receivedAt, headers, body } = callback;
  const verification = verifyDelivery({
    config: endpoint.verification,
    secrets: endpoint.secrets,
    headers,
    body,
    now: receivedAt.getTime(),
  });
  const payload = parsePayload(body);
  const facts = getPreset(endpoint.provider).extract({
    payload: payload.value,
    headers,
    config: endpoint.extraction,
  });
  const bodySha256 = createHash("sha256").update(body).digest("hex");
  const status = verification.outcome === "failed" ? 401 : 200;
  const eventId = newId("evt");
  const jobId = newId("job");
  const stored = await storeDelivery({
    deliveryId: newId("dlv"),
    eventId,
    jobId,
    endpointId: endpoint.id,
    provider: endpoint.provider,
    ...callback,
    tokenHeader: endpoint.verification.scheme === "token" ? endpoint.verification.header : null,
    bodySha256,
    verification: verification.outcome,
    verificationReason: verification.reason,
    responseStatus: status,
    // Where the preset has no key (no svix-id, no job id), identical bodies are one event.
    dedupeKey: facts.dedupeKey ?? `sha256:${bodySha256}`,
    payloadJson: payload.jsonText,
    facts,
    rateLimitPerSecond: limited ? endpoint.rateLimitPerSecond : null,
  });
  return {
    ...stored,
    endpointId: endpoint.id,
    provider: endpoint.provider,
    // The statement answers the ids it used: ours when it inserted, the existing row's otherwise.
    eventCreated: stored.eventId === eventId,
    jobCreated: stored.jobId === jobId,
    status,
    verification: verification.outcome,
    reason: verification.reason,
  };
}
