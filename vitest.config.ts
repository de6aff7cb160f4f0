import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Builds the app if needed, starts a database and one shared app server.
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          // Its own database and app server (same set-up as integration), so what the
          // browser tests create never shows up in the API tests' lists and back.
          globalSetup: ["tests/support/global-setup.ts"],
          // Each file drives its own Chromium; two at once is what two cores take.
          maxWorkers: 2,
          // A page under a loaded CI machine can take seconds to render or reconnect its
          // live stream; expect.poll's 1 s default made such waits flaky, not stricter.
          expect: { poll: { timeout: 10_000 } },
          // After the integration tests (a project with its own maxWorkers needs its own
          // group), so the two app servers and browsers do not share two cores at once.
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
