// The ready-to-run curl command shown on an endpoint without events: the preset's
// sample body, with the headers its scheme needs. Secrets are never in the page, so
// signatures are computed in the shell from a secret the person pastes (HMAC), or
// explained (Standard Webhooks, whose signature covers an id and a fresh timestamp).
import { sampleBody } from "@/lib/endpoints/sample-callbacks";
import type { ProviderId } from "@/lib/providers/schema";
import type { VerificationConfig } from "@/lib/verify/schema";

/** POSIX shell single-quoting: safe for any text. */
export const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export type CurlExample = { command: string; note: string };

export function curlExample(
  endpoint: { provider: ProviderId; verification: VerificationConfig; secretCount: number },
  ingestUrl: string,
): CurlExample {
  // One line keeps the command short; the signature covers whatever bytes $BODY holds.
  const body = JSON.stringify(
    JSON.parse(sampleBody(endpoint.provider, new Date("2025-01-01T12:00:00Z"))),
  );
  const lines = [`BODY=${shellQuote(body)}`];
  const curl = [`curl -i -X POST ${shellQuote(ingestUrl)}`, `-H 'content-type: application/json'`];
  let note: string;
  const config = endpoint.verification;
  switch (config.scheme) {
    case "standard-webhooks": {
      lines.push(
        `SECRET='whsec_...'   # your endpoint's signing secret`,
        `ID="msg_$(date +%s%N)"; TS=$(date +%s)`,
        `KEY=$(printf '%s' "\${SECRET#whsec_}" | openssl base64 -d -A | od -An -tx1 | tr -d ' \\n')`,
        `SIG=$(printf '%s' "$ID.$TS.$BODY" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$KEY" -binary | openssl base64 -A)`,
      );
      curl.push(
        `-H "webhook-id: $ID"`,
        `-H "webhook-timestamp: $TS"`,
        `-H "webhook-signature: v1,$SIG"`,
      );
      note =
        "The signature is HMAC-SHA256 over id.timestamp.body with the base64 key after whsec_; timestamps older than the tolerance fail. Without a valid signature the callback is still stored, as failed, and answered 401.";
      break;
    }
    case "hmac": {
      const digest =
        config.encoding === "hex" ? `-r | cut -d' ' -f1` : `-binary | openssl base64 -A`;
      lines.push(`SECRET='...'   # your endpoint's signing secret`);
      curl.push(
        `-H "${config.header}: ${config.prefix}$(printf '%s' "$BODY" | openssl dgst -${config.algorithm} -hmac "$SECRET" ${digest})"`,
      );
      note = `The ${config.header} header carries the HMAC-${config.algorithm.toUpperCase()} of the exact body bytes; a wrong secret stores the callback as failed and answers 401.`;
      break;
    }
    case "token": {
      if (endpoint.secretCount > 0) {
        lines.push(`TOKEN='...'   # the token you set on this endpoint`);
        curl.push(
          config.header === "authorization"
            ? `-H "authorization: Bearer $TOKEN"`
            : `-H "${config.header}: $TOKEN"`,
        );
        note = `Callbacks must carry the token in the ${config.header} header; without it they are stored as failed and answered 401.`;
      } else {
        note = `No token is set, so any callback is accepted and stored as unsigned. Set a token to require the ${config.header} header.`;
      }
      break;
    }
    case "none":
      note = "This scheme checks no signature: the callback is stored as unsigned.";
      break;
  }
  curl.push(`--data-binary "$BODY"`);
  return { command: [...lines, curl.join(" \\\n  ")].join("\n"), note };
}
