import { describe, expect, it } from "vitest";
import type { HeaderList } from "@/lib/http/header-list";
import type { ExtractionConfig } from "@/lib/providers/schema";
import { standardWebhooksPreset } from "@/lib/providers/standard-webhooks";

// The envelope the Standard Webhooks spec recommends: type, timestamp, data.
const payload: unknown = JSON.parse(`{
  "type": "render.finished",
  "timestamp": "2022-11-03T20:26:10.344522Z",
  "data": { "render": { "id": 9981, "phase": "DONE", "file": "https://cdn.example.com/r/9981.mp4" }, "problem": null }
}`);

const headers: HeaderList = [
  ["webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"],
  ["webhook-timestamp", "1614265330"],
  ["webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="],
];

const config: ExtractionConfig = {
  jobIdPath: "data.render.id",
  statePath: "data.render.phase",
  stateMap: { DONE: "completed" },
  outputUrlPath: "data.render.file",
  errorPath: "data.problem",
};

const extract = (p: unknown, c: ExtractionConfig | null = config, h: HeaderList = headers) =>
  standardWebhooksPreset.extract({ payload: p, headers: h, config: c });

describe("standard-webhooks preset", () => {
  it("declares Standard Webhooks verification and configurable paths", () => {
    expect(standardWebhooksPreset.id).toBe("standard-webhooks");
    expect(standardWebhooksPreset.label).toBe("Standard Webhooks");
    expect(standardWebhooksPreset.defaultVerification).toEqual({
      scheme: "standard-webhooks",
      toleranceSeconds: 300,
    });
    expect(standardWebhooksPreset.isConfigurable).toBe(true);
  });

  it("reads configured paths and the envelope's type and timestamp", () => {
    expect(extract(payload)).toStrictEqual({
      jobId: "9981",
      eventType: "render.finished",
      state: "completed",
      outputUrl: "https://cdn.example.com/r/9981.mp4",
      error: null,
      providerTimestamp: new Date("2022-11-03T20:26:10.344Z"),
      dedupeKey: "webhook:msg_p5jXN8AQM9LWM0D4loKWxJek",
      details: null,
    });
  });

  it("lets configured paths replace the type and timestamp defaults", () => {
    const facts = extract(
      { kind: "a.b", at: 1614265330, type: "ignored" },
      { eventTypePath: "kind", timestampPath: "at" },
    );
    expect(facts.eventType).toBe("a.b");
    expect(facts.providerTimestamp).toEqual(new Date(1614265330_000));
  });

  it("maps states through stateMap first, then the shared vocabulary", () => {
    const at = (phase: unknown, stateMap?: ExtractionConfig["stateMap"]) =>
      extract({ phase }, { statePath: "phase", ...(stateMap ? { stateMap } : {}) }).state;
    expect(at("DONE", { DONE: "completed" })).toBe("completed");
    expect(at("error", { error: "unknown" })).toBe("unknown");
    expect(at("error")).toBe("failed");
    expect(at("rendering")).toBe(null);
    expect(at("constructor", { DONE: "completed" })).toBe(null);
    expect(at("toString")).toBe(null);
    expect(at(3)).toBe(null);
  });

  it("reads no job id or state without configured paths", () => {
    const facts = extract(payload, null);
    expect(facts.jobId).toBe(null);
    expect(facts.state).toBe(null);
    expect(facts.outputUrl).toBe(null);
    expect(facts.eventType).toBe("render.finished");
  });

  it("dedupes by webhook-id, then svix-id, else not at all", () => {
    expect(extract(payload, config, [["Svix-Id", "msg_svix"]]).dedupeKey).toBe("webhook:msg_svix");
    expect(
      extract(payload, config, [
        ["svix-id", "msg_svix"],
        ["Webhook-Id", "msg_std"],
      ]).dedupeKey,
    ).toBe("webhook:msg_std");
    expect(extract(payload, config, [["webhook-id", "  "]]).dedupeKey).toBe(null);
    expect(extract(payload, config, []).dedupeKey).toBe(null);
  });

  it("caps a huge message id", () => {
    expect(extract(payload, config, [["webhook-id", "m".repeat(100_000)]]).dedupeKey).toBe(
      `webhook:${"m".repeat(200)}`,
    );
  });

  it("reads only the headers from a non-JSON body", () => {
    expect(extract(undefined)).toStrictEqual({
      jobId: null,
      eventType: null,
      state: null,
      outputUrl: null,
      error: null,
      providerTimestamp: null,
      dedupeKey: "webhook:msg_p5jXN8AQM9LWM0D4loKWxJek",
      details: null,
    });
  });
});
