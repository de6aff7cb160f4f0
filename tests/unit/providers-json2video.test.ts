import { describe, expect, it } from "vitest";
import { json2videoPreset } from "@/lib/providers/json2video";

// provider-docs/json2video-webhooks.txt "Step 3", verbatim.
const doneExample = `{
"project": "abc123",
"status": "done",
"url": "https://assets.json2video.com/clients/.../abc123.mp4",
"duration": 24,
"size": 5421988,
"client-data": {
"listing_id": "L-4821",
"property_address": "123 Oak Street",
"agent_id": "AG-42"
}
}`;

const clientData = { listing_id: "L-4821", property_address: "123 Oak Street", agent_id: "AG-42" };

const extract = (payload: unknown) =>
  json2videoPreset.extract({ payload, headers: [["Authorization", "Bearer t0ken"]], config: null });

describe("json2video preset", () => {
  it("declares an optional token header", () => {
    expect(json2videoPreset.id).toBe("json2video");
    expect(json2videoPreset.label).toBe("JSON2Video");
    expect(json2videoPreset.defaultVerification).toEqual({
      scheme: "token",
      header: "authorization",
    });
    expect(json2videoPreset.isConfigurable).toBe(false);
  });

  it("reads the documented done payload", () => {
    expect(extract(JSON.parse(doneExample))).toStrictEqual({
      jobId: "abc123",
      eventType: "done",
      state: "completed",
      outputUrl: "https://assets.json2video.com/clients/.../abc123.mp4",
      error: null,
      providerTimestamp: null,
      dedupeKey: "json2video:abc123:done",
      details: { clientData },
    });
  });

  it("reads an error payload: message replaces url", () => {
    const payload = {
      project: "abc123",
      status: "error",
      message: "Scene 2: image could not be downloaded",
      "client-data": clientData,
    };
    expect(extract(payload)).toStrictEqual({
      jobId: "abc123",
      eventType: "error",
      state: "failed",
      outputUrl: null,
      error: "Scene 2: image could not be downloaded",
      providerTimestamp: null,
      dedupeKey: "json2video:abc123:error",
      details: { clientData },
    });
  });

  it("does not treat a message on a successful render as an error", () => {
    expect(extract({ project: "abc123", status: "done", message: "rendered in 3 min" }).error).toBe(
      null,
    );
  });

  it("reads other status words through the shared vocabulary", () => {
    expect(extract({ project: "abc123", status: "running" }).state).toBe("processing");
    expect(extract({ project: "abc123", status: "rendering" }).state).toBe(null);
  });

  it("reads a top-level timestamp when present", () => {
    expect(
      extract({ project: "abc123", status: "done", updated_at: "2025-03-04T05:06:07Z" })
        .providerTimestamp,
    ).toEqual(new Date("2025-03-04T05:06:07.000Z"));
  });

  it("keeps only object client-data", () => {
    expect(extract({ project: "abc123", status: "done", "client-data": "L-4821" }).details).toBe(
      null,
    );
    expect(extract({ project: "abc123", status: "done", "client-data": ["L-4821"] }).details).toBe(
      null,
    );
    expect(extract({ project: "abc123", status: "done", "client-data": null }).details).toBe(null);
    expect(extract({ project: "abc123", status: "done" }).details).toBe(null);
  });

  it("yields no job id or dedupe key without a project", () => {
    const facts = extract({ status: "done", url: "https://example.com/a.mp4" });
    expect(facts.jobId).toBe(null);
    expect(facts.dedupeKey).toBe(null);
    expect(facts.state).toBe("completed");
    expect(facts.outputUrl).toBe("https://example.com/a.mp4");
  });

  it("drops an output URL over 2,048 characters instead of cutting it", () => {
    const url = `https://assets.json2video.com/${"a".repeat(2_018)}`;
    expect(url.length).toBe(2_048);
    expect(extract({ project: "p", status: "done", url }).outputUrl).toBe(url);
    expect(extract({ project: "p", status: "done", url: `${url}b` }).outputUrl).toBe(null);
    expect(extract({ project: "p", status: "done", url: "u".repeat(1_048_576) }).outputUrl).toBe(
      null,
    );
  });

  it("caps a 1 MB message", () => {
    expect(extract({ project: "p", status: "error", message: "m".repeat(1_048_576) }).error).toBe(
      "m".repeat(2_000),
    );
  });
});
