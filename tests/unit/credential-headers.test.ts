import { describe, expect, it } from "vitest";
import { isCredentialHeader, maskCredential } from "@/lib/http/credential-headers";

describe("isCredentialHeader", () => {
  it.each([
    "Authorization",
    "authorization",
    "AUTHORIZATION",
    "Proxy-Authorization",
    "X-Authorization",
    "Cookie",
    "Set-Cookie",
    "Api-Key",
    "Apikey",
    "X-Api-Key",
    "x-api-key",
    "X-Goog-Api-Key",
    "X-Render-Api-Key",
    "X_Api_Key",
    "X-Functions-Key",
    "Ocp-Apim-Subscription-Key",
    "X-Access-Key",
    "X-Secret-Key",
    "X-Client-Key",
  ])("masks %s", (name) => {
    expect(isCredentialHeader(name)).toBe(true);
  });

  it.each([
    "X-Auth-Token",
    "x-access-token",
    "Token",
    "X-Amz-Security-Token",
    "X-Vault-Token",
    "Private-Token",
    "X-Csrf-Token",
    "X-Webhook-Secret",
    "client_secret",
    "X-Password",
    "X-Descript-Apikey",
  ])("masks names ending in token, secret, password or apikey: %s", (name) => {
    expect(isCredentialHeader(name)).toBe(true);
  });

  it.each([
    "webhook-signature",
    "svix-signature",
    "X-Hub-Signature-256",
    "X-Scriptix-Signature",
    "webhook-id",
    "svix-timestamp",
    "Content-Type",
    "User-Agent",
    "X-Token-Count",
    "x-secret-santa",
    "Cookies-Enabled",
    "Idempotency-Key",
    "X-Idempotency-Key",
    "X-Dedupe-Key",
    "Sec-WebSocket-Key",
    "Key",
    "X-Keyboard",
  ])("keeps %s visible (signatures, ids and look-alikes are not credentials)", (name) => {
    expect(isCredentialHeader(name)).toBe(false);
  });
});

describe("maskCredential", () => {
  it.each([
    ["Bearer 0123456789abcdefWXYZ", "Bearer ••••WXYZ"],
    ["Bearer short-token", "Bearer ••••"],
    ["Basic dXNlcjpwYXNzd29yZC1sb25nZXI=", "Basic ••••ZXI="],
    ["AIzaSyA-0123456789abcdefghij", "••••ghij"],
    ["k-123", "••••"],
    ["", "••••"],
    ["session=0123456789abcdef; theme=dark", "••••dark"],
  ])("%j -> %j", (value, masked) => {
    expect(maskCredential(value)).toBe(masked);
  });

  it("never shows more than four characters of a credential", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    expect(maskCredential(`Bearer ${secret}`)).not.toContain(secret.slice(-5));
  });
});
