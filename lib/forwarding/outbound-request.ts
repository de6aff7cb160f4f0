// What we send for an event: the stored body byte for byte with its original method
// and content type; the original headers minus hop-by-hop, framing and credential
// headers; headers naming the inbox event and delivery and saying whether its
// signature checked out; and, if asked, a fresh signature (Standard Webhooks with a
// new timestamp and the same message id, or the provider's own HMAC scheme) in place
// of the original one, never for a delivery that failed verification.
import { firstHeader, type HeaderList } from "@/lib/http/header-list";
import { withInboxIds, withoutHopHeaders } from "@/lib/http/hop-headers";
import { AppError } from "@/lib/http/app-error";
import { isStoredCredential } from "@/lib/deliveries/sealed-headers";
import type { ResignMode } from "@/lib/destinations/schema";
import type { VerificationConfig } from "@/lib/verify/schema";
import { signHmac } from "@/lib/verify/hmac";
import { signStandardWebhooks } from "@/lib/verify/standard-webhooks";
import type { VerificationOutcome } from "@/lib/verify/types";
import { notVerified } from "./resign-policy";

const STANDARD_WEBHOOKS_NAMES = {
  id: "webhook-id",
  timestamp: "webhook-timestamp",
  signature: "webhook-signature",
};
const SVIX_NAMES = { id: "svix-id", timestamp: "svix-timestamp", signature: "svix-signature" };
const SIGNATURE_HEADERS = new Set([
  ...Object.values(STANDARD_WEBHOOKS_NAMES),
  ...Object.values(SVIX_NAMES),
]);

export type ForwardSource = {
  eventId: string;
  /** pollId: the delivery was synthesized from that poll (a missed callback); verification: its own outcome. */
  delivery: {
    id: string;
    method: string;
    headers: HeaderList;
    body: Buffer;
    pollId: string | null;
    verification: VerificationOutcome;
  };
  endpoint: { verification: VerificationConfig; secrets: string[] };
};

export type Signing = { mode: ResignMode; secret: string | null };

export function buildForwardHeaders(
  source: ForwardSource,
  signing: Signing,
  now: Date,
): Array<[string, string]> {
  const { delivery, endpoint } = source;
  const resigning = signing.mode !== "none";
  // The last guard: whatever the caller decided, a forged body never gets our signature.
  if (resigning && delivery.verification === "failed") throw notVerified();
  const providerHeader =
    endpoint.verification.scheme === "hmac" ? endpoint.verification.header : null;
  const headers = withInboxIds(
    withoutHopHeaders(delivery.headers).filter(([name, value]) => {
      const lower = name.toLowerCase();
      if (isStoredCredential(name, value)) return false;
      return !(resigning && (SIGNATURE_HEADERS.has(lower) || lower === providerHeader));
    }),
    { eventId: source.eventId, deliveryId: delivery.id },
  );
  // Our own X-Inbox-* names are never taken from stored headers (a sender could forge
  // them), so the signature check's outcome and a synthesized delivery are announced
  // here, from the database's word.
  headers.push(["X-Inbox-Verification", delivery.verification]);
  if (delivery.pollId)
    headers.push(["X-Inbox-Synthesized-From", "poll"], ["X-Inbox-Poll-Id", delivery.pollId]);
  if (resigning) headers.push(...signatureHeaders(source, signing, now));
  return headers;
}

function signatureHeaders(
  source: ForwardSource,
  signing: Signing,
  now: Date,
): Array<[string, string]> {
  const { delivery, endpoint } = source;
  const scheme = signing.mode === "provider" ? endpoint.verification.scheme : "standard-webhooks";
  const secret =
    signing.secret ??
    (signing.mode === "provider" || endpoint.verification.scheme === "standard-webhooks"
      ? (endpoint.secrets[0] ?? null)
      : null);
  if (secret === null)
    throw new AppError(
      "validation_failed",
      "resign: no signing secret (set one on the destination)",
    );
  if (scheme === "hmac" && endpoint.verification.scheme === "hmac") {
    return [[endpoint.verification.header, signHmac(endpoint.verification, secret, delivery.body)]];
  }
  if (scheme !== "standard-webhooks") {
    throw new AppError(
      "validation_failed",
      `resign: the endpoint's scheme (${endpoint.verification.scheme}) has no signature to re-create`,
    );
  }
  // The receiver verifies with the header family the provider used (svix-* or webhook-*).
  const usesSvix =
    firstHeader(delivery.headers, "svix-id") !== null &&
    firstHeader(delivery.headers, "webhook-id") === null;
  const names = usesSvix ? SVIX_NAMES : STANDARD_WEBHOOKS_NAMES;
  const messageId = firstHeader(delivery.headers, names.id) ?? source.eventId;
  const timestamp = Math.floor(now.getTime() / 1000);
  let signature: string;
  try {
    signature = signStandardWebhooks(secret, messageId, timestamp, delivery.body);
  } catch {
    throw new AppError(
      "validation_failed",
      "resign: the signing secret is not a Standard Webhooks secret (whsec_...)",
    );
  }
  return [
    [names.id, messageId],
    [names.timestamp, String(timestamp)],
    [names.signature, signature],
  ];
}
