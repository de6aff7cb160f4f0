import { describe, expect, it } from "vitest";
import { signHmac } from "@/lib/verify/hmac";
import { verificationConfigSchema } from "@/lib/verify/schema";
import { signStandardWebhooks } from "@/lib/verify/standard-webhooks";
import { verifyDelivery } from "@/lib/verify/verify-delivery";
import type { HeaderList } from "@/lib/http/header-list";

// Configs go through the zod schema, as stored endpoint settings do (defaults, lower-cased names).
const parse = (raw: unknown) => verificationConfigSchema.parse(raw);
const body = Buffer.from('{"status":"done"}');
const now = 1_700_000_000_000;

function deliver(raw: unknown, secrets: string[], headers: HeaderList) {
  return verifyDelivery({ config: parse(raw), secrets, headers, body, now });
}

describe("verifyDelivery", () => {
  it("dispatches standard-webhooks with the default 300 s tolerance", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const sign = (ts: number) => signStandardWebhooks(secret, "msg_1", ts, body);
    const headers = (ts: number): HeaderList => [
      ["svix-id", "msg_1"],
      ["svix-timestamp", String(ts)],
      ["svix-signature", sign(ts)],
    ];
    const ts = now / 1000;
    expect(deliver({ scheme: "standard-webhooks" }, [secret], headers(ts))).toEqual({
      outcome: "verified",
      reason: "v1 signature matched secret 1 of 1",
    });
    expect(deliver({ scheme: "standard-webhooks" }, [secret], headers(ts - 301))).toEqual({
      outcome: "failed",
      reason: "timestamp 301 s older than the 300 s tolerance",
    });
  });

  it("dispatches hmac with a header name given in any case", () => {
    const config = parse({ scheme: "hmac", header: "X-Scriptix-Signature", prefix: "sha256=" });
    const value = config.scheme === "hmac" ? signHmac(config, "s3cret", body) : "";
    expect(value).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(deliver(config, ["s3cret"], [["x-scriptix-signature", value]])).toEqual({
      outcome: "verified",
      reason: "HMAC-SHA256 signature matched secret 1 of 1",
    });
    expect(deliver(config, ["s3cret"], [])).toEqual({
      outcome: "failed",
      reason: "missing X-Scriptix-Signature header",
    });
  });

  it("dispatches token with Authorization as the default header", () => {
    expect(deliver({ scheme: "token" }, ["t0ken"], [["Authorization", "Bearer t0ken"]])).toEqual({
      outcome: "verified",
      reason: "token matched secret 1 of 1",
    });
    expect(deliver({ scheme: "token" }, ["t0ken"], [])).toEqual({
      outcome: "failed",
      reason: "missing Authorization header",
    });
    expect(deliver({ scheme: "token" }, [], [])).toEqual({ outcome: "unsigned", reason: null });
  });

  it("records none as unsigned whatever the headers and secrets say", () => {
    const headers: HeaderList = [
      ["webhook-signature", "v1,garbage"],
      ["Authorization", "Bearer x"],
    ];
    expect(
      deliver({ scheme: "none" }, ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], headers),
    ).toEqual({
      outcome: "unsigned",
      reason: null,
    });
  });
});
