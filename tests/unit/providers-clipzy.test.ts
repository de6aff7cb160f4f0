import { describe, expect, it } from "vitest";
import { clipzyPreset } from "@/lib/providers/clipzy";
import { clipzyCompletedExample } from "@/tests/fixtures/provider-doc-examples";

const extract = (payload: unknown) =>
  clipzyPreset.extract({ payload, headers: [["Content-Type", "application/json"]], config: null });

describe("clipzy preset", () => {
  it("declares no verification by default", () => {
    expect(clipzyPreset.id).toBe("clipzy");
    expect(clipzyPreset.label).toBe("Clipzy");
    expect(clipzyPreset.defaultVerification).toEqual({ scheme: "none" });
    expect(clipzyPreset.isConfigurable).toBe(false);
  });

  it("reads the documented completed payload", () => {
    expect(extract(JSON.parse(clipzyCompletedExample))).toStrictEqual({
      jobId: "job_xyz789abc123",
      eventType: "completed",
      state: "completed",
      outputUrl: "file:///storage/job_xyz789abc123/output.mp4",
      error: null,
      providerTimestamp: null,
      dedupeKey: "clipzy:job_xyz789abc123:completed",
      details: null,
    });
  });

  it("reads failed and cancelled, with an error when one is given", () => {
    expect(
      extract({
        job_id: "job_1",
        status: "failed",
        progress_percent: 40,
        error: "decoder crashed",
      }),
    ).toStrictEqual({
      jobId: "job_1",
      eventType: "failed",
      state: "failed",
      outputUrl: null,
      error: "decoder crashed",
      providerTimestamp: null,
      dedupeKey: "clipzy:job_1:failed",
      details: null,
    });
    expect(
      extract({ job_id: "job_1", status: "failed", error_message: "out of credits" }).error,
    ).toBe("out of credits");
    expect(extract({ job_id: "job_1", status: "cancelled" }).state).toBe("cancelled");
  });

  it("reads other status words through the shared vocabulary", () => {
    expect(extract({ job_id: "job_1", status: "processing", progress_percent: 50 }).state).toBe(
      "processing",
    );
    expect(extract({ job_id: "job_1", status: "exploded" }).state).toBe(null);
  });

  it("reads a top-level timestamp when present", () => {
    expect(
      extract({ job_id: "job_1", status: "completed", timestamp: "2025-05-06T07:08:09Z" })
        .providerTimestamp,
    ).toEqual(new Date("2025-05-06T07:08:09.000Z"));
  });

  it("yields no dedupe key without a status or job id", () => {
    expect(extract({ job_id: "job_1" }).dedupeKey).toBe(null);
    expect(extract({ status: "completed" }).dedupeKey).toBe(null);
    expect(extract({ status: "completed" }).jobId).toBe(null);
  });

  it("ignores non-string URLs and errors", () => {
    const facts = extract({
      job_id: "job_1",
      status: "failed",
      output_video_url: { href: "x" },
      error: { code: 1 },
    });
    expect(facts.outputUrl).toBe(null);
    expect(facts.error).toBe(null);
  });
});
