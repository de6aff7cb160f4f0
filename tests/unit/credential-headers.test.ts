import { describe, expect, it } from "vitest";
import { isCredentialHeader } from "@/lib/http/credential-headers";

describe("isCredentialHeader", () => {
  it.each(["Authorization", "authorization", "AUTHORIZATION", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "x-api-key"])("masks %s", (name) => {
    expect(isCredentialHeader(name)).toBe(true);
  });

  it.each(["X-Auth-Token", "x-access-token", "Token", "X-Webhook-Secret", "client_secret", "X-CSRF-TOKEN"])("masks names ending in token or secret: %s", (name) => {
    expect(isCredentialHeader(name)).toBe(true);
  });

  it.each(["webhook-signature", "svix-signature", "X-Hub-Signature-256", "X-Scriptix-Signature", "webhook-id", "svix-timestamp", "Content-Type", "User-Agent", "X-Token-Count", "x-secret-santa", "Cookies-Enabled"])(
    "keeps %s visible (signatures and look-alikes are not credentials)",
    (name) => {
      expect(isCredentialHeader(name)).toBe(false);
    },
  );
});
