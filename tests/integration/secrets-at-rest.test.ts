// Secrets are encrypted at rest with INBOX_SECRET_KEY: the database never holds a
// signing secret in plain text, verification and re-signing still work, a start with a
// new key (the old one in INBOX_SECRET_KEY_PREVIOUS) reseals everything, plain values
// from before encryption get sealed, and a start with an unknown key refuses to run.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import {
  newStandardWebhooksSecret,
  standardWebhooksHeaders,
} from "@/tests/support/callbacks-signing";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { apiClient } from "@/tests/support/api";

const KEY_A = "rest-test-key-a-0123456789abcdefghijklmnop";
const KEY_B = "rest-test-key-b-0123456789abcdefghijklmnop";

let database: { url: string; drop(): Promise<void> };
let server: AppServer | undefined;

beforeAll(async () => {
  database = await createFreshDatabase("secrets_at_rest");
}, 180_000);

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

/** The ingest's answer status to a callback signed with `secret` (401 = verification failed). */
async function signedCallbackStatus(key: string, secret: string): Promise<number> {
  const body = JSON.stringify({ type: "video.rendered", data: { id: randomUUID() } });
  return (
    await call(`/in/${key}`, {
      method: "POST",
      body,
      headers: standardWebhooksHeaders(secret, body),
    })
  ).status;
}

const keyIdOf = (sealed: string) => sealed.split(":")[2];
/** Each test starts (or fails to start) an app server: as slow as a beforeAll on a busy machine. */
const SERVER_START = 180_000;

describe("secrets at rest", () => {
  const secret = newStandardWebhooksSecret();
  const legacySecret = newStandardWebhooksSecret();
  const destinationSecret = newStandardWebhooksSecret();
  let endpoint: { id: string; key: string };
  let legacy: { id: string; key: string };
  let firstKeyId = "";

  it(
    "stores endpoint and destination secrets sealed, and still verifies with them",
    async () => {
      server = await startAppServer(database.url, { INBOX_SECRET_KEY: KEY_A });
      endpoint = (
        await call<{ id: string; key: string }>("/api/endpoints", {
          method: "POST",
          body: JSON.stringify({
            name: "sealed",
            provider: "standard-webhooks",
            secrets: [secret],
          }),
        })
      ).body;
      legacy = (
        await call<{ id: string; key: string }>("/api/endpoints", {
          method: "POST",
          body: JSON.stringify({
            name: "legacy",
            provider: "standard-webhooks",
            secrets: [legacySecret],
          }),
        })
      ).body;
      const created = await call(`/api/endpoints/${endpoint.id}/destinations`, {
        method: "POST",
        body: JSON.stringify({
          url: "http://127.0.0.1:9/hook",
          resign: "standard-webhooks",
          signingSecret: destinationSecret,
        }),
      });
      expect(created.status).toBe(201);

      const [row] = await sql<{ secrets: string[] }>(
        "SELECT secrets FROM endpoints WHERE id = $1",
        [endpoint.id],
      );
      const [destination] = await sql<{ signing_secret: string }>(
        "SELECT signing_secret FROM destinations WHERE endpoint_id = $1",
        [endpoint.id],
      );
      expect(row?.secrets).toHaveLength(1);
      const stored = row?.secrets[0] ?? "";
      expect(stored).toMatch(/^sealed:v1:/);
      expect(stored).not.toContain(secret.slice(6, 20));
      expect(destination?.signing_secret).toMatch(/^sealed:v1:/);
      expect(destination?.signing_secret).not.toContain(destinationSecret.slice(6, 20));
      firstKeyId = keyIdOf(stored) ?? "";

      expect(await signedCallbackStatus(endpoint.key, secret)).toBe(200);
      expect(await signedCallbackStatus(endpoint.key, newStandardWebhooksSecret())).toBe(401);
      await server.stop();
      server = undefined;
    },
    SERVER_START,
  );

  it(
    "reseals with a new key at start, and seals values stored in plain text before encryption existed",
    async () => {
      await sql("UPDATE endpoints SET secrets = ARRAY[$2]::text[] WHERE id = $1", [
        legacy.id,
        legacySecret,
      ]);
      server = await startAppServer(database.url, {
        INBOX_SECRET_KEY: KEY_B,
        INBOX_SECRET_KEY_PREVIOUS: KEY_A,
      });
      expect(server.output()).toMatch(
        /stored secrets sealed with the key from INBOX_SECRET_KEY: 3 rows/,
      );

      const rows = await sql<{ secrets: string[] }>(
        "SELECT secrets FROM endpoints WHERE id = ANY($1)",
        [[endpoint.id, legacy.id]],
      );
      const [destination] = await sql<{ signing_secret: string }>(
        "SELECT signing_secret FROM destinations WHERE endpoint_id = $1",
        [endpoint.id],
      );
      const values = [...rows.flatMap((r) => r.secrets), destination?.signing_secret ?? ""];
      expect(values).toHaveLength(3);
      const keyIds = new Set(values.map(keyIdOf));
      expect(keyIds.size).toBe(1);
      expect(keyIds.has(firstKeyId)).toBe(false);
      expect(values.every((v) => v.startsWith("sealed:v1:"))).toBe(true);

      expect(await signedCallbackStatus(endpoint.key, secret)).toBe(200);
      expect(await signedCallbackStatus(legacy.key, legacySecret)).toBe(200);
      expect(await signedCallbackStatus(legacy.key, newStandardWebhooksSecret())).toBe(401);
      await server.stop();
      server = undefined;
    },
    SERVER_START,
  );

  it(
    "refuses to start with a key that opens nothing stored, and says which variable to set",
    async () => {
      const started = startAppServer(database.url, {
        INBOX_SECRET_KEY: KEY_A,
        INBOX_SECRET_KEY_PREVIOUS: undefined,
      });
      await expect(started).rejects.toThrow(
        /neither INBOX_SECRET_KEY nor in INBOX_SECRET_KEY_PREVIOUS/,
      );
    },
    SERVER_START,
  );
});
