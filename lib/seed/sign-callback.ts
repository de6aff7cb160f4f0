// Request headers for a seeded callback, signed the way the endpoint's provider signs
// (lib/verify's own signers), or deliberately wrong so the inbox has failed
// verifications to show: a secret the endpoint does not know, or a Standard Webhooks
// timestamp outside the tolerance (a replayed old message).
import { randomBytes, randomUUID } from "node:crypto";
import type { HeaderList } from "@/lib/http/header-list";
import { signHmac } from "@/lib/verify/hmac";
import { signStandardWebhooks } from "@/lib/verify/standard-webhooks";
import type { SeedEndpoint } from "./seed-endpoints";

export type SignatureFault = "wrong-secret" | "expired-timestamp";

export type SignOptions = {
  at: Date;
  /** The sender's message id (svix-id / webhook-id); the same across its retries. */
  messageId: string;
  fault?: SignatureFault;
  contentType?: string;
};

const USER_AGENTS: Record<SeedEndpoint["provider"], string> = {
  aspect: "Svix-Webhooks/1.62.0",
  "standard-webhooks": "render-farm-notifier/3.4",
  scriptix: "Scriptix-Webhooks/2.0",
  json2video: "JSON2Video-Webhook/1.0",
  descript: "Descript-Callbacks/1.0",
  clipzy: "python-requests/2.32.3",
  generic: "curl/8.5.0",
};

/** What signing needs to know of an endpoint: the preset, its scheme and its secrets. */
export type SigningEndpoint = Pick<SeedEndpoint, "provider" | "verification" | "secrets">;

/** A sender's message id (svix-id / webhook-id), as Svix writes them. */
export const newMessageId = () => `msg_${randomUUID().replaceAll("-", "").slice(0, 26)}`;

/** Headers in the order a sender's HTTP client writes them, signature headers included. */
export function callbackHeaders(
  endpoint: SigningEndpoint,
  body: Uint8Array,
  options: SignOptions,
): HeaderList {
  return [
    ["Host", "hooks.inbox.example.com"],
    ["User-Agent", USER_AGENTS[endpoint.provider]],
    ["Content-Type", options.contentType ?? "application/json"],
    ["Content-Length", String(body.byteLength)],
    ...signatureHeaders(endpoint, body, options),
    ["Accept-Encoding", "gzip"],
  ];
}

function signatureHeaders(
  endpoint: SigningEndpoint,
  body: Uint8Array,
  options: SignOptions,
): Array<[string, string]> {
  const config = endpoint.verification;
  const secret = options.fault === "wrong-secret" ? undefined : endpoint.secrets[0];
  switch (config.scheme) {
    case "standard-webhooks": {
      const key = secret ?? `whsec_${randomBytes(32).toString("base64")}`;
      const seconds =
        Math.floor(options.at.getTime() / 1000) -
        (options.fault === "expired-timestamp" ? 3_600 : 0);
      const prefix = endpoint.provider === "aspect" ? "svix" : "webhook";
      return [
        [`${prefix}-id`, options.messageId],
        [`${prefix}-timestamp`, String(seconds)],
        [`${prefix}-signature`, signStandardWebhooks(key, options.messageId, seconds, body)],
      ];
    }
    case "hmac":
      return [
        [config.header, signHmac(config, secret ?? randomBytes(18).toString("base64url"), body)],
      ];
    case "token": {
      // With no token configured the provider sends none (the delivery is unsigned).
      if (endpoint.secrets.length === 0) return [];
      const token = secret ?? randomBytes(18).toString("base64url");
      return [[config.header, config.header === "authorization" ? `Bearer ${token}` : token]];
    }
    case "none":
      return [];
  }
}
