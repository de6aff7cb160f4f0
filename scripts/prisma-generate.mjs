// `prisma generate` at install time, offline. The Prisma CLI insists on locating its
// native schema engine before any command, and fetching it fails without internet;
// generate never runs that engine, so pointing the variable at any existing file
// (this Node binary) lets it proceed.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
