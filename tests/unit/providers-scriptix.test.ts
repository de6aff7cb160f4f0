import { describe, expect, it } from "vitest";
import type { HeaderList } from "@/lib/http/header-list";
import { scriptixPreset } from "@/lib/providers/scriptix";
import { scriptixCompletedExample } from "@/tests/fixtures/provider-doc-examples";

// provider-docs/scriptix-webhooks.txt, verbatim.
const receiveExample = `{
"event": "transcription.completed",
"timestamp": "2025-01-17T10:30:00Z",
"data": {
"id": "stt_abc123",
"status": "completed",
"document_id": 456
}
}`;

const headers: HeaderList = [
  ["Content-Type", "application/json"],
  ["X-Scriptix-Signature", "sha256=abc123..."],
];

const extract = (payload: unknown) => scriptixPreset.extract({ payload, headers, config: null });

describe("scriptix preset", () => {
  it("declares its sha256= HMAC header", () => {
    expect(scriptixPreset.id).toBe("scriptix");
    expect(scriptixPreset.label).toBe("Scriptix");
    expect(scriptixPreset.defaultVerification).toEqual({
      scheme: "hmac",
      header: "x-scriptix-signature",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "sha256=",
    });
    expect(scriptixPreset.isConfigurable).toBe(false);
  });

  it("reads the documented transcription.completed payloads", () => {
    const expected = {
      jobId: "stt_abc123",
      eventType: "transcription.completed",
      state: "completed",
      outputUrl: null,
      error: null,
      providerTimestamp: new Date("2025-01-17T10:30:00.000Z"),
      dedupeKey: "scriptix:transcription.completed:stt_abc123",
      // "process_completed(job_id, document_id)": the transcript is fetched by document id.
      details: { documentId: 456 },
    };
    expect(extract(JSON.parse(receiveExample))).toStrictEqual(expected);
    expect(extract(JSON.parse(scriptixCompletedExample))).toStrictEqual(expected);
  });

  it("reads transcription.failed as failed, with an error when one is given", () => {
    const payload = {
      event: "transcription.failed",
      timestamp: "2025-01-17T10:31:00Z",
      data: { id: "stt_abc123", status: "failed", error: "unsupported audio codec" },
    };
    expect(extract(payload)).toStrictEqual({
      jobId: "stt_abc123",
      eventType: "transcription.failed",
      state: "failed",
      outputUrl: null,
      error: "unsupported audio codec",
      providerTimestamp: new Date("2025-01-17T10:31:00.000Z"),
      dedupeKey: "scriptix:transcription.failed:stt_abc123",
      details: null,
    });
  });

  it("keeps a document_id given as a string, and nothing that is not an id", () => {
    const read = (documentId: unknown) =>
      extract({ event: "transcription.completed", data: { id: "stt_1", document_id: documentId } })
        .details;
    expect(read("doc-9")).toStrictEqual({ documentId: "doc-9" });
    expect(read({ nested: 1 })).toBe(null);
    expect(read(Number.NaN)).toBe(null);
    expect(read("d".repeat(1_000))).toStrictEqual({ documentId: "d".repeat(200) });
    expect(
      extract({ event: "transcription.failed", data: { id: "stt_1", error_message: "too long" } })
        .error,
    ).toBe("too long");
  });

  it("lets the event decide over data.status", () => {
    expect(
      extract({ event: "transcription.failed", data: { id: "stt_1", status: "completed" } }).state,
    ).toBe("failed");
  });

  it("falls back to data.status for other events", () => {
    expect(
      extract({ event: "transcription.progress", data: { id: "stt_1", status: "processing" } })
        .state,
    ).toBe("processing");
    expect(extract({ data: { id: "stt_1", status: "queued" } }).state).toBe("queued");
    expect(
      extract({ event: "transcription.updated", data: { id: "stt_1", status: "mystery" } }).state,
    ).toBe(null);
    expect(extract({ event: "constructor", data: { id: "stt_1" } }).state).toBe(null);
  });

  it("reads a numeric id as a string", () => {
    const facts = extract({ event: "transcription.completed", data: { id: 456 } });
    expect(facts.jobId).toBe("456");
    expect(facts.dedupeKey).toBe("scriptix:transcription.completed:456");
  });

  it("leaves the dedupe key to the body hash when event or id is missing", () => {
    expect(extract({ data: { id: "stt_1", status: "completed" } }).dedupeKey).toBe(null);
    expect(extract({ event: "transcription.completed", data: { id: "" } }).dedupeKey).toBe(null);
    expect(extract({ event: "transcription.completed", data: { id: "" } }).jobId).toBe(null);
  });

  it("reads nothing from a non-JSON body", () => {
    expect(extract(undefined)).toStrictEqual({
      jobId: null,
      eventType: null,
      state: null,
      outputUrl: null,
      error: null,
      providerTimestamp: null,
      dedupeKey: null,
      details: null,
    });
  });

  it("caps a 1 MB id and error", () => {
    const facts = extract({
      event: "transcription.failed",
      data: { id: "i".repeat(1_048_576), error: "e".repeat(1_048_576) },
    });
    expect(facts.jobId).toBe("i".repeat(200));
    expect(facts.error).toBe("e".repeat(2_000));
    expect(facts.dedupeKey).toBe(`scriptix:transcription.failed:${"i".repeat(200)}`);
  });
});
