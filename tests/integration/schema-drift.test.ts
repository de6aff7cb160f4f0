// Migrations are hand-written SQL (the Prisma CLI cannot diff or migrate offline, see
// DESIGN.md §6), so nothing but this test notices when schema.prisma and
// prisma/migrations drift apart. A failure lists every line that differs, e.g.
// "missing in database: column events.job_id text null".
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { diffShapes, expectedShapeFromPrisma, introspectDatabase, type SchemaShape } from "@/tests/support/schema-introspection";

const root = path.resolve(import.meta.dirname, "../..");

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
    expect(diffShapes(expected, migrated), "schema.prisma and the migrated database disagree").toEqual([]);
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
