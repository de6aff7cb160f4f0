// The path of another entry point next to the module that asks: the TypeScript source
// under `npm run dev` (scripts/*.ts through tsx), the compiled entry under `npm start`
// (dist/*.js, scripts/build.mjs). The caller passes its own import.meta, because after
// bundling it is the caller's output file that sits beside the other entries.
import path from "node:path";

export function entryBeside(meta: ImportMeta, name: string): string {
  return path.join(meta.dirname, `${name}${path.extname(meta.filename)}`);
}
