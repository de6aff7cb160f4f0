// `npm run lint` must fail on each kind of violation it exists for. The tree is copied
// to a temporary directory (node_modules linked, not copied), one violation of each kind
// is planted there, and the same check `npm run lint` runs (scripts/lint-architecture.ts,
// in-process) must name each one; the untouched copy must pass. The formatting half of
// the lint is Prettier's own check, run on a planted badly formatted file.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkArchitecture } from "@/scripts/lint-architecture";

const ROOT = path.resolve(import.meta.dirname, "../..");
const COPIED = [
  "app",
  "components",
  "lib",
  "scripts",
  "proxy.ts",
  "tsconfig.json",
  "package.json",
  ".dependency-cruiser.mjs",
  ".prettierrc.json",
  ".prettierignore",
];

let copy: string;

function plant(file: string, source: string) {
  const target = path.join(copy, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, source);
}

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), "inbox-lint-"));
  for (const entry of COPIED)
    cpSync(path.join(ROOT, entry), path.join(copy, entry), {
      recursive: true,
      // Prisma's generated client is large and the rules never walk into it.
      filter: (source) => !source.includes(`${path.sep}generated`),
    });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("npm run lint", () => {
  it("passes on the tree as it is", async () => {
    const { problems } = await checkArchitecture(copy);
    expect(problems).toEqual([]);
  }, 180_000);

  it("fails on each planted layer violation, naming it", async () => {
    // A component importing a server action from app/.
    plant(
      "components/planted/imports-app.tsx",
      'import { signOutAction } from "@/app/login/actions";\nexport const planted = signOutAction;\n',
    );
    // A component reaching the DB client through a lib module that looks harmless.
    plant(
      "lib/planted/innocent.ts",
      'import { getDb } from "@/lib/db/client";\nexport const count = () => getDb().event.count();\n',
    );
    plant(
      "components/planted/reaches-db.tsx",
      'import { count } from "@/lib/planted/innocent";\nexport const planted = count;\n',
    );
    // lib importing components.
    plant(
      "lib/planted/imports-component.ts",
      'import { Badge } from "@/components/ui/badge";\nexport const planted = Badge;\n',
    );
    // A cycle between two lib folders (no cycle between files: a.ts -> b.ts, c.ts -> d.ts).
    plant("lib/planted-a/a.ts", 'import { b } from "@/lib/planted-b/b";\nexport const a = b;\n');
    plant("lib/planted-a/d.ts", "export const d = 1;\n");
    plant("lib/planted-b/b.ts", "export const b = 2;\n");
    plant("lib/planted-b/c.ts", 'import { d } from "@/lib/planted-a/d";\nexport const c = d;\n');

    // A client module in app/ reaching the DB (what `import "server-only"` stops at build
    // time), next to one that only imports a server action (allowed: a client bundle gets a
    // reference to the action, not its code).
    plant(
      "app/planted/client-form.tsx",
      '"use client";\n\nimport { count } from "@/lib/planted/innocent";\nexport const planted = count;\n',
    );
    plant(
      "app/planted/actions.ts",
      '"use server";\n\nimport { count } from "@/lib/planted/innocent";\nexport async function plantedAction() {\n  return count();\n}\n',
    );
    plant(
      "app/planted/action-form.tsx",
      '"use client";\n\nimport { plantedAction } from "./actions";\nexport const planted = plantedAction;\n',
    );
    // A component reaching the environment (server configuration, secrets).
    plant(
      "components/planted/reads-env.tsx",
      'import { getEnv } from "@/lib/env";\nexport const planted = getEnv;\n',
    );
    // A cycle between two modules.
    plant("lib/planted/cycle-a.ts", 'import { b } from "./cycle-b";\nexport const a = () => b;\n');
    plant("lib/planted/cycle-b.ts", 'import { a } from "./cycle-a";\nexport const b = () => a;\n');
    // Allowed: a data.ts module imports the client.
    plant(
      "lib/planted/data.ts",
      'import { getDb } from "@/lib/db/client";\nexport const rows = () => getDb().event.count();\n',
    );
    const { problems, folderCycles } = await checkArchitecture(copy);
    const named = (rule: string, from: string, to: string) =>
      problems.some((line) => line.startsWith(`${rule}: ${from} -> ${to}`));

    expect(named("components-import-no-app", "components/planted/imports-app.tsx", "app/")).toBe(
      true,
    );
    expect(
      named("components-never-reach-db", "components/planted/reaches-db.tsx", "lib/db/client.ts"),
    ).toBe(true);
    // lib/planted/innocent.ts is neither data.ts nor mutations.ts.
    expect(
      named("db-client-only-in-data-modules", "lib/planted/innocent.ts", "lib/db/client.ts"),
    ).toBe(true);
    expect(
      named(
        "lib-imports-no-app-or-components",
        "lib/planted/imports-component.ts",
        "components/ui/badge.tsx",
      ),
    ).toBe(true);
    expect(
      named(
        "client-never-reaches-server-modules",
        "app/planted/client-form.tsx",
        "lib/db/client.ts",
      ),
    ).toBe(true);
    expect(problems.some((line) => line.includes("app/planted/action-form.tsx"))).toBe(false);
    expect(
      named(
        "components-never-reach-env-or-secrets",
        "components/planted/reads-env.tsx",
        "lib/env.ts",
      ),
    ).toBe(true);
    expect(problems.some((line) => line.startsWith("no-module-cycles: lib/planted/cycle-"))).toBe(
      true,
    );
    expect(problems.some((line) => line.includes("lib/planted/data.ts"))).toBe(false);
    expect(folderCycles.map((cycle) => cycle.folders)).toContainEqual([
      "lib/planted-a",
      "lib/planted-b",
    ]);
    expect(problems.some((line) => line.startsWith("lib-folder-cycle: lib/planted-a"))).toBe(true);
    // Nothing else: the planted files are the only problems.
    expect(problems.filter((line) => !line.includes("planted"))).toEqual([]);
  }, 180_000);

  it("fails on a badly formatted file, naming it", () => {
    plant("lib/planted/ugly.ts", "export const   ugly = {a:1,\n  b:2}\n");
    plant("lib/planted/tidy.ts", "export const tidy = { a: 1, b: 2 };\n");
    // The same CLI and config `npm run lint` uses, on the planted folder only (the whole
    // tree takes seconds and is checked by the lint itself).
    const check = spawnSync(
      path.join(copy, "node_modules/.bin/prettier"),
      ["--check", "lib/planted"],
      {
        cwd: copy,
        encoding: "utf8",
      },
    );
    expect(check.status).not.toBe(0);
    expect(check.stdout + check.stderr).toContain("lib/planted/ugly.ts");
    expect(check.stdout + check.stderr).not.toContain("lib/planted/tidy.ts");
  });
});
