import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  buildCurlCommand,
  curlBodyFor,
  INLINE_BODY_LIMIT,
  shellQuote,
  type CurlSource,
} from "@/lib/events/curl-command";

/** What sh makes of a quoted word: the oracle is a real shell, not our own parser. */
const shellWords = (text: string): string[] =>
  JSON.parse(
    execFileSync("sh", [
      "-c",
      `node -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- ${text}`,
    ]).toString(),
  ) as string[];

describe("shellQuote", () => {
  it.each([
    "plain",
    "it's",
    "'",
    "''",
    "$(touch /tmp/pwned) `id` $HOME",
    '"double" \\back',
    "line\nbreak",
    "!event",
    "\u202Ertl",
    "",
  ])("round-trips %j through sh", (value) => {
    expect(shellWords(shellQuote(value))).toEqual([value]);
  });
});

const source = (overrides: Partial<CurlSource> = {}): CurlSource => ({
  method: "POST",
  url: "http://inbox.test/in/abc/sub?x=1",
  headers: [
    { name: "Host", value: "inbox.test", isCredential: false },
    { name: "Content-Type", value: "application/json", isCredential: false },
    { name: "Authorization", value: "Bearer s3cret", isCredential: true },
    { name: "X-Empty", value: "", isCredential: false },
    { name: "Content-Length", value: "9", isCredential: false },
  ],
  body: { kind: "text", text: `{"a":"it's"}` },
  ...overrides,
});

describe("buildCurlCommand", () => {
  it("replaces credential values by <redacted> unless asked to include them", () => {
    const redacted = buildCurlCommand(source(), { includeCredentials: false });
    expect(redacted).not.toContain("s3cret");
    expect(redacted).toContain("-H 'Authorization: <redacted>'");
    expect(buildCurlCommand(source(), { includeCredentials: true })).toContain(
      "-H 'Authorization: Bearer s3cret'",
    );
  });

  it("is a command sh parses into the stored method, URL, headers and body", () => {
    const command = buildCurlCommand(source(), { includeCredentials: true });
    const words = shellWords(command.replace(/^curl /, "").replaceAll(" \\\n  ", " "));
    expect(words).toEqual([
      "--globoff",
      "-X",
      "POST",
      "http://inbox.test/in/abc/sub?x=1",
      "-H",
      "Content-Type: application/json",
      "-H",
      "Authorization: Bearer s3cret",
      "-H",
      "X-Empty;",
      "--data-binary",
      `{"a":"it's"}`,
    ]);
  });

  it("uses --data-raw for a body starting with @ (curl would read a file)", () => {
    expect(
      buildCurlCommand(source({ body: { kind: "text", text: "@/etc/passwd" } }), {
        includeCredentials: false,
      }),
    ).toContain("--data-raw '@/etc/passwd'");
  });

  it("reads binary or large bodies from the raw download's file name", () => {
    const command = buildCurlCommand(
      source({ body: { kind: "file", fileName: "dlv_1.bin", why: "binary" } }),
      { includeCredentials: false },
    );
    expect(command).toContain("--data-binary '@dlv_1.bin'");
  });
});

describe("curlBodyFor", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("inlines UTF-8 text", () => {
    expect(curlBodyFor(bytes("héllo"), 6, "d.bin")).toEqual({ kind: "text", text: "héllo" });
  });

  it("sends no body for an empty one", () => {
    expect(curlBodyFor(new Uint8Array(), 0, "d.bin")).toEqual({ kind: "none" });
  });

  it("calls invalid UTF-8 and NUL bytes binary", () => {
    expect(curlBodyFor(new Uint8Array([0xff, 0xfe, 0x41]), 3, "d.bin")).toEqual({
      kind: "file",
      fileName: "d.bin",
      why: "binary",
    });
    expect(curlBodyFor(bytes("a\0b"), 3, "d.bin")).toEqual({
      kind: "file",
      fileName: "d.bin",
      why: "binary",
    });
  });

  it("sends large bodies as a file", () => {
    expect(
      curlBodyFor(new Uint8Array(INLINE_BODY_LIMIT + 1), INLINE_BODY_LIMIT + 1, "d.bin"),
    ).toEqual({ kind: "file", fileName: "d.bin", why: "large" });
    expect(curlBodyFor(null, 5_000_000, "d.bin")).toEqual({
      kind: "file",
      fileName: "d.bin",
      why: "large",
    });
  });
});
