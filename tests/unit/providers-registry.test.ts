import { describe, expect, it } from "vitest";
import { getPreset, providerPresets } from "@/lib/providers/registry";
import { providerIds } from "@/lib/providers/schema";
import { verificationConfigSchema } from "@/lib/verify/schema";

describe("provider registry", () => {
  it("has exactly one preset per provider id, filed under its own id", () => {
    expect(Object.keys(providerPresets).sort()).toStrictEqual([...providerIds].sort());
    for (const id of providerIds) expect(getPreset(id).id).toBe(id);
  });

  it("gives every preset a default verification the endpoint schema accepts unchanged", () => {
    for (const id of providerIds) {
      const { defaultVerification } = getPreset(id);
      expect(verificationConfigSchema.parse(defaultVerification)).toStrictEqual(
        defaultVerification,
      );
    }
  });

  it("marks only standard-webhooks and generic as configurable", () => {
    const configurable = providerIds.filter((id) => getPreset(id).isConfigurable);
    expect(configurable).toStrictEqual(["standard-webhooks", "generic"]);
  });

  it("gives every preset a distinct label", () => {
    const labels = providerIds.map((id) => getPreset(id).label);
    expect(new Set(labels).size).toBe(providerIds.length);
  });
});
