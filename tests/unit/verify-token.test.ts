import { describe, expect, it } from "vitest";
import type { HeaderList } from "@/lib/http/header-list";
import { verifyToken } from "@/lib/verify/token";

const TOKEN = "tok_4f9c2a7e1b";
const bearer = { scheme: "token", header: "authorization" } as const;
const custom = { scheme: "token", header: "x-webhook-token" } as const;

function verify(
  config: typeof bearer | typeof custom,
  headers: HeaderList,
  secrets: string[] = [TOKEN],
) {
  return verifyToken({ config, secrets, headers, body: new Uint8Array(), now: 0 });
}

describe("verifyToken", () => {
  it.each([`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `BEARER   ${TOKEN}`, TOKEN, ` ${TOKEN} `])(
    "accepts Authorization: %j",
    (value) => {
      expect(verify(bearer, [["Authorization", value]])).toEqual({
        outcome: "verified",
        reason: "token matched secret 1 of 1",
      });
    },
  );

  it("reads a custom header in any case", () => {
    expect(verify(custom, [["X-Webhook-TOKEN", TOKEN]])).toEqual({
      outcome: "verified",
      reason: "token matched secret 1 of 1",
    });
  });

  it("strips Bearer only for the Authorization header", () => {
    expect(verify(custom, [["x-webhook-token", `Bearer ${TOKEN}`]])).toEqual({
      outcome: "failed",
      reason: "X-Webhook-Token header does not match the configured token",
    });
  });

  it("names the secret that matched during a rotation", () => {
    expect(verify(bearer, [["authorization", `Bearer ${TOKEN}`]], ["tok_new", TOKEN])).toEqual({
      outcome: "verified",
      reason: "token matched secret 2 of 2",
    });
  });

  it.each([
    ["another token", `Bearer tok_other`],
    ["a prefix of the token", `Bearer ${TOKEN.slice(0, -1)}`],
    ["the token plus more", `Bearer ${TOKEN}0`],
    ["another scheme", `Basic ${TOKEN}`],
    ["Bearer alone", "Bearer"],
    ["an empty value", ""],
  ])("rejects %s without echoing it", (_, value) => {
    const result = verify(bearer, [["Authorization", value]]);
    expect(result).toEqual({
      outcome: "failed",
      reason: "Authorization header does not match the configured token",
    });
  });

  it("counts the configured tokens when several are set", () => {
    expect(verify(bearer, [["Authorization", "Bearer nope"]], ["a", "b"])).toEqual({
      outcome: "failed",
      reason: "Authorization header does not match any of the 2 configured tokens",
    });
  });

  it("fails with the header's name when a token is configured but not sent", () => {
    expect(verify(bearer, [])).toEqual({
      outcome: "failed",
      reason: "missing Authorization header",
    });
    expect(verify(custom, [["authorization", `Bearer ${TOKEN}`]])).toEqual({
      outcome: "failed",
      reason: "missing X-Webhook-Token header",
    });
  });

  it("records deliveries as unsigned when no token is configured, whatever is sent", () => {
    expect(verify(bearer, [], [])).toEqual({ outcome: "unsigned", reason: null });
    expect(verify(bearer, [["Authorization", "Bearer anything"]], [])).toEqual({
      outcome: "unsigned",
      reason: null,
    });
  });
});
