import { describe, expect, it } from "vitest";
import {
  cutoffOf,
  retentionWindow,
  settingOfStored,
  storedOfSetting,
} from "@/lib/retention/policy";
import { retentionSettingSchema } from "@/lib/retention/schema";

const defaults = { days: 30, failedDays: 7 };

describe("retention windows", () => {
  it("NULL follows the defaults, 0 keeps forever, N is N days", () => {
    expect(retentionWindow(null, defaults)).toEqual({ days: 30, failedDays: 7 });
    expect(retentionWindow(0, defaults)).toEqual({ days: null, failedDays: null });
    expect(retentionWindow(90, defaults)).toEqual({ days: 90, failedDays: 7 });
  });

  it("failed deliveries never stay longer than the endpoint's own window", () => {
    expect(retentionWindow(3, defaults)).toEqual({ days: 3, failedDays: 3 });
  });

  it("maps the API's setting to the column and back", () => {
    for (const setting of ["default", null, 1, 14, 36_500] as const)
      expect(settingOfStored(storedOfSetting(setting))).toBe(setting);
    expect(storedOfSetting("default")).toBe(null);
    expect(storedOfSetting(null)).toBe(0);
  });

  it("takes days, null or 'default' and nothing else", () => {
    for (const ok of [1, 30, 36_500, null, "default"])
      expect(retentionSettingSchema.safeParse(ok).success, String(ok)).toBe(true);
    for (const bad of [0, -1, 2.5, 36_501, "forever", "30", undefined])
      expect(retentionSettingSchema.safeParse(bad).success, String(bad)).toBe(false);
  });

  it("the cutoff is that many days before now; forever has none", () => {
    const now = new Date("2026-12-03T12:00:00Z");
    expect(cutoffOf(30, now)?.toISOString()).toBe("2026-11-03T12:00:00.000Z");
    expect(cutoffOf(null, now)).toBe(null);
  });
});
