// Credential header values of stored deliveries at rest: rows stored in plain text
// before sealing existed are sealed after the next start, and a start with a new key
// (the old one in INBOX_SECRET_KEY_PREVIOUS) reseals the sealed ones, in batches, by the
// queue once the app listens (endpoint secrets, a few rows, are resealed before it
// listens: secrets-at-rest.test.ts).
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { json2videoDone } from "@/tests/support/callbacks-payloads";
import { bearerHeaders } from "@/tests/support/callbacks-signing";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { apiClient } from "@/tests/support/api";

const KEY_A = "headers-rest-key-a-0123456789abcdefghijklmn";
const KEY_B = "headers-rest-key-b-0123456789abcdefghijklmn";
const SERVER_START = 180_000;

let database: { url: string; drop(): Promise<void> };
let server: AppServer | undefined;

beforeAll(async () => {
  database = await createFreshDatabase("credential_headers_at_rest");
}, SERVER_START);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const sql = <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
  queryDatabase<R>(database.url, text, params);

const call = apiClient(() => {
  if (!server) throw new Error("no server");
  return server.baseUrl;
});

type Row = {
  id: string;
  event_id: string;
  credential_key: string | null;
  headers: Array<[string, string]>;
};
const rowOf = async (id: string): Promise<Row> => {
  const [row] = await sql<Row>(
    "SELECT id, event_id, credential_key, headers FROM deliveries WHERE id = $1",
    [id],
  );
  if (!row) throw new Error(`no delivery ${id}`);
  return row;
};
const authorizationOf = (row: Row) =>
  row.headers.find(([name]) => name.toLowerCase() === "authorization")?.[1] ?? "";
const keyIdOf = (sealed: string) => sealed.split(":")[2];

describe("credential headers at rest across restarts", () => {
  const secret = `j2v_${randomBytes(18).toString("hex")}`;
  const legacySecret = `legacy_${randomBytes(18).toString("hex")}`;
  const ids = { sealed: "", legacy: "", plainNoCredentials: "" };
  let firstKeyId = "";

  it(
    "seals at ingest with the current key, and names the key on the row",
    async () => {
      server = await startAppServer(database.url, { INBOX_SECRET_KEY: KEY_A });
      const endpoint = (
        await call<{ id: string; key: string }>("/api/endpoints", {
          method: "POST",
          body: JSON.stringify({ name: "tokens", provider: "json2video", secrets: [secret] }),
        })
      ).body;
      const send = async (headers: Record<string, string>) => {
        const answer = await call<{ deliveryId: string }>(`/in/${endpoint.key}`, {
          method: "POST",
          body: JSON.stringify(json2videoDone(`movie-${randomUUID()}`)),
          headers,
        });
        expect(answer.status).toBe(200);
        return answer.body.deliveryId;
      };
      ids.sealed = await send(bearerHeaders(secret));
      ids.legacy = await send(bearerHeaders(secret));
      ids.plainNoCredentials = await send(bearerHeaders(secret));

      const sealed = await rowOf(ids.sealed);
      expect(authorizationOf(sealed)).toMatch(/^sealed:v1:/);
      firstKeyId = sealed.credential_key ?? "";
      expect(keyIdOf(authorizationOf(sealed))).toBe(firstKeyId);
      await server.stop();
      server = undefined;
    },
    SERVER_START,
  );

  it(
    "a restart with a new key seals rows stored in plain text before sealing and reseals the others",
    async () => {
      // As the migration leaves rows from before sealing: plain values, marked 'plain'.
      await sql(
        `UPDATE deliveries SET credential_key = 'plain', headers = $2::jsonb WHERE id = $1`,
        [
          ids.legacy,
          JSON.stringify([
            ["Content-Type", "application/json"],
            ["Authorization", `Bearer ${legacySecret}`],
            ["X-Note", "kept"],
          ]),
        ],
      );
      await sql(
        `UPDATE deliveries SET credential_key = 'plain', headers = $2::jsonb WHERE id = $1`,
        [ids.plainNoCredentials, JSON.stringify([["Content-Type", "application/json"]])],
      );

      server = await startAppServer(database.url, {
        INBOX_SECRET_KEY: KEY_B,
        INBOX_SECRET_KEY_PREVIOUS: KEY_A,
      });
      // The queue reseals them once the app listens: a key rotation at millions of rows
      // must not keep the ingest URL down while it runs.
      const started = server;
      await expect
        .poll(() => started.output(), { timeout: 60_000 })
        .toMatch(
          /"rows":3,[^\n]*"msg":"credential headers of stored deliveries sealed with the current key"/,
        );

      const [sealed, legacy, none] = await Promise.all([
        rowOf(ids.sealed),
        rowOf(ids.legacy),
        rowOf(ids.plainNoCredentials),
      ]);
      const newKeyId = sealed.credential_key ?? "";
      expect(newKeyId).not.toBe(firstKeyId);
      expect(newKeyId).not.toBe("plain");
      for (const row of [sealed, legacy]) {
        expect(row.credential_key).toBe(newKeyId);
        expect(keyIdOf(authorizationOf(row))).toBe(newKeyId);
      }
      expect(JSON.stringify(legacy.headers)).not.toContain(legacySecret);
      expect(legacy.headers.map(([name]) => name)).toEqual([
        "Content-Type",
        "Authorization",
        "X-Note",
      ]);
      expect(legacy.headers[2]).toEqual(["X-Note", "kept"]);
      expect(none.credential_key).toBeNull();
      expect(none.headers).toEqual([["Content-Type", "application/json"]]);

      // Still readable through the new key: masked in answers, revealed for an admin.
      const event = await call<{ deliveries: Array<{ headers: Array<[string, string]> }> }>(
        `/api/events/${legacy.event_id}`,
      );
      expect(JSON.stringify(event.body)).not.toContain(legacySecret);
      expect(event.body.deliveries.flatMap((d) => d.headers)).toContainEqual([
        "Authorization",
        `Bearer ••••${legacySecret.slice(-4)}`,
      ]);
      const revealed = await call<{ values: string[] }>(
        `/api/deliveries/${ids.legacy}/headers/reveal`,
        { method: "POST", body: JSON.stringify({ name: "Authorization" }) },
      );
      expect(revealed.body.values).toEqual([`Bearer ${legacySecret}`]);
      await server.stop();
      server = undefined;
    },
    SERVER_START,
  );
});
