// Feeds a seeded callback through the ingest path's own steps (verify the raw bytes,
// read the payload with the endpoint's preset, one atomic write), in process, so the
// seed can date a callback in the past: over HTTP every delivery would be "now".
// The steps and their order are those of lib/ingest/receive-callback.ts, minus the
// HTTP parts (endpoint cache, body cap, request description).
import { createHash } from "node:crypto";
import type { HeaderList } from "@/lib/http/header-list";
import { newId } from "@/lib/ids/new-id";
import { storeDelivery, type StoredDelivery } from "@/lib/ingest/mutations";
import { parsePayload } from "@/lib/ingest/payload";
import { getPreset } from "@/lib/providers/registry";
import type { VerificationOutcome } from "@/lib/verify/types";
import { verifyDelivery } from "@/lib/verify/verify-delivery";
import type { SeedEndpoint } from "./seed-endpoints";

export type SeedCallback = {
  receivedAt: Date;
  headers: HeaderList;
  body: Buffer;
  sourceIp: string;
};

export type IngestedCallback = StoredDelivery & { verification: VerificationOutcome };

export async function ingestInProcess(endpoint: SeedEndpoint, callback: SeedCallback): Promise<IngestedCallback> {
  const { receivedAt, headers, body } = callback;
  const verification = verifyDelivery({
    config: endpoint.verification,
    secrets: endpoint.secrets,
    headers,
    body,
    now: receivedAt.getTime(),
  });
  const payload = parsePayload(body);
  const facts = getPreset(endpoint.provider).extract({ payload: payload.value, headers, config: endpoint.extraction });
  const bodySha256 = createHash("sha256").update(body).digest("hex");
  const stored = await storeDelivery({
    deliveryId: newId("dlv"),
    eventId: newId("evt"),
    jobId: newId("job"),
    endpointId: endpoint.id,
    provider: endpoint.provider,
    receivedAt,
    method: "POST",
    path: "",
    query: "",
    headers,
    body,
    bodySha256,
    sourceIp: callback.sourceIp,
    verification: verification.outcome,
    verificationReason: verification.reason,
    responseStatus: verification.outcome === "failed" ? 401 : 200,
    dedupeKey: facts.dedupeKey ?? `sha256:${bodySha256}`,
    payloadJson: payload.jsonText,
    facts,
  });
  return { ...stored, verification: verification.outcome };
}
