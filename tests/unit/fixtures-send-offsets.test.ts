import { describe, expect, it } from "vitest";
import { sendOffsets } from "@/lib/fixtures/send-offsets";

const at = (iso: string) => new Date(`2025-01-01T${iso}Z`);

describe("sendOffsets", () => {
  it("spaces by the provider's timestamps when both callbacks carry different ones", () => {
    const items = [
      { providerTime: at("12:00:00"), receivedAt: at("12:00:01") },
      { providerTime: at("12:00:10"), receivedAt: at("12:00:10.500") },
      { providerTime: at("12:01:10"), receivedAt: at("12:01:11") },
    ];
    expect(sendOffsets(items)).toEqual([0, 10_000, 70_000]);
    expect(sendOffsets(items, 10)).toEqual([0, 1_000, 7_000]);
  });

  it("uses arrival times for a retry that shares its timestamp, and for callbacks without one", () => {
    expect(
      sendOffsets([
        { providerTime: at("12:00:00"), receivedAt: at("12:00:00") },
        { providerTime: at("12:00:00"), receivedAt: at("12:01:00") },
        { providerTime: null, receivedAt: at("12:06:00") },
      ]),
    ).toEqual([0, 60_000, 360_000]);
  });

  it("never goes back: a callback that arrived out of order follows the one before it at once", () => {
    expect(
      sendOffsets([
        { providerTime: null, receivedAt: at("12:00:05") },
        { providerTime: null, receivedAt: at("12:00:01") },
        { providerTime: null, receivedAt: at("12:00:09") },
      ]),
    ).toEqual([0, 0, 8_000]);
  });

  it("answers nothing for nothing", () => {
    expect(sendOffsets([])).toEqual([]);
  });
});
