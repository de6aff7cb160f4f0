// Migrations are hand-written SQL (the Prisma CLI cannot diff or migrate offline, see
// DESIGN.md §6), so nothing but this test notices when schema.prisma and
// prisma/migrations drift apart. A failure lists every line that differs, e.g.
// "missing in database: column events.job_id text null".
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import {
  diffShapes,
  expectedShapeFromPrisma,
  introspectDatabase,
  type SchemaShape,
} from "@/tests/support/schema-introspection";

const root = path.resolve(import.meta.dirname, "../..");

/** Indexes Prisma cannot express (on an expression), named in schema.prisma comments. */
function sqlOnlyIndexes(schema: string): string[] {
  return [...schema.matchAll(/^\/\/ sql-only index: (\w+)/gm)].map((match) => match[1] ?? "");
}

describe("schema.prisma and prisma/migrations", () => {
  let schemaText: string;
  let migrated: SchemaShape;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    schemaText = await readFile(path.join(root, "prisma/schema.prisma"), "utf8");
    const db = await createFreshDatabase("drift");
    drop = db.drop;
    await applyMigrations(db.url, path.join(root, "prisma/migrations"));
    migrated = await introspectDatabase(db.url);
  });
  afterAll(async () => {
    await drop?.();
  });

  it("describe the same tables, columns, enums, indexes and foreign keys", () => {
    const expected = expectedShapeFromPrisma(schemaText);
    // Sanity: an empty shape on both sides would make the comparison vacuous.
    expect(expected.filter((line) => line.startsWith("table "))).not.toEqual([]);
    const sqlOnly = sqlOnlyIndexes(schemaText);
    const comparable = migrated.filter(
      (line) => !sqlOnly.some((name) => new RegExp(`^index \\w+\\.${name} `).test(line)),
    );
    expect(
      diffShapes(expected, comparable),
      "schema.prisma and the migrated database disagree",
    ).toEqual([]);
  });

  it("has every index that schema.prisma declares as SQL-only", () => {
    const sqlOnly = sqlOnlyIndexes(schemaText);
    expect(sqlOnly).toContain("events_payload_trgm_idx");
    for (const name of sqlOnly) {
      expect(
        migrated.some((line) => new RegExp(`^index \\w+\\.${name} `).test(line)),
        `index ${name} is missing`,
      ).toBe(true);
    }
  });

  it("detects a column missing from the migrations", () => {
    // Same schema with one extra field that no migration creates (in memory only).
    const modified = schemaText.replace(/^model Endpoint \{\n/m, "$&  driftProbe String?\n");
    expect(modified).not.toBe(schemaText);
    expect(diffShapes(expectedShapeFromPrisma(modified), migrated)).toContain(
      "missing in database: column endpoints.driftProbe text null",
    );
  });
});
