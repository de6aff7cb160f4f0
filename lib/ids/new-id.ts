// Prefixed random ids (the prefixes and what each names: lib/ids/schema.ts): the prefix
// tells a reader what an id names in logs and support tickets; 120 random bits make
// them unguessable.
import { randomBytes } from "node:crypto";
import type { IdPrefix } from "./schema";

const ID_BYTES = 15;
// Each ingest mints three ids; one getrandom call per id showed up in profiles, so
// ids are cut from a pooled block of CSPRNG output, as crypto.randomUUID does.
const POOL_BYTES = ID_BYTES * 256;
let pool = Buffer.alloc(0);
let offset = 0;

export function newId(prefix: IdPrefix): string {
  if (offset + ID_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const bytes = pool.subarray(offset, (offset += ID_BYTES));
  return `${prefix}_${bytes.toString("base64url")}`;
}

/** The secret part of an ingest URL: 192 random bits, URL-safe. */
export function newEndpointKey(): string {
  return randomBytes(24).toString("base64url");
}
