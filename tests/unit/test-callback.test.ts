// The test callback and the empty-state curl command must be what a real provider
// sends: each is checked by the same verifier the ingest path runs.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { curlExample } from "@/components/endpoints/curl-command";
import { buildTestCallback, sampleBody } from "@/lib/endpoints/sample-callbacks";
import type { HeaderList } from "@/lib/http/header-list";
import { providerPresets } from "@/lib/providers/registry";
import { providerIds } from "@/lib/providers/schema";
import type { VerificationConfig } from "@/lib/verify/schema";
import { verifyDelivery } from "@/lib/verify/verify-delivery";

const whsec = () => `whsec_${randomBytes(32).toString("base64")}`;
const secretFor = (config: VerificationConfig) =>
  config.scheme === "standard-webhooks" ? whsec() : "a-shared-secret-value";

function verify(config: VerificationConfig, secrets: string[], headers: HeaderList, body: string) {
  return verifyDelivery({
    config,
    secrets,
    headers,
    body: Buffer.from(body, "utf8"),
    now: Date.now(),
  });
}

describe("buildTestCallback", () => {
  it.each(providerIds)(
    "%s: the sample is signed so the endpoint's own scheme verifies it",
    (provider) => {
      const config = providerPresets[provider].defaultVerification;
      const secret = config.scheme === "none" ? undefined : secretFor(config);
      const request = buildTestCallback({ provider, verification: config }, secret);
      const result = verify(
        config,
        secret ? [secret] : [],
        Object.entries(request.headers),
        request.body,
      );
      expect(result.outcome).toBe(config.scheme === "none" ? "unsigned" : "verified");
    },
  );

  it.each(providerIds)("%s: the sample is what the preset reads a job from", (provider) => {
    const body = sampleBody(provider);
    const facts = providerPresets[provider].extract({
      payload: JSON.parse(body),
      headers: [],
      config: { jobIdPath: "data.id", statePath: "data.status" },
    });
    // Configurable presets read nothing without paths; the documented presets find their job.
    if (!providerPresets[provider].isConfigurable) expect(facts.jobId).not.toBeNull();
    expect(facts.state ?? "completed").toBe("completed");
  });

  it("is verified with the newest secret while an older one is still active (rotation)", () => {
    const config: VerificationConfig = { scheme: "standard-webhooks", toleranceSeconds: 300 };
    const [newest, older] = [whsec(), whsec()];
    const request = buildTestCallback({ provider: "aspect", verification: config }, newest);
    expect(request.headers["svix-signature"]).toMatch(/^v1,/);
    expect(
      verify(config, [newest, older], Object.entries(request.headers), request.body).reason,
    ).toBe("v1 signature matched secret 1 of 2");
    expect(verify(config, [older], Object.entries(request.headers), request.body).outcome).toBe(
      "failed",
    );
  });

  it("a token preset without a token sends no credential and is stored unsigned", () => {
    const config = providerPresets.json2video.defaultVerification;
    const request = buildTestCallback({ provider: "json2video", verification: config }, undefined);
    expect(Object.keys(request.headers).map((h) => h.toLowerCase())).not.toContain("authorization");
    expect(verify(config, [], Object.entries(request.headers), request.body).outcome).toBe(
      "unsigned",
    );
  });
});

/**
 * Runs the curl example in bash with `curl` replaced by a function that prints its
 * arguments, after putting a real secret where the example says to paste one.
 */
function runCurlExample(
  command: string,
  secret: string,
): { headers: Array<[string, string]>; body: string; url: string } {
  const script = `curl() { printf '%s\\0' "$@"; }\n${command.replace(/^(SECRET|TOKEN)='[^']*'/m, `$1='${secret}'`)}`;
  const args = execFileSync("bash", ["-c", script], { encoding: "utf8" }).split("\0").slice(0, -1);
  const headers: Array<[string, string]> = [];
  let body = "";
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-H") {
      const value = args[++i] ?? "";
      headers.push([
        value.slice(0, value.indexOf(":")),
        value.slice(value.indexOf(":") + 1).trim(),
      ]);
    } else if (args[i] === "--data-binary") body = args[++i] ?? "";
  }
  return { headers, body, url: args[3] ?? "" };
}

describe("curlExample", () => {
  const url = "https://hooks.example.com/in/abc'def";

  it.each(["aspect", "standard-webhooks", "scriptix"] as const)(
    "%s: running the command with the real secret sends a callback that verifies",
    (provider) => {
      const config = providerPresets[provider].defaultVerification;
      const secret = secretFor(config);
      const sent = runCurlExample(
        curlExample({ provider, verification: config, secretCount: 1 }, url).command,
        secret,
      );
      expect(sent.url).toBe(url);
      expect(verify(config, [secret], sent.headers, sent.body)).toMatchObject({
        outcome: "verified",
      });
    },
  );

  it("base64 HMAC settings produce a base64 digest that verifies", () => {
    const config: VerificationConfig = {
      scheme: "hmac",
      header: "x-signature",
      algorithm: "sha512",
      encoding: "base64",
      prefix: "",
    };
    const sent = runCurlExample(
      curlExample({ provider: "generic", verification: config, secretCount: 1 }, url).command,
      "s3cret with spaces",
    );
    expect(verify(config, ["s3cret with spaces"], sent.headers, sent.body).outcome).toBe(
      "verified",
    );
  });

  it("a token endpoint with a token sends it in the configured header", () => {
    const config = providerPresets.json2video.defaultVerification;
    const sent = runCurlExample(
      curlExample({ provider: "json2video", verification: config, secretCount: 1 }, url).command,
      "tok-123",
    );
    expect(verify(config, ["tok-123"], sent.headers, sent.body).outcome).toBe("verified");
  });

  it("a token endpoint without a token and an unsigned preset send no credential", () => {
    for (const provider of ["json2video", "clipzy"] as const) {
      const config = providerPresets[provider].defaultVerification;
      const example = curlExample({ provider, verification: config, secretCount: 0 }, url);
      const sent = runCurlExample(example.command, "unused");
      expect(sent.headers.map(([name]) => name)).toEqual(["content-type"]);
      expect(JSON.parse(sent.body)).toEqual(
        JSON.parse(sampleBody(provider, new Date("2025-01-01T12:00:00Z"))),
      );
      expect(example.note).toMatch(/unsigned/);
    }
  });
});
