import { describe, expect, it } from "vitest";
import { descriptPreset } from "@/lib/providers/descript";

// provider-docs/descript-job-callbacks.txt shows no full body, only the fields its
// receivers read: job_id, job_state, job_type, project_id, project_url, result.*.
const importSucceeded = {
  job_id: "5d8a7c0e-1b2c-4d3e-8f90-a1b2c3d4e5f6",
  job_type: "import/project_media",
  job_state: "stopped",
  project_id: "prj_123",
  project_url: "https://web.descript.com/prj_123",
  result: { status: "success" },
};

const agentSucceeded = {
  job_id: "job_agent_1",
  job_type: "agent",
  job_state: "stopped",
  project_id: "prj_123",
  project_url: "https://web.descript.com/prj_123",
  result: { status: "success", agent_response: "Removed 42 filler words", ai_credits_used: 12 },
};

const extract = (payload: unknown) =>
  descriptPreset.extract({ payload, headers: [], config: null });

describe("descript preset", () => {
  it("checks nothing by default: Descript takes only a callback_url, no header (the URL is the secret)", () => {
    expect(descriptPreset.id).toBe("descript");
    expect(descriptPreset.label).toBe("Descript");
    expect(descriptPreset.defaultVerification).toEqual({ scheme: "none" });
    expect(descriptPreset.isConfigurable).toBe(false);
  });

  it("reads a successful import as completed with the project URL", () => {
    expect(extract(importSucceeded)).toStrictEqual({
      jobId: "5d8a7c0e-1b2c-4d3e-8f90-a1b2c3d4e5f6",
      eventType: "import/project_media",
      state: "completed",
      outputUrl: "https://web.descript.com/prj_123",
      error: null,
      providerTimestamp: null,
      dedupeKey: "descript:5d8a7c0e-1b2c-4d3e-8f90-a1b2c3d4e5f6:stopped",
      details: null,
    });
  });

  it("reads a successful agent edit as completed", () => {
    const facts = extract(agentSucceeded);
    expect(facts.state).toBe("completed");
    expect(facts.eventType).toBe("agent");
    expect(facts.outputUrl).toBe("https://web.descript.com/prj_123");
  });

  it("reads any other result status as failed, with result.error or result.message", () => {
    expect(
      extract({ ...agentSucceeded, result: { status: "error", error: "Prompt rejected" } }),
    ).toStrictEqual({
      jobId: "job_agent_1",
      eventType: "agent",
      state: "failed",
      outputUrl: null,
      error: "Prompt rejected",
      providerTimestamp: null,
      dedupeKey: "descript:job_agent_1:stopped",
      details: null,
    });
    expect(
      extract({
        ...agentSucceeded,
        result: { status: "failed", message: "Media could not be fetched" },
      }).error,
    ).toBe("Media could not be fetched");
    expect(extract({ ...agentSucceeded, result: { status: "partial" } }).state).toBe("failed");
    expect(extract({ ...agentSucceeded, result: { status: "partial" } }).error).toBe(null);
  });

  it("reads result.status case-insensitively", () => {
    expect(extract({ ...agentSucceeded, result: { status: "SUCCESS" } }).state).toBe("completed");
  });

  it("reads a job without a result as processing", () => {
    const running = { job_id: "job_2", job_type: "agent", job_state: "running" };
    expect(extract(running)).toStrictEqual({
      jobId: "job_2",
      eventType: "agent",
      state: "processing",
      outputUrl: null,
      error: null,
      providerTimestamp: null,
      dedupeKey: "descript:job_2:running",
      details: null,
    });
    expect(extract({ ...running, project_url: "https://web.descript.com/prj_9" }).outputUrl).toBe(
      null,
    );
    expect(extract({ ...running, result: null }).state).toBe("processing");
    expect(extract({ ...running, result: { agent_response: "no status" } }).state).toBe(
      "processing",
    );
  });

  it("reads job_state when there is no result: Descript calls back only when a job finished", () => {
    // The docs' receivers print job_state for every finished job ("Job <id> finished: <job_state>").
    expect(extract({ job_id: "job_3", job_state: "failed" }).state).toBe("failed");
    expect(extract({ job_id: "job_3", job_state: "cancelled" }).state).toBe("cancelled");
    expect(extract({ job_id: "job_3", job_state: "completed" }).state).toBe("completed");
    expect(extract({ job_id: "job_3", job_state: "error" }).state).toBe("failed");
    // A status answer (polls read the same body) can still say the job is on its way.
    expect(extract({ job_id: "job_3", job_state: "queued" }).state).toBe("queued");
    expect(extract({ job_id: "job_3", job_state: "pending" }).state).toBe("queued");
  });

  it("reads a stopped job without a result as failed, saying why", () => {
    const facts = extract({ job_id: "job_6", job_type: "agent", job_state: "stopped" });
    expect(facts.state).toBe("failed");
    expect(facts.error).toBe('Descript reported job_state "stopped" without a result');
  });

  it("says nothing about state for a job_state word it does not know", () => {
    expect(extract({ job_id: "job_7", job_state: "mystery" }).state).toBe(null);
  });

  it("falls back to job_state for the event type and to the state for the dedupe key", () => {
    const facts = extract({ job_id: "job_4", job_state: "queued" });
    expect(facts.eventType).toBe("queued");
    expect(extract({ job_id: "job_4", result: { status: "success" } }).dedupeKey).toBe(
      "descript:job_4:completed",
    );
    expect(extract({ job_id: "job_4" }).dedupeKey).toBe("descript:job_4:processing");
  });

  it("reads a top-level timestamp when present", () => {
    expect(extract({ ...importSucceeded, timestamp: 1735732800 }).providerTimestamp).toEqual(
      new Date("2025-01-01T12:00:00.000Z"),
    );
  });

  it("reads nothing from a non-JSON or non-object body", () => {
    const none = {
      jobId: null,
      eventType: null,
      state: null,
      outputUrl: null,
      error: null,
      providerTimestamp: null,
      dedupeKey: null,
      details: null,
    };
    expect(extract(undefined)).toStrictEqual(none);
    expect(extract([importSucceeded])).toStrictEqual(none);
    expect(extract("success")).toStrictEqual(none);
  });

  it("yields no job id or dedupe key without job_id, and reads the rest", () => {
    const facts = extract({
      job_type: "agent",
      job_state: "stopped",
      result: { status: "success" },
    });
    expect(facts.jobId).toBe(null);
    expect(facts.dedupeKey).toBe(null);
    expect(facts.state).toBe("completed");
  });

  it("caps a 1 MB error and job_state", () => {
    const facts = extract({
      job_id: "job_5",
      job_state: "s".repeat(1_048_576),
      result: { status: "error", error: "e".repeat(1_048_576) },
    });
    expect(facts.error).toBe("e".repeat(2_000));
    expect(facts.eventType).toBe("s".repeat(200));
    expect(facts.dedupeKey).toBe(`descript:job_5:${"s".repeat(200)}`);
  });
});
