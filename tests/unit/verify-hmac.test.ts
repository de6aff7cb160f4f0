import { describe, expect, it } from "vitest";
import type { HeaderList } from "@/lib/http/header-list";
import { signHmac, verifyHmac } from "@/lib/verify/hmac";

// DESIGN 7.2 (GitHub's documented vector); the sha1/sha512/base64 forms come from
// `openssl dgst -<alg> -hmac "It's a Secret to Everybody"` over the same body.
const SECRET = "It's a Secret to Everybody";
const BODY = Buffer.from("Hello, World!");
const SHA256_HEX = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
const SHA1_HEX = "01dc10d0c83e72ed246219cdd91669667fe2ca59";
const SHA1_BASE64 = "AdwQ0Mg+cu0kYhnN2RZpZn/iylk=";
const SHA256_BASE64 = "dXEH6g6yUJ/CESIczphLijdXC211hsIsRvQ3nIsEPhc=";
const SHA512_HEX =
  "11ed355a617e98134e842012a7944ccf59c10256cb182357bd7e3a42013ff07c376f8c14cf5cc1923da20b51d64256b2fb8ebbf100aa67a61326f61fea8111bc";
const SHA512_BASE64 =
  "Ee01WmF+mBNOhCASp5RMz1nBAlbLGCNXvX46QgE/8Hw3b4wUz1zBkj2iC1HWQlay+4678QCqZ6YTJvYf6oERvA==";

type Config = Parameters<typeof signHmac>[0];
const github: Config = {
  scheme: "hmac",
  header: "x-hub-signature-256",
  algorithm: "sha256",
  encoding: "hex",
  prefix: "sha256=",
};
const scriptix: Config = { ...github, header: "x-scriptix-signature" };

function verify(
  config: Config,
  headers: HeaderList,
  opts: { secrets?: string[]; body?: Uint8Array } = {},
) {
  return verifyHmac({
    config,
    secrets: opts.secrets ?? [SECRET],
    headers,
    body: opts.body ?? BODY,
    now: 0,
  });
}

describe("signHmac", () => {
  it.each([
    ["sha256 hex with prefix", github, `sha256=${SHA256_HEX}`],
    ["sha1 hex", { ...github, algorithm: "sha1", prefix: "sha1=" } as const, `sha1=${SHA1_HEX}`],
    ["sha512 hex", { ...github, algorithm: "sha512", prefix: "" } as const, SHA512_HEX],
    ["sha256 base64", { ...github, encoding: "base64", prefix: "" } as const, SHA256_BASE64],
    [
      "sha1 base64",
      { ...github, algorithm: "sha1", encoding: "base64", prefix: "" } as const,
      SHA1_BASE64,
    ],
    [
      "sha512 base64",
      { ...github, algorithm: "sha512", encoding: "base64", prefix: "" } as const,
      SHA512_BASE64,
    ],
  ])("produces the known %s value", (_, config: Config, expected) => {
    expect(signHmac(config, SECRET, BODY)).toBe(expected);
  });
});

describe("verifyHmac: matching signatures", () => {
  it("verifies GitHub's vector", () => {
    expect(verify(github, [["X-Hub-Signature-256", `sha256=${SHA256_HEX}`]])).toEqual({
      outcome: "verified",
      reason: "HMAC-SHA256 signature matched secret 1 of 1",
    });
  });

  it.each([
    [
      "sha1 hex",
      { ...github, algorithm: "sha1", prefix: "sha1=" } as const,
      `sha1=${SHA1_HEX}`,
      "HMAC-SHA1",
    ],
    [
      "sha512 hex",
      { ...github, algorithm: "sha512", prefix: "" } as const,
      SHA512_HEX,
      "HMAC-SHA512",
    ],
    [
      "sha256 base64",
      { ...github, encoding: "base64", prefix: "" } as const,
      SHA256_BASE64,
      "HMAC-SHA256",
    ],
    [
      "sha1 base64",
      { ...github, algorithm: "sha1", encoding: "base64", prefix: "" } as const,
      SHA1_BASE64,
      "HMAC-SHA1",
    ],
    [
      "sha512 base64",
      { ...github, algorithm: "sha512", encoding: "base64", prefix: "" } as const,
      SHA512_BASE64,
      "HMAC-SHA512",
    ],
  ])("verifies %s", (_, config: Config, value, label) => {
    expect(verify(config, [["x-hub-signature-256", value]])).toEqual({
      outcome: "verified",
      reason: `${label} signature matched secret 1 of 1`,
    });
  });

  it("accepts upper-case hex and prefix", () => {
    expect(
      verify(github, [["x-hub-signature-256", `SHA256=${SHA256_HEX.toUpperCase()}`]]).outcome,
    ).toBe("verified");
  });

  it("names the secret that matched during a rotation", () => {
    expect(
      verify(github, [["x-hub-signature-256", `sha256=${SHA256_HEX}`]], {
        secrets: ["new secret", SECRET],
      }),
    ).toEqual({
      outcome: "verified",
      reason: "HMAC-SHA256 signature matched secret 2 of 2",
    });
  });

  it("accepts any one of repeated headers", () => {
    const headers: HeaderList = [
      ["X-Hub-Signature-256", "sha256=zz"],
      ["x-hub-signature-256", `sha256=${SHA256_HEX}`],
    ];
    expect(verify(github, headers).outcome).toBe("verified");
  });

  it("verifies bodies that are not UTF-8 over their raw bytes (checked against openssl)", () => {
    const body = Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0x7b]);
    const value = "sha256=3cb10d22fea8f08dd9bdb3c173232df9de42c4535c231859a60e20f360621546";
    expect(signHmac(github, SECRET, body)).toBe(value);
    expect(verify(github, [["x-hub-signature-256", value]], { body }).outcome).toBe("verified");
    // Decoding to a string and back changes the bytes, so that signature must not match.
    const lossy = signHmac(github, SECRET, Buffer.from(Buffer.from(body).toString("utf8")));
    expect(verify(github, [["x-hub-signature-256", lossy]], { body }).outcome).toBe("failed");
  });
});

describe("verifyHmac: failures are data, never exceptions", () => {
  const header = (value: string): HeaderList => [["X-Scriptix-Signature", value]];

  it("uses the configured header name in a readable case", () => {
    expect(verify(scriptix, [])).toEqual({
      outcome: "failed",
      reason: "missing X-Scriptix-Signature header",
    });
    expect(verify(scriptix, [["x-hub-signature-256", `sha256=${SHA256_HEX}`]])).toEqual({
      outcome: "failed",
      reason: "missing X-Scriptix-Signature header",
    });
  });

  it("explains a missing secret", () => {
    expect(verify(scriptix, header(`sha256=${SHA256_HEX}`), { secrets: [] })).toEqual({
      outcome: "failed",
      reason: "no signing secret configured for this endpoint; add the provider's signing secret",
    });
  });

  it.each([
    ["", 'expected "sha256=" prefix, got ""'],
    [`sha1=${SHA1_HEX}`, `expected "sha256=" prefix, got "sha1=${SHA1_HEX.slice(0, 35)}…"`],
    [SHA256_HEX, `expected "sha256=" prefix, got "${SHA256_HEX.slice(0, 40)}…"`],
    ["sha256=", 'no digest after "sha256="'],
    [`sha256=${SHA256_HEX.replace("7", "g")}`, "not hex"],
    [`sha256=${SHA256_HEX.slice(1)}`, "not hex"],
    [`sha256=${SHA256_HEX} x`, "not hex"],
    [`sha256=${SHA256_HEX.slice(2)}`, "62 hex digits, expected 64 for HMAC-SHA256"],
    [
      `sha256=${SHA1_HEX}`,
      "40 hex digits, expected 64 for HMAC-SHA256 (the size of HMAC-SHA1: check the endpoint's algorithm)",
    ],
    [
      `sha256=${SHA512_HEX}`,
      "128 hex digits, expected 64 for HMAC-SHA256 (the size of HMAC-SHA512: check the endpoint's algorithm)",
    ],
  ])("rejects %j with a precise reason", (value, detail) => {
    expect(verify(scriptix, header(value))).toEqual({
      outcome: "failed",
      reason: `malformed X-Scriptix-Signature header: ${detail}`,
    });
  });

  it("gives base64 reasons for base64 settings", () => {
    const config: Config = { ...scriptix, encoding: "base64", prefix: "" };
    const reason = (detail: string) => ({
      outcome: "failed",
      reason: `malformed X-Scriptix-Signature header: ${detail}`,
    });
    expect(verify(config, header(""))).toEqual(reason("no digest"));
    expect(verify(config, header("not base64!"))).toEqual(reason("not base64"));
    expect(verify(config, header(SHA256_BASE64.replace("=", "")))).toEqual(reason("not base64"));
    expect(verify(config, header(SHA1_BASE64))).toEqual(
      reason(
        "20 bytes, expected 32 for HMAC-SHA256 (the size of HMAC-SHA1: check the endpoint's algorithm)",
      ),
    );
  });

  it("hints at a prefix the settings do not mention", () => {
    expect(verify({ ...scriptix, prefix: "" }, header(`sha256=${SHA256_HEX}`))).toEqual({
      outcome: "failed",
      reason: `malformed X-Scriptix-Signature header: not hex; if "sha256=" is a prefix, set it in the endpoint's settings`,
    });
  });

  it("counts signatures and secrets when nothing matches", () => {
    expect(
      verify(scriptix, header(`sha256=${SHA256_HEX}`), { secrets: ["wrong", "also wrong"] }),
    ).toEqual({
      outcome: "failed",
      reason: "no matching signature: 1 signature tried against 2 secrets",
    });
    expect(
      verify(scriptix, header(`sha256=${SHA256_HEX}`), { body: Buffer.from("Hello, World?") }),
    ).toEqual({
      outcome: "failed",
      reason: "no matching signature: 1 signature tried against 1 secret",
    });
  });

  it("never throws on hostile header values", () => {
    for (const value of [
      "\u0000",
      "sha256=\u0000",
      "💥".repeat(10_000),
      "sha256=" + "0".repeat(100_000),
      "İsha256=",
    ]) {
      for (const config of [
        scriptix,
        { ...scriptix, encoding: "base64" } as const,
        { ...scriptix, prefix: "" },
      ]) {
        const result = verify(config, header(value));
        expect(result.outcome).toBe("failed");
        expect(result.reason).toMatch(/^malformed X-Scriptix-Signature header: /);
      }
    }
  });
});
