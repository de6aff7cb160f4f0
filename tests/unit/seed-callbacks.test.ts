// The realistic mix's callbacks, read back by the real presets and checked by the
// real verifiers: each job's callbacks end in the state its fate names, and the
// signatures are good unless a fault was asked for.
import { describe, expect, it } from "vitest";
import { getPreset } from "@/lib/providers/registry";
import { providerIds, type ProviderId } from "@/lib/providers/schema";
import {
  jobCallbacks,
  newExternalJobId,
  PAYLOAD_EXTRACTION,
  PROVIDER_FATES,
  type JobFate,
} from "@/lib/seed/job-callbacks";
import type { SeedEndpoint } from "@/lib/seed/seed-endpoints";
import { callbackHeaders, type SignatureFault } from "@/lib/seed/sign-callback";
import { verifyDelivery } from "@/lib/verify/verify-delivery";

function endpointFor(provider: ProviderId, secrets: string[]): SeedEndpoint {
  return {
    id: "ep_test",
    key: "k".repeat(32),
    name: provider,
    provider,
    verification: getPreset(provider).defaultVerification,
    extraction: PAYLOAD_EXTRACTION[provider] ?? null,
    secrets,
    bodyLimitBytes: 1_000_000,
    rateLimitPerSecond: null,
    archivedAt: null,
  };
}

const SECRETS: Record<ProviderId, string[]> = {
  aspect: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
  "standard-webhooks": ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
  scriptix: ["scriptix-secret"],
  json2video: ["j2v-token"],
  descript: [],
  clipzy: [],
  generic: [],
};

/** What the job ends in when it never gets its final callback. */
const EXPECTED_STATE: Record<JobFate, string> = {
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
  processing: "processing",
  queued: "queued",
};

describe("seeded job callbacks, read by the presets", () => {
  for (const provider of providerIds) {
    for (const fate of new Set(PROVIDER_FATES[provider])) {
      it(`${provider}: a ${fate} job's callbacks name its id and end ${fate}`, () => {
        const jobId = newExternalJobId(provider);
        const callbacks = jobCallbacks(provider, jobId, fate, new Date("2026-11-20T10:00:00Z"));
        expect(callbacks.length).toBeGreaterThan(0);
        const endpoint = endpointFor(provider, SECRETS[provider]);
        const facts = callbacks.map(({ payload }) =>
          getPreset(provider).extract({ payload, headers: [], config: endpoint.extraction }),
        );
        for (const f of facts) expect(f.jobId).toBe(jobId);
        expect(facts.at(-1)?.state).toBe(EXPECTED_STATE[fate]);
        if (fate === "failed") expect(facts.at(-1)?.error).toEqual(expect.any(String));
        // Sent in order: each callback is later than the one before.
        const times = callbacks.map((c) => c.at.getTime());
        expect([...times].sort((a, b) => a - b)).toEqual(times);
      });
    }
  }
});

describe("seeded callback signatures, checked by the verifiers", () => {
  const at = new Date("2026-11-20T10:00:00Z");
  const body = Buffer.from(JSON.stringify({ hello: "world" }));
  const verify = (provider: ProviderId, fault?: SignatureFault) => {
    const endpoint = endpointFor(provider, SECRETS[provider]);
    const headers = callbackHeaders(endpoint, body, { at, messageId: "msg_test", fault });
    return verifyDelivery({
      config: endpoint.verification,
      secrets: endpoint.secrets,
      headers,
      body,
      now: at.getTime(),
    }).outcome;
  };

  it.each(["aspect", "standard-webhooks", "scriptix", "json2video"] as const)(
    "%s: verified when signed with the endpoint's secret",
    (provider) => {
      expect(verify(provider)).toBe("verified");
    },
  );

  it.each(["aspect", "standard-webhooks", "scriptix", "json2video"] as const)(
    "%s: failed when signed with another secret",
    (provider) => {
      expect(verify(provider, "wrong-secret")).toBe("failed");
    },
  );

  it("standard webhooks: failed when the timestamp is an hour old", () => {
    expect(verify("standard-webhooks", "expired-timestamp")).toBe("failed");
  });

  // Descript takes only a callback_url: no header, so its endpoints check nothing by default.
  it.each(["clipzy", "descript", "generic"] as const)(
    "%s: unsigned (the provider signs nothing)",
    (provider) => {
      expect(verify(provider)).toBe("unsigned");
    },
  );
});
