import { describe, expect, it } from "vitest";
import type { HeaderList } from "@/lib/http/header-list";
import { aspectPreset } from "@/lib/providers/aspect";
import {
  aspectProgressExample,
  aspectTaskAnswerExample,
} from "@/tests/fixtures/provider-doc-examples";

const svixHeaders: HeaderList = [
  ["Content-Type", "application/json"],
  ["svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"],
  ["svix-timestamp", "1614265330"],
  ["svix-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="],
];

type Envelope = { event_type: string; timestamp?: string; data: { task: Record<string, unknown> } };

function docPayload(): Envelope {
  return JSON.parse(aspectProgressExample) as Envelope;
}

/** The doc example with another event type and feature states. */
function withFeatures(eventType: string, states: Record<string, string>): Envelope {
  const payload = docPayload();
  payload.event_type = eventType;
  payload.data.task["features"] = Object.fromEntries(
    Object.entries(states).map(([name, state]) => [name, { state }]),
  );
  return payload;
}

const extract = (payload: unknown, headers: HeaderList = svixHeaders) =>
  aspectPreset.extract({ payload, headers, config: null });

describe("aspect preset", () => {
  it("declares Svix (Standard Webhooks) verification and no configurable paths", () => {
    expect(aspectPreset.id).toBe("aspect");
    expect(aspectPreset.label).toBe("Aspect");
    expect(aspectPreset.defaultVerification).toEqual({
      scheme: "standard-webhooks",
      toleranceSeconds: 300,
    });
    expect(aspectPreset.isConfigurable).toBe(false);
  });

  it("reads the documented task.progress example", () => {
    expect(extract(JSON.parse(aspectProgressExample))).toStrictEqual({
      jobId: "2e1c7e42-4f8d-4e10-8d7a-0a6c0d3b1234",
      eventType: "task.progress",
      state: "processing",
      outputUrl: null,
      error: null,
      providerTimestamp: new Date("2025-01-01T12:00:00.000Z"),
      dedupeKey: "svix:msg_p5jXN8AQM9LWM0D4loKWxJek",
      details: {
        features: {
          transcription: { state: "processing" },
          visual: { state: "queued" },
          preview: { state: "completed" },
          proxy: { state: "na" },
        },
      },
    });
  });

  it("reports queued while every applicable feature is queued", () => {
    const facts = extract(
      withFeatures("task.progress", {
        transcription: "queued",
        visual: "queued",
        preview: "queued",
        proxy: "na",
      }),
    );
    expect(facts.state).toBe("queued");
  });

  it("reports processing once one applicable feature has moved on", () => {
    expect(
      extract(
        withFeatures("task.progress", {
          transcription: "processing",
          visual: "queued",
          proxy: "na",
        }),
      ).state,
    ).toBe("processing");
    expect(
      extract(withFeatures("task.progress", { transcription: "completed", visual: "queued" }))
        .state,
    ).toBe("processing");
  });

  it("reports processing for progress events without applicable features", () => {
    expect(extract(withFeatures("task.progress", { proxy: "na", preview: "na" })).state).toBe(
      "processing",
    );
    expect(extract(withFeatures("task.progress", {})).state).toBe("processing");
    const noFeatures = docPayload();
    delete noFeatures.data.task["features"];
    expect(extract(noFeatures).state).toBe("processing");
  });

  it("reads task.completed as completed", () => {
    const facts = extract(
      withFeatures("task.completed", {
        transcription: "completed",
        visual: "completed",
        preview: "completed",
        proxy: "na",
      }),
    );
    expect(facts.state).toBe("completed");
    expect(facts.eventType).toBe("task.completed");
    expect(facts.error).toBe(null);
  });

  it("reads task.failed as failed and names the failed features", () => {
    const facts = extract(
      withFeatures("task.failed", {
        transcription: "failed",
        visual: "completed",
        preview: "failed",
        proxy: "na",
      }),
    );
    expect(facts.state).toBe("failed");
    expect(facts.error).toBe("failed features: transcription, preview");
    expect(facts.details).toStrictEqual({
      features: {
        transcription: { state: "failed" },
        visual: { state: "completed" },
        preview: { state: "failed" },
        proxy: { state: "na" },
      },
    });
  });

  it("leaves error null when a failure names no failed feature", () => {
    expect(extract(withFeatures("task.failed", { transcription: "completed" })).error).toBe(null);
  });

  it("says nothing about state for unknown event types", () => {
    const facts = extract(withFeatures("asset.created", { transcription: "failed" }));
    expect(facts.state).toBe(null);
    expect(facts.error).toBe(null);
    expect(facts.eventType).toBe("asset.created");
  });

  it("falls back to the envelope timestamp when the task has no valid updated time", () => {
    const payload = docPayload();
    payload.data.task["updated"] = "not a date";
    payload.timestamp = "2025-01-01T12:00:05Z";
    expect(extract(payload).providerTimestamp).toEqual(new Date("2025-01-01T12:00:05.000Z"));
  });

  it("dedupes by svix-id, then webhook-id, else not at all", () => {
    const payload = JSON.parse(aspectProgressExample);
    expect(extract(payload, [["Webhook-Id", "msg_2"]]).dedupeKey).toBe("svix:msg_2");
    expect(
      extract(payload, [
        ["SVIX-ID", "msg_1"],
        ["webhook-id", "msg_2"],
      ]).dedupeKey,
    ).toBe("svix:msg_1");
    expect(
      extract(payload, [
        ["svix-id", ""],
        ["webhook-id", "msg_2"],
      ]).dedupeKey,
    ).toBe("svix:msg_2");
    expect(extract(payload, []).dedupeKey).toBe(null);
  });

  it("still dedupes a non-JSON body by its Svix id", () => {
    expect(extract(undefined)).toStrictEqual({
      jobId: null,
      eventType: null,
      state: null,
      outputUrl: null,
      error: null,
      providerTimestamp: null,
      dedupeKey: "svix:msg_p5jXN8AQM9LWM0D4loKWxJek",
      details: null,
    });
  });

  it("ignores features that are not objects and keeps a __proto__ feature as plain data", () => {
    const payload: unknown = JSON.parse(
      '{"event_type":"task.failed","data":{"task":{"id":7,"features":{"__proto__":{"state":"failed"},"visual":"failed","audio":null,"proxy":{"state":["x"]}}}}}',
    );
    const facts = extract(payload, []);
    expect(facts.jobId).toBe("7");
    expect(facts.error).toBe("failed features: __proto__");
    const features = (facts.details as { features: Record<string, unknown> }).features;
    expect(Object.getPrototypeOf(features)).toBe(Object.prototype);
    expect(Object.keys(features)).toStrictEqual(["__proto__", "visual", "audio", "proxy"]);
    expect(Object.getOwnPropertyDescriptor(features, "__proto__")?.value).toStrictEqual({
      state: "failed",
    });
    expect(features["visual"]).toStrictEqual({ state: null });
    expect(features["proxy"]).toStrictEqual({ state: null });
  });

  it("keeps at most 50 features with bounded names and states", () => {
    const states = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}`, "queued"]));
    states["f0"] = "q".repeat(1_048_576);
    const payload = withFeatures("task.progress", states);
    const facts = extract(payload);
    const features = (facts.details as { features: Record<string, { state: string | null }> })
      .features;
    expect(Object.keys(features).length).toBe(50);
    expect(features["f0"]?.state).toBe("q".repeat(100));
    expect(features["f50"]).toBe(undefined);
  });

  it("caps a huge failed feature list at 2,000 characters", () => {
    const names = Array.from(
      { length: 50 },
      (_, i) => `${"n".repeat(98)}${String(i).padStart(2, "0")}`,
    );
    const facts = extract(
      withFeatures("task.failed", Object.fromEntries(names.map((name) => [name, "failed"]))),
    );
    expect(facts.error).toBe(`failed features: ${names.join(", ")}`.slice(0, 2_000));
    expect(facts.error?.length).toBe(2_000);
  });

  describe("a task status answer (TaskGetResponse: the Task alone, no envelope)", () => {
    /** The doc's Task with other feature states. */
    const task = (states: Record<string, string>) => {
      const answer = JSON.parse(aspectTaskAnswerExample) as Record<string, unknown>;
      answer["features"] = Object.fromEntries(
        Object.entries(states).map(([name, state]) => [name, { state }]),
      );
      return answer;
    };

    it("reads the doc's Task for the job, its time and its features", () => {
      expect(extract(JSON.parse(aspectTaskAnswerExample), [])).toStrictEqual({
        jobId: "2e1c7e42-4f8d-4e10-8d7a-0a6c0d3b1234",
        eventType: null,
        state: "processing",
        outputUrl: null,
        error: null,
        providerTimestamp: new Date("2025-01-01T12:00:00.000Z"),
        dedupeKey: null,
        details: {
          features: {
            transcription: { state: "processing" },
            visual: { state: "queued" },
            preview: { state: "completed" },
            proxy: { state: "na" },
          },
        },
      });
    });

    it("reads completed when every applicable feature completed", () => {
      const facts = extract(
        task({
          transcription: "completed",
          visual: "completed",
          preview: "completed",
          proxy: "na",
        }),
        [],
      );
      expect(facts.state).toBe("completed");
      expect(facts.error).toBe(null);
    });

    it("reads failed when a feature failed, naming it", () => {
      const facts = extract(
        task({ transcription: "failed", visual: "processing", preview: "completed", proxy: "na" }),
        [],
      );
      expect(facts.state).toBe("failed");
      expect(facts.error).toBe("failed features: transcription");
    });

    it("reads cancelled when every applicable feature ended and one was cancelled", () => {
      expect(extract(task({ transcription: "cancelled", visual: "completed" }), []).state).toBe(
        "cancelled",
      );
      expect(extract(task({ transcription: "cancelled", visual: "processing" }), []).state).toBe(
        "processing",
      );
    });

    it("reads queued while every applicable feature waits", () => {
      expect(
        extract(task({ transcription: "queued", visual: "queued", proxy: "na" }), []).state,
      ).toBe("queued");
    });

    it("says nothing when no feature applies or states are unknown", () => {
      expect(extract(task({ proxy: "na" }), []).state).toBe(null);
      expect(extract(task({ transcription: "exploded" }), []).state).toBe(null);
    });
  });
});
