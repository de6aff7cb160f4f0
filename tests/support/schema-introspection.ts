// Drift guard support: describes a database schema as a sorted list of lines such as
// "column events.job_id text null", once from the migrated database's catalog and once
// from schema.prisma (following the SQL `prisma migrate` would generate for PostgreSQL).
// Migrations are hand-written because the Prisma CLI cannot run here (DESIGN.md §6), so
// comparing the two lists is what keeps schema.prisma and prisma/migrations in step.
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";

/** Sorted, de-duplicated description lines ("table ...", "column ...", "enum ...", "index ...", "foreign key ..."). */
export type SchemaShape = string[];

const BOOKKEEPING_TABLE = "_prisma_migrations";
/** PostgreSQL's NAMEDATALEN - 1; Prisma truncates generated names to fit it. */
const MAX_IDENTIFIER_LENGTH = 63;

const toShape = (lines: Iterable<string>): SchemaShape => [...new Set(lines)].sort();

function column(
  table: string,
  name: string,
  type: string,
  nullable: boolean,
  hasDefault: boolean,
): string {
  return `column ${table}.${name} ${type} ${nullable ? "null" : "not null"}${hasDefault ? " default" : ""}`;
}

function index(
  table: string,
  name: string,
  kind: "primary" | "unique" | "",
  method: string,
  columns: string[],
  predicate: string | null,
): string {
  const where = predicate ? ` where ${predicate}` : "";
  return `index ${table}.${name} ${kind ? `${kind} ` : ""}${method} (${columns.join(", ")})${where}`;
}

function foreignKey(
  table: string,
  name: string,
  columns: string[],
  refTable: string,
  refColumns: string[],
  onDelete: string,
  onUpdate: string,
): string {
  return `foreign key ${table}.${name} (${columns.join(", ")}) -> ${refTable} (${refColumns.join(", ")}) on delete ${onDelete} on update ${onUpdate}`;
}

/** Lines expected but absent ("missing in database") and present but unexpected. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const have = new Set(actual);
  const want = new Set(expected);
  return [
    ...expected.filter((line) => !have.has(line)).map((line) => `missing in database: ${line}`),
    ...actual.filter((line) => !want.has(line)).map((line) => `unexpected in database: ${line}`),
  ];
}

// ---------------------------------------------------------------------------
// Database side

/** format_type() spellings -> the short names Prisma uses in @db.* (timestamptz(3), varchar(n) ...). */
const PG_TYPE_ALIASES: [RegExp, string][] = [
  [/^timestamp(\(\d+\))? with time zone$/, "timestamptz$1"],
  [/^timestamp(\(\d+\))? without time zone$/, "timestamp$1"],
  [/^time(\(\d+\))? with time zone$/, "timetz$1"],
  [/^time(\(\d+\))? without time zone$/, "time$1"],
  [/^character varying/, "varchar"],
  [/^character/, "char"],
  [/^bit varying/, "varbit"],
];

function unquote(identifier: string): string {
  const quoted = /^"(.*)"$/.exec(identifier);
  return quoted?.[1] !== undefined ? quoted[1].replaceAll('""', '"') : identifier;
}

function normalizePgType(formatted: string): string {
  const list = formatted.endsWith("[]");
  let base = unquote(list ? formatted.slice(0, -2) : formatted);
  for (const [pattern, replacement] of PG_TYPE_ALIASES) base = base.replace(pattern, replacement);
  return list ? `${base}[]` : base;
}

const PG_REFERENTIAL_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

export async function introspectDatabase(connectionString: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const params = [BOOKKEEPING_TABLE];
    const tables = await client.query<{ table: string }>(
      `SELECT c.relname::text AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1`,
      params,
    );
    const columns = await client.query<{
      table: string;
      name: string;
      type: string;
      not_null: boolean;
      has_default: boolean;
    }>(
      `SELECT c.relname::text AS table, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS not_null, (a.atthasdef OR a.attidentity <> '') AS has_default
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 AND a.attnum > 0 AND NOT a.attisdropped`,
      params,
    );
    const enums = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    // Per key column: its definition and whether it is DESC (bit 0 of indoption).
    const indexes = await client.query<{
      table: string;
      name: string;
      primary: boolean;
      unique: boolean;
      method: string;
      columns: string[];
      descending: boolean[];
      predicate: string | null;
    }>(
      `SELECT t.relname::text AS table, i.relname::text AS name, x.indisprimary AS primary, x.indisunique AS unique,
              am.amname::text AS method,
              array(SELECT pg_get_indexdef(x.indexrelid, k + 1, true) FROM generate_series(0, x.indnkeyatts - 1) k ORDER BY k) AS columns,
              array(SELECT (x.indoption[k]::int & 1) = 1 FROM generate_series(0, x.indnkeyatts - 1) k ORDER BY k) AS descending,
              pg_get_expr(x.indpred, x.indrelid) AS predicate
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
       WHERE n.nspname = 'public' AND t.relname <> $1`,
      params,
    );
    const foreignKeys = await client.query<{
      table: string;
      name: string;
      columns: string[];
      ref_table: string;
      ref_columns: string[];
      on_delete: string;
      on_update: string;
    }>(
      `SELECT t.relname::text AS table, con.conname::text AS name, r.relname::text AS ref_table,
              array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
              array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
              con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE con.contype = 'f' AND n.nspname = 'public'`,
    );

    const action = (code: string) => PG_REFERENTIAL_ACTIONS[code] ?? `unknown action ${code}`;
    return toShape([
      ...tables.rows.map((t) => `table ${t.table}`),
      ...columns.rows.map((c) =>
        column(c.table, c.name, normalizePgType(c.type), !c.not_null, c.has_default),
      ),
      ...enums.rows.map((e) => `enum ${e.name} (${e.values.join(", ")})`),
      ...indexes.rows.map((i) =>
        index(
          i.table,
          i.name,
          i.primary ? "primary" : i.unique ? "unique" : "",
          i.method,
          i.columns.map((def, k) => unquote(def) + (i.descending[k] ? " DESC" : "")),
          i.predicate,
        ),
      ),
      ...foreignKeys.rows.map((f) =>
        foreignKey(
          f.table,
          f.name,
          f.columns,
          f.ref_table,
          f.ref_columns,
          action(f.on_delete),
          action(f.on_update),
        ),
      ),
    ]);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------
// schema.prisma side (the subset of Prisma's DMMF this comparison reads)

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt?: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
};
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
};
type Dmmf = { datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] } };

/** Prisma's column type for a field without @db.* on PostgreSQL. */
const PRISMA_SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Bytes: "bytea",
};

/** @db.<Name> -> PostgreSQL type name (arguments are appended as written). */
const PRISMA_NATIVE_TYPES: Record<string, string> = {
  Text: "text",
  VarChar: "varchar",
  Char: "char",
  Uuid: "uuid",
  Xml: "xml",
  Inet: "inet",
  Citext: "citext",
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  Oid: "oid",
  DoublePrecision: "double precision",
  Real: "real",
  Decimal: "numeric",
  Money: "money",
  Boolean: "boolean",
  Timestamp: "timestamp",
  Timestamptz: "timestamptz",
  Date: "date",
  Time: "time",
  Timetz: "timetz",
  Json: "json",
  JsonB: "jsonb",
  ByteA: "bytea",
  Bit: "bit",
  VarBit: "varbit",
};

/** @default functions that become a DB default; cuid(), uuid(), nanoid() ... are filled in by the client. */
const DB_DEFAULT_FUNCTIONS = new Set(["now", "autoincrement", "dbgenerated", "sequence"]);

/** Prisma's referential action names -> SQL. */
const PRISMA_REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`schema-introspection: ${what} not found in DMMF`);
  return value;
}

/** Prisma's default constraint names: "<table>_<columns>_<suffix>", truncated to fit 63 bytes. */
function conventionalName(
  table: string,
  columns: string[],
  suffix: "pkey" | "key" | "idx" | "fkey",
): string {
  const base = [table, ...(suffix === "pkey" ? [] : columns)].join("_");
  return base.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length - 1) + "_" + suffix;
}

function hasDbDefault(field: DmmfField): boolean {
  const value = field.default;
  if (value === undefined) return false; // includes @updatedAt alone: set by the client, no DB default
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "name" in value) {
    return DB_DEFAULT_FUNCTIONS.has(String(value.name));
  }
  return true; // literal or list default
}

function columnType(field: DmmfField, enums: DmmfEnum[]): string {
  let type: string;
  if (field.kind === "enum") {
    const enumDef = required(
      enums.find((e) => e.name === field.type),
      `enum ${field.type}`,
    );
    type = enumDef.dbName ?? enumDef.name;
  } else if (field.nativeType) {
    const [name, args] = field.nativeType;
    const base = PRISMA_NATIVE_TYPES[name] ?? name.toLowerCase();
    type = args.length > 0 ? `${base}(${args.join(",")})` : base;
  } else {
    type = PRISMA_SCALAR_TYPES[field.type] ?? `unsupported ${field.type}`;
  }
  return field.isList ? `${type}[]` : type;
}

export function expectedShapeFromPrisma(schemaText: string): SchemaShape {
  const dmmf = JSON.parse(
    get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]] })),
  ) as Dmmf;
  const { models, enums, indexes } = dmmf.datamodel;
  const modelNamed = (name: string) =>
    required(
      models.find((m) => m.name === name),
      `model ${name}`,
    );
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = required(
      model.fields.find((f) => f.name === fieldName),
      `field ${model.name}.${fieldName}`,
    );
    return field.dbName ?? field.name;
  };

  const lines: string[] = enums.map(
    (e) => `enum ${e.dbName ?? e.name} (${e.values.map((v) => v.dbName ?? v.name).join(", ")})`,
  );

  for (const model of models) {
    const table = tableOf(model);
    lines.push(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === "scalar" || field.kind === "enum") {
        // Prisma never emits NOT NULL for scalar lists, even when the field is required.
        const nullable = field.isList || !field.isRequired;
        lines.push(
          column(
            table,
            field.dbName ?? field.name,
            columnType(field, enums),
            nullable,
            hasDbDefault(field),
          ),
        );
      }
      if (
        field.kind === "object" &&
        field.relationFromFields &&
        field.relationFromFields.length > 0
      ) {
        const target = modelNamed(field.type);
        const columns = field.relationFromFields.map((f) => columnOf(model, f));
        // Prisma's defaults: Restrict (required relation) or SetNull (optional) on delete, Cascade on update.
        const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
        const onUpdate = field.relationOnUpdate ?? "Cascade";
        lines.push(
          foreignKey(
            table,
            conventionalName(table, columns, "fkey"),
            columns,
            tableOf(target),
            (field.relationToFields ?? []).map((f) => columnOf(target, f)),
            PRISMA_REFERENTIAL_ACTIONS[onDelete] ?? onDelete,
            PRISMA_REFERENTIAL_ACTIONS[onUpdate] ?? onUpdate,
          ),
        );
      }
    }
  }

  for (const idx of indexes) {
    const model = modelNamed(idx.model);
    const table = tableOf(model);
    const columns = idx.fields.map((f) => columnOf(model, f.name));
    const kind = idx.type === "id" ? "primary" : idx.type === "unique" ? "unique" : "";
    const suffix = idx.type === "id" ? "pkey" : idx.type === "unique" ? "key" : "idx";
    const described = idx.fields.map(
      (f, k) => `${columns[k]}${f.sortOrder === "desc" ? " DESC" : ""}`,
    );
    const method = (idx.algorithm ?? "btree").toLowerCase();
    lines.push(
      index(
        table,
        idx.dbName ?? conventionalName(table, columns, suffix),
        kind,
        method,
        described,
        null,
      ),
    );
  }
  return toShape(lines);
}
