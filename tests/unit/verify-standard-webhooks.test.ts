import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import type { HeaderList } from "@/lib/http/header-list";
import {
  isStandardWebhooksSecret,
  signStandardWebhooks,
  verifyStandardWebhooks,
} from "@/lib/verify/standard-webhooks";

// DESIGN 7.1 vector.
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const TS = 1614265330;
const BODY = Buffer.from('{"test": 2432232314}');
const SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
// Another valid secret (24 random bytes) for rotation and mismatch cases.
const OTHER_SECRET = `whsec_${Buffer.alloc(24, 7).toString("base64")}`;

const config = { scheme: "standard-webhooks", toleranceSeconds: 300 } as const;

function headersOf(
  prefix: "webhook" | "svix",
  id: string,
  ts: string,
  signature: string,
): HeaderList {
  return [
    [`${prefix}-id`, id],
    [`${prefix}-timestamp`, ts],
    [`${prefix}-signature`, signature],
  ];
}

function verify(
  headers: HeaderList,
  opts: { body?: Uint8Array; secrets?: string[]; nowSeconds?: number; tolerance?: number } = {},
) {
  return verifyStandardWebhooks({
    config: { ...config, toleranceSeconds: opts.tolerance ?? 300 },
    secrets: opts.secrets ?? [SECRET],
    headers,
    body: opts.body ?? BODY,
    now: (opts.nowSeconds ?? TS) * 1000,
  });
}

describe("signStandardWebhooks", () => {
  it("reproduces the DESIGN 7.1 vector", () => {
    expect(signStandardWebhooks(SECRET, ID, TS, BODY)).toBe(SIGNATURE);
  });

  it("signs raw bytes that are not valid UTF-8 (checked against openssl)", () => {
    const body = Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0x7b]);
    expect(signStandardWebhooks(SECRET, ID, TS, body)).toBe(
      "v1,SqFFgEmNQBfqZtNP39PjGMyDr9C/KsT5FJ31FyrlRZM=",
    );
  });

  it("throws on a secret that is not base64 or a fractional timestamp (programmer errors)", () => {
    expect(() => signStandardWebhooks("whsec_***", ID, TS, BODY)).toThrow(/not whsec_<base64>/);
    expect(() => signStandardWebhooks(SECRET, ID, TS + 0.5, BODY)).toThrow(/whole seconds/);
  });
});

describe("verifyStandardWebhooks: matching signatures", () => {
  it("verifies the DESIGN 7.1 vector with webhook-* headers", () => {
    expect(verify(headersOf("webhook", ID, String(TS), SIGNATURE))).toEqual({
      outcome: "verified",
      reason: "v1 signature matched secret 1 of 1",
    });
  });

  it("verifies svix-* headers in mixed case", () => {
    const headers: HeaderList = [
      ["Svix-Id", ID],
      ["SVIX-TIMESTAMP", String(TS)],
      ["svix-Signature", SIGNATURE],
    ];
    expect(verify(headers).outcome).toBe("verified");
  });

  it("verifies webhook-* headers in mixed case", () => {
    const headers: HeaderList = [
      ["WEBHOOK-ID", ID],
      ["Webhook-Timestamp", String(TS)],
      ["webhook-SIGNATURE", SIGNATURE],
    ];
    expect(verify(headers).outcome).toBe("verified");
  });

  it.each([
    ["UTF-8 JSON", '{"title":"Café ☕ 日本語 🎬","n":1}'],
    [
      "nested JSON",
      JSON.stringify({ type: "render.completed", data: { id: "r_1", urls: ["a", "b"] } }),
    ],
    ["not JSON", "status=done&id=42"],
    ["empty", ""],
  ])("agrees with the svix library on a %s body", (_, payload) => {
    const svixSignature = new Webhook(SECRET).sign(ID, new Date(TS * 1000), payload);
    const body = Buffer.from(payload, "utf8");
    expect(signStandardWebhooks(SECRET, ID, TS, body)).toBe(svixSignature);
    expect(verify(headersOf("svix", ID, String(TS), svixSignature), { body }).outcome).toBe(
      "verified",
    );
    expect(verify(headersOf("webhook", ID, String(TS), svixSignature), { body }).outcome).toBe(
      "verified",
    );
  });

  it("produces signatures the svix library accepts", () => {
    const payload = '{"event":"job.done","name":"Zoë"}';
    const ts = Math.floor(Date.now() / 1000);
    const signature = signStandardWebhooks(SECRET, ID, ts, Buffer.from(payload));
    const headers = { "svix-id": ID, "svix-timestamp": String(ts), "svix-signature": signature };
    expect(new Webhook(SECRET).verify(payload, headers)).toEqual({
      event: "job.done",
      name: "Zoë",
    });
  });

  it("verifies a body that is not valid UTF-8 (svix's verify cannot)", () => {
    const body = Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0x7b]);
    const signature = signStandardWebhooks(SECRET, ID, TS, body);
    expect(verify(headersOf("webhook", ID, String(TS), signature), { body }).outcome).toBe(
      "verified",
    );
    // The same bytes decoded and re-encoded as UTF-8 are different bytes: that signature must fail.
    const decoded = signStandardWebhooks(
      SECRET,
      ID,
      TS,
      Buffer.from(Buffer.from(body).toString("utf8")),
    );
    expect(verify(headersOf("webhook", ID, String(TS), decoded), { body })).toEqual({
      outcome: "failed",
      reason: "no matching signature: 1 signature tried against 1 secret",
    });
  });

  it("finds the matching one among several entries and skips other versions", () => {
    const wrong = signStandardWebhooks(OTHER_SECRET, ID, TS, BODY);
    const header = `${wrong} v1a,${SIGNATURE.slice(3)}  ${SIGNATURE}`;
    expect(verify(headersOf("webhook", ID, String(TS), header)).outcome).toBe("verified");
  });

  it("treats repeated signature headers as one list", () => {
    const wrong = signStandardWebhooks(OTHER_SECRET, ID, TS, BODY);
    const headers: HeaderList = [
      ...headersOf("webhook", ID, String(TS), wrong),
      ["Webhook-Signature", SIGNATURE],
    ];
    expect(verify(headers).outcome).toBe("verified");
  });

  it("tries every secret during a rotation and names the one that matched", () => {
    expect(
      verify(headersOf("webhook", ID, String(TS), SIGNATURE), { secrets: [OTHER_SECRET, SECRET] }),
    ).toEqual({
      outcome: "verified",
      reason: "v1 signature matched secret 2 of 2",
    });
  });

  it("skips an unusable secret but still counts it in the position", () => {
    expect(
      verify(headersOf("webhook", ID, String(TS), SIGNATURE), { secrets: ["whsec_%%%", SECRET] }),
    ).toEqual({
      outcome: "verified",
      reason: "v1 signature matched secret 2 of 2",
    });
  });

  it("uses webhook-* when that set is complete, even if svix-* is present", () => {
    const wrong = signStandardWebhooks(OTHER_SECRET, ID, TS, BODY);
    expect(
      verify([
        ...headersOf("svix", ID, String(TS), wrong),
        ...headersOf("webhook", ID, String(TS), SIGNATURE),
      ]).outcome,
    ).toBe("verified");
    expect(
      verify([
        ...headersOf("svix", ID, String(TS), SIGNATURE),
        ...headersOf("webhook", ID, String(TS), wrong),
      ]),
    ).toEqual({
      outcome: "failed",
      reason: "no matching signature: 1 signature tried against 1 secret",
    });
  });

  it("falls back to svix-* when the webhook-* set is incomplete", () => {
    const headers: HeaderList = [
      ["webhook-id", ID],
      ...headersOf("svix", ID, String(TS), SIGNATURE),
    ];
    expect(verify(headers).outcome).toBe("verified");
  });
});

describe("verifyStandardWebhooks: tolerance", () => {
  const headers = headersOf("webhook", ID, String(TS), SIGNATURE);

  it.each([
    ["exactly 300 s old", TS + 300],
    ["300.999 s old (whole seconds count)", TS + 300.999],
    ["exactly 300 s in the future", TS - 300],
  ])("accepts a timestamp %s", (_, nowSeconds) => {
    expect(verify(headers, { nowSeconds }).outcome).toBe("verified");
  });

  it("rejects 301 s old and 301 s in the future, saying which", () => {
    expect(verify(headers, { nowSeconds: TS + 301 })).toEqual({
      outcome: "failed",
      reason: "timestamp 301 s older than the 300 s tolerance",
    });
    expect(verify(headers, { nowSeconds: TS - 301 })).toEqual({
      outcome: "failed",
      reason: "timestamp 301 s in the future, beyond the 300 s tolerance",
    });
  });

  it("uses the endpoint's tolerance", () => {
    expect(verify(headers, { nowSeconds: TS + 412, tolerance: 60 })).toEqual({
      outcome: "failed",
      reason: "timestamp 412 s older than the 60 s tolerance",
    });
    expect(verify(headers, { nowSeconds: TS + 60, tolerance: 60 }).outcome).toBe("verified");
  });

  it("reports a huge but well-formed timestamp as in the future", () => {
    const ts = "999999999999999";
    const signature = signStandardWebhooks(SECRET, ID, Number(ts), BODY);
    expect(verify(headersOf("webhook", ID, ts, signature))).toEqual({
      outcome: "failed",
      reason: `timestamp ${999999999999999 - TS} s in the future, beyond the 300 s tolerance`,
    });
  });
});

describe("verifyStandardWebhooks: failures are data, never exceptions", () => {
  it("names the missing header and the alternative it looked for", () => {
    expect(verify([])).toEqual({
      outcome: "failed",
      reason: "missing webhook-id header (also looked for svix-id)",
    });
    expect(
      verify([
        ["webhook-id", ID],
        ["webhook-timestamp", String(TS)],
      ]),
    ).toEqual({
      outcome: "failed",
      reason: "missing webhook-signature header (also looked for svix-signature)",
    });
    expect(
      verify([
        ["svix-id", ID],
        ["Svix-Signature", SIGNATURE],
      ]),
    ).toEqual({
      outcome: "failed",
      reason: "missing svix-timestamp header (also looked for webhook-timestamp)",
    });
  });

  it("explains an endpoint without a usable secret", () => {
    const headers = headersOf("webhook", ID, String(TS), SIGNATURE);
    expect(verify(headers, { secrets: [] })).toEqual({
      outcome: "failed",
      reason: "no signing secret configured for this endpoint; add the provider's whsec_ secret",
    });
    expect(verify(headers, { secrets: ["whsec_not base64"] })).toEqual({
      outcome: "failed",
      reason: 'no usable signing secret: the configured secret is not "whsec_" followed by base64',
    });
    expect(verify(headers, { secrets: ["x", "whsec_"] })).toEqual({
      outcome: "failed",
      reason:
        'no usable signing secret: none of the 2 configured secrets is "whsec_" followed by base64',
    });
  });

  it.each([
    ["abc", 'got "abc"'],
    ["", 'got ""'],
    ["-1614265330", 'got "-1614265330"'],
    ["1614265330.5", 'got "1614265330.5"'],
    ["1e9", 'got "1e9"'],
    [" 1614265330", 'got " 1614265330"'],
    ["99999999999999999999", 'got "99999999999999999999"'],
    ["9".repeat(500), `got "${"9".repeat(40)}…"`],
  ])("rejects the timestamp %j", (ts, got) => {
    expect(verify(headersOf("svix", ID, ts, SIGNATURE))).toEqual({
      outcome: "failed",
      reason: `malformed svix-timestamp header: expected Unix seconds, ${got}`,
    });
  });

  it("rejects an empty id", () => {
    expect(verify(headersOf("webhook", "", String(TS), SIGNATURE))).toEqual({
      outcome: "failed",
      reason: "malformed webhook-id header: empty",
    });
  });

  it.each([
    "",
    "   ",
    "garbage",
    "v1a,abc v2,def",
    "v1 g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  ])("rejects a signature header without v1 entries: %j", (signature) => {
    expect(verify(headersOf("webhook", ID, String(TS), signature))).toEqual({
      outcome: "failed",
      reason: 'malformed webhook-signature header: no "v1,<base64>" entries',
    });
  });

  // Reasons quote at most 40 characters of a hostile value.
  const quoted = (value: string) => (value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`);

  it.each([
    "v1,",
    "v1,!!!not-base64!!!",
    "v1,AAAA",
    `v1,${Buffer.alloc(33).toString("base64")}`,
    // Unpadded and URL-safe spellings of a valid signature are not what senders emit.
    "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE",
    "v1,g0hM9SsE-OTPJTGt_tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  ])("rejects the v1 entry %j as not a 32-byte base64 digest", (signature) => {
    expect(verify(headersOf("webhook", ID, String(TS), signature))).toEqual({
      outcome: "failed",
      reason: `malformed webhook-signature header: ${quoted(signature)} is not base64 of a 32-byte HMAC-SHA256`,
    });
  });

  it("counts well-formed signatures tried and notes malformed ones", () => {
    const a = signStandardWebhooks(OTHER_SECRET, ID, TS, BODY);
    const b = signStandardWebhooks(OTHER_SECRET, ID, TS + 1, BODY);
    expect(verify(headersOf("webhook", ID, String(TS), `${a} ${b}`))).toEqual({
      outcome: "failed",
      reason: "no matching signature: 2 signatures tried against 1 secret",
    });
    expect(
      verify(headersOf("webhook", ID, String(TS), `${a} v1,AAAA`), { secrets: [SECRET, SECRET] }),
    ).toEqual({
      outcome: "failed",
      reason:
        "no matching signature: 1 signature tried against 2 secrets (1 malformed v1 entry ignored)",
    });
  });

  it("fails when the body, id or timestamp differ from what was signed", () => {
    const noMatch = {
      outcome: "failed",
      reason: "no matching signature: 1 signature tried against 1 secret",
    };
    expect(
      verify(headersOf("webhook", ID, String(TS), SIGNATURE), {
        body: Buffer.from('{"test": 2432232315}'),
      }),
    ).toEqual(noMatch);
    expect(verify(headersOf("webhook", `${ID}x`, String(TS), SIGNATURE))).toEqual(noMatch);
    expect(verify(headersOf("webhook", ID, String(TS + 1), SIGNATURE))).toEqual(noMatch);
  });

  it("never throws on hostile header values", () => {
    const hostile = [
      "",
      "\u0000",
      "v1,\u0000",
      "💥".repeat(10_000),
      "v1,".repeat(1000),
      "=".repeat(44),
      "NaN",
      "Infinity",
      "0x10",
    ];
    for (const value of hostile) {
      for (const field of ["id", "timestamp", "signature"] as const) {
        const base = { id: ID, timestamp: String(TS), signature: SIGNATURE, [field]: value };
        const result = verify(headersOf("webhook", base.id, base.timestamp, base.signature));
        expect(result.outcome).toBe("failed");
        expect(result.reason).toMatch(/^(malformed|no matching|timestamp)/);
      }
    }
  });
});

describe("isStandardWebhooksSecret", () => {
  const whsec = (bytes: number) => `whsec_${Buffer.alloc(bytes, 1).toString("base64")}`;

  it("accepts the DESIGN vector secret and 24..64 byte keys", () => {
    expect(isStandardWebhooksSecret(SECRET)).toBe(true);
    expect(isStandardWebhooksSecret(whsec(24))).toBe(true);
    expect(isStandardWebhooksSecret(whsec(32))).toBe(true);
    expect(isStandardWebhooksSecret(whsec(64))).toBe(true);
  });

  it.each([
    ["no prefix", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    ["wrong prefix case", "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    ["empty key", "whsec_"],
    ["23 bytes", whsec(23)],
    ["65 bytes", whsec(65)],
    ["not base64", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa!w"],
    ["whitespace", "whsec_MfKQ9r8GKYqrTwjU PD8ILPZIo2LaLaSw"],
    ["missing padding", whsec(25).replace(/=+$/, "")],
    [
      "non-canonical trailing bits",
      `whsec_${Buffer.alloc(25, 1).toString("base64").replace("Q==", "R==")}`,
    ],
  ])("rejects %s", (_, secret) => {
    expect(isStandardWebhooksSecret(secret)).toBe(false);
  });
});
