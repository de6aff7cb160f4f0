import { describe, expect, it } from "vitest";
import { durationMinutes, parseDuration } from "@/lib/cli/duration";

describe("--within durations", () => {
  it.each([
    ["90s", 90_000, 2],
    ["30m", 1_800_000, 30],
    ["2h", 7_200_000, 120],
    ["1d", 86_400_000, 1440],
    [" 45m ", 2_700_000, 45],
    ["60s", 60_000, 1],
  ])("%s is %d ms, %d whole minutes (rounded up)", (text, ms, minutes) => {
    expect(parseDuration(text)).toBe(ms);
    expect(durationMinutes(ms)).toBe(minutes);
  });

  it.each(["30", "m", "30 minutes", "1.5h", "-5m", "30M", "2w", "", "1h30m"])(
    "refuses %j",
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );
});
