// What the endpoint page tells a team about its provider, checked against the docs
// (../shared/provider-docs): how callbacks can be verified, and how long the provider
// keeps retrying one that was refused.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemeGuide } from "@/components/endpoints/scheme-guide";
import { deliveryPromises } from "@/lib/providers/delivery-promises";
import { providerPresets } from "@/lib/providers/registry";
import { providerIds } from "@/lib/providers/schema";

const doc = (file: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../../../shared/provider-docs", file), "utf8");
const docsAvailable = (() => {
  try {
    doc("scriptix-webhooks.txt");
    return true;
  } catch {
    return false;
  }
})();

describe("the Descript guide", () => {
  it("says Descript takes only a callback_url, so the ingest URL is the secret", () => {
    const guide = schemeGuide("descript", providerPresets.descript.defaultVerification);
    expect(guide.scheme).toBe("none");
    expect(guide.sends).toMatch(/only a callback_url/);
    expect(guide.sends).toMatch(/cannot add a header/);
    expect(guide.sends).toMatch(/the URL itself is the secret/);
  });
});

describe("delivery promises", () => {
  it("has one for every preset", () => {
    for (const id of providerIds) {
      const promise = deliveryPromises[id];
      expect(promise.retries.length, id).toBeGreaterThan(10);
      expect(promise.window.length, id).toBeGreaterThan(3);
    }
  });

  it("states what each provider's docs state", () => {
    expect(deliveryPromises.scriptix.retries).toMatch(/retried 3 times/);
    expect(deliveryPromises.scriptix.retries).toMatch(/1, 5 and 15 minutes/);
    expect(deliveryPromises.json2video.retries).toMatch(/no automatic retries/);
    expect(deliveryPromises.json2video.window).toMatch(/never sent again/);
    expect(deliveryPromises.clipzy.retries).toMatch(/exponential backoff/);
    expect(deliveryPromises.clipzy.retries).toMatch(/give neither the count nor the delays/);
    expect(deliveryPromises.descript.retries).toMatch(/no retry schedule/);
    expect(deliveryPromises.aspect.retries).toMatch(/Svix/);
  });

  it.runIf(docsAvailable)("quotes numbers the docs really give", () => {
    expect(doc("scriptix-webhooks.txt")).toMatch(/3 retry attempts/);
    expect(doc("scriptix-webhooks.txt")).toMatch(/1min, 5min, 15min/);
    expect(doc("json2video-webhooks.txt")).toMatch(/there are no automatic retries/);
    expect(doc("clipzy-webhooks.txt")).toMatch(/retries the webhook with exponential backoff/);
    expect(doc("descript-job-callbacks.txt")).toMatch(/Descript may retry/);
    expect(doc("aspect-svix-webhooks.txt")).toMatch(/Provider: Svix/);
  });
});
