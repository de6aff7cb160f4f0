// Signs callbacks the way each provider does. Written from the specs (DESIGN.md 7),
// not with lib/verify, so the tests' oracle is independent of the code under test;
// both signers reproduce the DESIGN.md 7.1 and 7.2 vectors.
import { createHmac, randomBytes, randomUUID } from "node:crypto";

type Body = string | Uint8Array;

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A secret as Svix and Standard Webhooks senders hand it out. */
export function newStandardWebhooksSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function newMessageId(): string {
  return `msg_${randomUUID().replaceAll("-", "")}`;
}

/** "v1,<base64 HMAC-SHA256 of id.timestamp.body>" with the base64 key after whsec_. */
export function standardWebhooksSignature(
  secret: string,
  id: string,
  timestamp: number,
  body: Body,
): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest("base64")}`;
}

type SignOptions = { id?: string; timestamp?: number };

/** svix-id / svix-timestamp / svix-signature, as Aspect (Svix) sends them. */
export function svixHeaders(
  secret: string,
  body: Body,
  options: SignOptions = {},
): Record<string, string> {
  const id = options.id ?? newMessageId();
  const timestamp = options.timestamp ?? nowSeconds();
  return {
    "svix-id": id,
    "svix-timestamp": String(timestamp),
    "svix-signature": standardWebhooksSignature(secret, id, timestamp, body),
  };
}

/** webhook-id / webhook-timestamp / webhook-signature, the Standard Webhooks names. */
export function standardWebhooksHeaders(
  secret: string,
  body: Body,
  options: SignOptions = {},
): Record<string, string> {
  const id = options.id ?? newMessageId();
  const timestamp = options.timestamp ?? nowSeconds();
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": standardWebhooksSignature(secret, id, timestamp, body),
  };
}

/** X-Scriptix-Signature: sha256=<hex HMAC-SHA256 of the raw body>. */
export function scriptixHeaders(secret: string, body: Body): Record<string, string> {
  return {
    "X-Scriptix-Signature": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
  };
}

/** A static shared token, as a JSON2Video dashboard connection or a Descript caller adds it. */
export function bearerHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
