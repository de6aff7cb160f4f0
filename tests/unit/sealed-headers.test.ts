// Credential header values of a delivery: sealed at ingest (names and order kept),
// shown masked, resealed under a new key, and plain rows from before sealing sealed.
import { describe, expect, it } from "vitest";
import {
  maskStoredHeaders,
  PLAIN_CREDENTIALS,
  resealCredentialHeaders,
  sealCredentialHeaders,
} from "@/lib/deliveries/sealed-headers";
import { currentKeyId, isSealed, openSecret, sealSecret } from "@/lib/secrets/secret-box";
import { KEY_A, KEY_B, startEachTestWithKeyA, useKeys } from "@/tests/support/secret-keys";

startEachTestWithKeyA();

const TOKEN = "j2v_0123456789abcdefghijklmnopWXYZ";
const arrived: Array<[string, string]> = [
  ["Content-Type", "application/json"],
  ["Authorization", `Bearer ${TOKEN}`],
  ["X-Hub-Signature-256", "sha256=abc"],
  ["X-Render-Auth", "render-token-value-0123456789"],
  ["X-Note", "hello"],
];

describe("sealCredentialHeaders", () => {
  it("seals credential values and the endpoint's token header, keeping names and order", () => {
    const stored = sealCredentialHeaders(arrived, "x-render-auth");
    expect(stored.headers.map(([name]) => name)).toEqual(arrived.map(([name]) => name));
    expect(JSON.stringify(stored.headers)).not.toContain(TOKEN.slice(4, 20));
    expect(JSON.stringify(stored.headers)).not.toContain("render-token-value");
    expect(stored.headers[0]).toEqual(["Content-Type", "application/json"]);
    expect(stored.headers[2]).toEqual(["X-Hub-Signature-256", "sha256=abc"]);
    expect(openSecret(stored.headers[1]?.[1] ?? "")).toBe(`Bearer ${TOKEN}`);
    expect(stored.credentialKey).toBe(currentKeyId());
  });

  it("seals nothing (and names no key) for a callback without credentials", () => {
    const plain: Array<[string, string]> = [
      ["Content-Type", "application/json"],
      ["webhook-signature", "v1,abc"],
    ];
    expect(sealCredentialHeaders(plain, null)).toEqual({ headers: plain, credentialKey: null });
  });

  it("seals a sender's sealed-looking value too, so every sealed value stored is ours", () => {
    const stored = sealCredentialHeaders([["X-Note", "sealed:v1:forged:aaa:bbb"]], null);
    expect(openSecret(stored.headers[0]?.[1] ?? "")).toBe("sealed:v1:forged:aaa:bbb");
  });
});

describe("maskStoredHeaders", () => {
  it("masks sealed and listed values, names them, and shows the rest as stored", () => {
    const stored = sealCredentialHeaders(arrived, "x-render-auth").headers;
    const shown = maskStoredHeaders([...stored, ["Cookie", "legacy-plain-cookie-value-1234"]]);
    expect(shown.headers).toEqual([
      ["Content-Type", "application/json"],
      ["Authorization", "Bearer ••••WXYZ"],
      ["X-Hub-Signature-256", "sha256=abc"],
      ["X-Render-Auth", "••••6789"],
      ["X-Note", "hello"],
      ["Cookie", "••••1234"],
    ]);
    expect(shown.maskedHeaders).toEqual(["authorization", "x-render-auth", "cookie"]);
  });

  it("shows a sealed value it cannot open as a full mask, never the sealed text", () => {
    useKeys(KEY_B);
    const foreign = sealSecret("Bearer 0123456789abcdefWXYZ");
    useKeys(KEY_A);
    expect(maskStoredHeaders([["Authorization", foreign]]).headers).toEqual([
      ["Authorization", "••••"],
    ]);
  });
});

describe("resealCredentialHeaders", () => {
  it("reseals values sealed with a previous key under the current one", () => {
    const old = sealCredentialHeaders(arrived, "x-render-auth");
    useKeys(KEY_B, KEY_A);
    const resealed = resealCredentialHeaders(old.headers, old.credentialKey ?? "");
    expect(resealed.credentialKey).toBe(currentKeyId());
    expect(resealed.credentialKey).not.toBe(old.credentialKey);
    expect(openSecret(resealed.headers[1]?.[1] ?? "")).toBe(`Bearer ${TOKEN}`);
    expect(openSecret(resealed.headers[3]?.[1] ?? "")).toBe("render-token-value-0123456789");
    expect(resealed.headers[4]).toEqual(["X-Note", "hello"]);
  });

  it("seals the listed values of a row stored in plain text before sealing existed", () => {
    const resealed = resealCredentialHeaders(arrived, PLAIN_CREDENTIALS);
    expect(isSealed(resealed.headers[1]?.[1] ?? "")).toBe(true);
    expect(resealed.headers[3]).toEqual(["X-Render-Auth", "render-token-value-0123456789"]);
    expect(resealed.credentialKey).toBe(currentKeyId());
    expect(
      resealCredentialHeaders([["Content-Type", "text/plain"]], PLAIN_CREDENTIALS).credentialKey,
    ).toBeNull();
  });
});
