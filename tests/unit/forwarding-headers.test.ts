import { describe, expect, it } from "vitest";
import { buildForwardHeaders, type ForwardSource } from "@/lib/forwarding/outbound-request";

const source = (
  headers: Array<[string, string]>,
  verification: ForwardSource["endpoint"]["verification"] = { scheme: "none" },
  pollId: string | null = null,
  outcome: ForwardSource["delivery"]["verification"] = "verified",
): ForwardSource => ({
  eventId: "evt_1",
  delivery: {
    id: "dlv_1",
    method: "POST",
    headers,
    body: Buffer.from("{}"),
    pollId,
    verification: outcome,
  },
  endpoint: { verification, secrets: [] },
});
const names = (headers: Array<[string, string]>) => headers.map(([name]) => name);
const now = new Date("2026-11-23T12:00:00Z");

describe("buildForwardHeaders", () => {
  it("announces a delivery synthesized from a poll by the stored poll id, never by stored X-Inbox-* headers", () => {
    const spoofed: Array<[string, string]> = [
      ["Content-Type", "application/json"],
      ["X-Inbox-Synthesized-From", "poll"],
      ["X-Inbox-Poll-Id", "pol_forged"],
    ];
    expect(buildForwardHeaders(source(spoofed), { mode: "none", secret: null }, now)).toEqual([
      ["Content-Type", "application/json"],
      ["X-Inbox-Event-Id", "evt_1"],
      ["X-Inbox-Delivery-Id", "dlv_1"],
      ["X-Inbox-Verification", "verified"],
    ]);
    expect(
      buildForwardHeaders(
        source(spoofed, { scheme: "none" }, "pol_real"),
        { mode: "none", secret: null },
        now,
      ),
    ).toEqual([
      ["Content-Type", "application/json"],
      ["X-Inbox-Event-Id", "evt_1"],
      ["X-Inbox-Delivery-Id", "dlv_1"],
      ["X-Inbox-Verification", "verified"],
      ["X-Inbox-Synthesized-From", "poll"],
      ["X-Inbox-Poll-Id", "pol_real"],
    ]);
  });

  it("drops hop-by-hop, framing and credential headers, keeps the rest in order, adds the inbox ids", () => {
    const headers = buildForwardHeaders(
      source([
        ["Host", "inbox.example"],
        ["Content-Type", "application/json"],
        ["Content-Length", "2"],
        ["Transfer-Encoding", "chunked"],
        ["Connection", "keep-alive, X-Hop"],
        ["X-Hop", "1"],
        ["Authorization", "Bearer x"],
        ["Cookie", "a=b"],
        ["X-Api-Key", "k"],
        ["X-Inbox-Event-Id", "spoofed"],
        ["User-Agent", "provider/1"],
        ["X-Scriptix-Signature", "sha256=abc"],
      ]),
      { mode: "none", secret: null },
      now,
    );
    expect(headers).toEqual([
      ["Content-Type", "application/json"],
      ["User-Agent", "provider/1"],
      ["X-Scriptix-Signature", "sha256=abc"],
      ["X-Inbox-Event-Id", "evt_1"],
      ["X-Inbox-Delivery-Id", "dlv_1"],
      ["X-Inbox-Verification", "verified"],
    ]);
  });

  it("replaces the original signature when re-signing in the provider's HMAC scheme", () => {
    const hmac = {
      scheme: "hmac",
      header: "x-scriptix-signature",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "sha256=",
    } as const;
    const headers = buildForwardHeaders(
      source([["X-Scriptix-Signature", "sha256=old"]], hmac),
      { mode: "provider", secret: "s" },
      now,
    );
    expect(names(headers)).toEqual([
      "X-Inbox-Event-Id",
      "X-Inbox-Delivery-Id",
      "X-Inbox-Verification",
      "x-scriptix-signature",
    ]);
    expect(headers[3]?.[1]).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it("says how the delivery's signature check went, whatever a sender wrote in X-Inbox-Verification", () => {
    const forged = source(
      [
        ["X-Inbox-Verification", "verified"],
        ["X-Scriptix-Signature", "sha256=forged"],
      ],
      { scheme: "none" },
      null,
      "failed",
    );
    expect(buildForwardHeaders(forged, { mode: "none", secret: null }, now)).toEqual([
      ["X-Scriptix-Signature", "sha256=forged"],
      ["X-Inbox-Event-Id", "evt_1"],
      ["X-Inbox-Delivery-Id", "dlv_1"],
      ["X-Inbox-Verification", "failed"],
    ]);
  });

  it("never re-signs a delivery that failed verification (409 not_verified), in any mode", () => {
    const hmac = {
      scheme: "hmac",
      header: "x-scriptix-signature",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "sha256=",
    } as const;
    for (const mode of ["provider", "standard-webhooks"] as const) {
      expect(() =>
        buildForwardHeaders(
          source([], hmac, null, "failed"),
          { mode, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
          now,
        ),
      ).toThrow(
        expect.objectContaining({
          code: "not_verified",
          message:
            "this callback failed verification; it can be replayed as received, not re-signed",
        }),
      );
    }
  });

  it("refuses re-signing without a secret or for a scheme that has no signature", () => {
    expect(() =>
      buildForwardHeaders(source([]), { mode: "standard-webhooks", secret: null }, now),
    ).toThrow(/no signing secret/);
    expect(() =>
      buildForwardHeaders(
        source([], { scheme: "token", header: "authorization" }),
        { mode: "provider", secret: "s" },
        now,
      ),
    ).toThrow(/no signature/);
  });
});
