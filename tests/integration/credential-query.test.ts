// Credentials in the query string: a sender that authenticates with
// `/in/<key>?token=...` (or api_key, Azure Functions' code) hands us a secret as surely
// as one in an Authorization header. It is stored as received (the request byte for
// byte) but leaves the inbox masked: the event API, the delivery stream, the events
// export, the job fixture and the event page. The rest of the query stays as sent.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, createEndpoint, queryAppDb, sendCallback } from "@/tests/support/api";
import { clipzyJob } from "@/tests/support/callbacks-payloads";
import { signInCookie } from "@/tests/support/page-forms";
import { nextMessage, sseMessages } from "@/tests/support/sse";

const token = `tok_${randomBytes(16).toString("hex")}`;
const apiKey = `key_${randomBytes(16).toString("hex")}`;
const query = `job=7&token=${token}&q=%20x&API_KEY=${apiKey}`;
const shownQuery = `job=7&token=••••${token.slice(-4)}&q=%20x&API_KEY=••••${apiKey.slice(-4)}`;

let endpointId = "";
let eventId = "";
let deliveryId = "";
let jobId = "";

function expectNoSecretIn(text: string, where: string): void {
  for (const value of [token, apiKey])
    expect(text, `${where} contains a credential value`).not.toContain(value);
}

beforeAll(async () => {
  const endpoint = await createEndpoint({
    name: `query token ${randomUUID().slice(0, 8)}`,
    provider: "clipzy",
  });
  endpointId = endpoint.id;
  const response = await sendCallback(
    endpoint,
    JSON.stringify(clipzyJob(`q-${randomUUID()}`, "completed")),
    { subPath: `/done?${query}` },
  );
  expect(response.status).toBe(200);
  ({ deliveryId, eventId } = (await response.json()) as { deliveryId: string; eventId: string });
  const [job] = await queryAppDb<{ id: string }>("SELECT id FROM jobs WHERE endpoint_id = $1", [
    endpointId,
  ]);
  jobId = job?.id ?? "";
});

describe("credentials in a callback's query string", () => {
  it("are stored as received: the request byte for byte", async () => {
    const [row] = await queryAppDb<{ query: string }>(
      "SELECT query FROM deliveries WHERE id = $1",
      [deliveryId],
    );
    expect(row?.query).toBe(query);
  });

  it("GET /api/events/<id> shows them masked and names them", async () => {
    const response = await api(`/api/events/${eventId}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expectNoSecretIn(text, "GET /api/events/<id>");
    const [delivery] = (
      JSON.parse(text) as { deliveries: Array<{ query: string; maskedQueryParams: string[] }> }
    ).deliveries;
    expect(delivery?.query).toBe(shownQuery);
    expect(delivery?.maskedQueryParams).toEqual(["token", "api_key"]);
  });

  it("the events export and the job fixture carry them masked", async () => {
    const exported = await api(`/api/events/export?endpointId=${endpointId}`);
    expect(exported.status).toBe(200);
    const line = await exported.text();
    expectNoSecretIn(line, "the events export");
    expect(line).toContain(JSON.stringify(shownQuery));

    expect(jobId).not.toBe("");
    const fixture = await api(`/api/jobs/${jobId}/export`);
    expect(fixture.status).toBe(200);
    const text = await fixture.text();
    expectNoSecretIn(text, "the job fixture");
    expect(text).toContain(JSON.stringify(shownQuery));
  });

  it("the CLI's delivery stream sends them masked", async () => {
    const abort = new AbortController();
    try {
      const since = new Date(Date.now() - 10 * 60_000).toISOString();
      const response = await api(
        `/api/endpoints/${endpointId}/deliveries/stream?since=${encodeURIComponent(since)}`,
        { signal: abort.signal },
      );
      expect(response.status).toBe(200);
      if (!response.body) throw new Error("no body");
      const message = await nextMessage(
        sseMessages(response.body),
        (m) => m.event === "delivery" && m.data.includes(deliveryId),
      );
      expectNoSecretIn(message.data, "the delivery stream");
      expect(JSON.parse(message.data)).toMatchObject({
        query: shownQuery,
        maskedQueryParams: ["token", "api_key"],
      });
    } finally {
      abort.abort();
    }
  });

  it("the event page (its request line and curl command) shows them masked", async () => {
    const response = await fetch(`${baseUrl()}/events/${eventId}`, {
      headers: { cookie: await signInCookie(baseUrl()) },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expectNoSecretIn(html, "the event page");
    expect(html).toContain("/done?job=7&amp;token=••••");
  });
});
