import { describe, expect, it } from "vitest";
import type { HeaderList } from "@/lib/http/header-list";
import { genericPreset } from "@/lib/providers/generic";
import type { ExtractionConfig } from "@/lib/providers/schema";

const payload: unknown = JSON.parse(`{
  "type": "ignored.by.generic",
  "timestamp": "2025-01-01T12:00:00Z",
  "items": [{ "id": "item-1", "state": "finished", "err": "codec missing", "out": "s3://bucket/out.mp4", "at": 1735732800123 }],
  "kind": "item.done"
}`);

const config: ExtractionConfig = {
  jobIdPath: "items.0.id",
  eventTypePath: "kind",
  statePath: "items.0.state",
  outputUrlPath: "items.0.out",
  errorPath: "items.0.err",
  timestampPath: "items.0.at",
  dedupeHeader: "x-delivery-id",
};

const headers: HeaderList = [["X-Delivery-Id", "d-77"]];

const extract = (p: unknown, c: ExtractionConfig | null = config, h: HeaderList = headers) =>
  genericPreset.extract({ payload: p, headers: h, config: c });

describe("generic preset", () => {
  it("declares no verification and configurable paths", () => {
    expect(genericPreset.id).toBe("generic");
    expect(genericPreset.label).toBe("Generic JSON");
    expect(genericPreset.defaultVerification).toEqual({ scheme: "none" });
    expect(genericPreset.isConfigurable).toBe(true);
  });

  it("reads every field from its configured path", () => {
    expect(extract(payload)).toStrictEqual({
      jobId: "item-1",
      eventType: "item.done",
      state: "completed",
      outputUrl: "s3://bucket/out.mp4",
      error: "codec missing",
      providerTimestamp: new Date(1735732800123),
      dedupeKey: "header:d-77",
      details: null,
    });
  });

  it("assumes no paths at all without a config", () => {
    expect(extract(payload, null)).toStrictEqual({
      jobId: null,
      eventType: null,
      state: null,
      outputUrl: null,
      error: null,
      providerTimestamp: null,
      dedupeKey: null,
      details: null,
    });
    expect(extract(payload, {}).eventType).toBe(null);
    expect(extract(payload, {}).providerTimestamp).toBe(null);
  });

  it("dedupes only by the configured header", () => {
    expect(extract(payload, { ...config, dedupeHeader: undefined }).dedupeKey).toBe(null);
    expect(extract(payload, config, [["x-other", "d-77"]]).dedupeKey).toBe(null);
    expect(extract(payload, config, [["x-delivery-id", ""]]).dedupeKey).toBe(null);
  });

  it("does not read through prototype paths in a hostile payload", () => {
    const hostile: unknown = JSON.parse(
      '{"__proto__":{"id":"polluted"},"constructor":{"prototype":{"id":"polluted"}}}',
    );
    expect(extract(hostile, { jobIdPath: "__proto__.id" }).jobId).toBe(null);
    expect(extract(hostile, { jobIdPath: "constructor.prototype.id" }).jobId).toBe(null);
    expect(({} as Record<string, unknown>)["id"]).toBe(undefined);
  });
});
