// "Send a test callback": the preset's documented sample payload, signed with the
// endpoint's newest secret the way the provider signs, handed to the ingest path in
// this process (lib/ingest/receive-callback.ts). It takes the steps a real callback
// takes (body cap, verification, storage, job state, live Inbox, forwarding), which
// is the point: "verified" here means the secret and scheme are set up right.
import { toAppError } from "@/lib/http/error-response";
import { findOpenEndpoint, receiveOwnCallback } from "./receive-callback";
import { getEndpoint } from "@/lib/endpoints/data";
import { buildTestCallback } from "@/lib/endpoints/sample-callbacks";

export type TestCallbackResult = {
  status: number;
  deliveryId: string | null;
  eventId: string | null;
  verification: string | null;
  reason: string | null;
  /** The error message of a non-2xx answer other than a failed signature. */
  error: string | null;
};

export async function sendTestCallback(endpointId: string): Promise<TestCallbackResult> {
  const { key } = await getEndpoint(endpointId);
  // Archived (in another tab, say): nothing to test, so the error is thrown for the page to show.
  const endpoint = await findOpenEndpoint(key);
  const request = buildTestCallback(endpoint, endpoint.secrets[0]);
  try {
    const stored = await receiveOwnCallback(endpoint, {
      headers: Object.entries(request.headers),
      body: Buffer.from(request.body, "utf8"),
    });
    return {
      status: stored.status,
      deliveryId: stored.deliveryId,
      eventId: stored.eventId,
      verification: stored.verification,
      reason: stored.reason,
      error: null,
    };
  } catch (error) {
    // Refused as the ingest URL would refuse a provider (413, 503): that answer is the result.
    const refusal = toAppError(error);
    return {
      status: refusal.status,
      deliveryId: null,
      eventId: null,
      verification: null,
      reason: null,
      error: refusal.message,
    };
  }
}
