// The CLI's API types (lib/cli/api-types.ts) are generated from the contract; this fails
// while the committed file differs from a fresh generation, so a route or schema change
// cannot leave the CLI typed against yesterday's API.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, generateApiTypes } from "@/scripts/generate-api-types";

describe("lib/cli/api-types.ts", () => {
  // Generation formats with prettier: seconds on a loaded machine, not a timed assertion.
  it(
    "equals a fresh generation from the OpenAPI document (else: npx tsx scripts/generate-api-types.ts)",
    { timeout: 60_000 },
    async () => {
      const fresh = await generateApiTypes();
      expect(fresh).toContain('"/api/endpoints/{id}/jobs"');
      expect(readFileSync(API_TYPES_FILE, "utf8")).toBe(fresh);
    },
  );
});
