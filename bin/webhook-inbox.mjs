#!/usr/bin/env node
// `webhook-inbox` (npx webhook-inbox ...): runs the TypeScript entry through tsx, a
// runtime dependency, with this package's tsconfig so its "@/..." imports resolve
// whatever directory the command is started from.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../scripts/webhook-inbox.ts");
