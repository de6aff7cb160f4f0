// Hostile input, issue 10 item 1: a stored secret goes only where it was entered for.
// Whoever can change a setting (or holds a leaked token that can) must not be able to
// point a stored provider API key, destination signing secret or alert URL at their
// own server without typing the secret again. Real servers on 127.0.0.1: a fake
// provider status API and an "attacker" on another port (another origin).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyHmac } from "@/lib/verify/hmac";
import { apiJson, createEndpoint, sendCallback } from "@/tests/support/api";
import { bearerHeaders, scriptixHeaders } from "@/tests/support/callbacks-signing";
import { descriptJob } from "@/tests/support/callbacks-payloads";
import { startReceiver, type Receiver } from "@/tests/support/receiver";

type ApiError = { error: { code: string; message: string } };
type PollingSettings = {
  baseUrl: string;
  credentialHeader: string | null;
  credentialPrefix: string;
  hasCredential: boolean;
};

const PROVIDER_KEY = "descript-api-key-bound-0123456789";
const CALLBACK_TOKEN = "descript-callback-token-bound-0123";

let provider: Receiver;
let attacker: Receiver;

beforeAll(async () => {
  provider = await startReceiver();
  attacker = await startReceiver();
  // Both answer like Descript's GET /v1/jobs/{id}: the attacker's server is a convincing fake.
  const answer = (path: string) => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(
      descriptJob({ jobId: path.split("/").at(-1) ?? "", result: { status: "success" } }),
    ),
  });
  provider.respond = (request) => answer(request.path);
  attacker.respond = (request) => answer(request.path);
});

afterAll(async () => {
  await provider?.close();
  await attacker?.close();
});

const origin = (receiver: Receiver) => receiver.url("");
const sentTheKey = (receiver: Receiver) =>
  receiver.requests.filter((r) => r.headers.some(([, value]) => value.includes(PROVIDER_KEY)));

function putPolling(endpointId: string, body: Record<string, unknown>) {
  return apiJson<PollingSettings & ApiError>(`/api/endpoints/${endpointId}/polling`, {
    method: "PUT",
    body: JSON.stringify(body),
  });
}

/** A Descript endpoint whose polling key was entered for the fake provider, and a job of it. */
async function polledDescriptJob(): Promise<{
  endpointId: string;
  jobId: string;
  settings: Record<string, unknown>;
}> {
  const endpoint = await createEndpoint({
    name: `bound-${randomUUID()}`,
    provider: "descript",
    verification: { scheme: "token", header: "authorization" },
    secrets: [CALLBACK_TOKEN],
  });
  const settings = {
    baseUrl: origin(provider),
    pathTemplate: "/v1/jobs/{jobId}",
    credentialHeader: "Authorization",
    credentialPrefix: "Bearer ",
  };
  const put = await putPolling(endpoint.id, { ...settings, credential: PROVIDER_KEY });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const externalId = `dsc-${randomUUID()}`;
  const accepted = await sendCallback(
    endpoint,
    JSON.stringify({ job_id: externalId, job_type: "import/project_media", job_state: "running" }),
    { headers: bearerHeaders(CALLBACK_TOKEN) },
  );
  expect(accepted.status).toBe(200);
  const { eventId } = (await accepted.json()) as { eventId: string };
  const event = await apiJson<{ jobId: string }>(`/api/events/${eventId}`);
  return { endpointId: endpoint.id, jobId: event.body.jobId, settings };
}

describe("the provider API key stays with the status API it was entered for", () => {
  it("refuses a new origin without the key (400 saying why), so a poll never sends the key to the new server", async () => {
    const { endpointId, jobId, settings } = await polledDescriptJob();
    const before = sentTheKey(attacker).length;

    // The exploit: point the status API at another server without the key, then poll.
    const moved = await putPolling(endpointId, { ...settings, baseUrl: origin(attacker) });
    const polled = await apiJson(`/api/jobs/${jobId}/poll`, { method: "POST" });
    expect(sentTheKey(attacker), "the attacker's server got the API key").toHaveLength(before);

    expect(moved.status, JSON.stringify(moved.body)).toBe(400);
    expect(moved.body.error.code).toBe("validation_failed");
    expect(moved.body.error.message).toContain(
      `the API key was entered for ${origin(provider)}; enter it again to send it to ${origin(attacker)}`,
    );
    // The poll went where the key was entered for.
    expect(polled.status, JSON.stringify(polled.body)).toBe(200);
    expect(sentTheKey(provider).at(-1)?.path).toMatch(/^\/v1\/jobs\//);
    expect(
      (await apiJson<PollingSettings>(`/api/endpoints/${endpointId}/polling`)).body.baseUrl,
    ).toBe(origin(provider));
  });

  it("refuses a new credential header or prefix without the key: the key would go out under another name", async () => {
    const { endpointId, settings } = await polledDescriptJob();
    const header = await putPolling(endpointId, {
      ...settings,
      credentialHeader: "X-Forwarded-Key",
    });
    expect(header.status).toBe(400);
    expect(header.body.error.message).toMatch(
      /the API key was entered to be sent in the authorization header.*enter it again/,
    );
    const prefix = await putPolling(endpointId, { ...settings, credentialPrefix: "Token " });
    expect(prefix.status).toBe(400);
    expect(prefix.body.error.message).toMatch(/prefix.*enter it again/);
    // Also when the credential header is switched off: the key would be kept for no header.
    expect((await putPolling(endpointId, { ...settings, credentialHeader: null })).status).toBe(
      400,
    );
  });

  it("keeps the key for changes within the same origin, header and prefix", async () => {
    const { endpointId, jobId, settings } = await polledDescriptJob();
    const samePlace = await putPolling(endpointId, {
      ...settings,
      baseUrl: `${origin(provider)}/`,
      pathTemplate: "/v1/jobs/{jobId}?full=1",
      credentialHeader: "AUTHORIZATION",
      expectTerminalMinutes: 30,
    });
    expect(samePlace.status, JSON.stringify(samePlace.body)).toBe(200);
    expect(samePlace.body.hasCredential).toBe(true);
    expect((await apiJson(`/api/jobs/${jobId}/poll`, { method: "POST" })).status).toBe(200);
    expect(
      provider.header(
        sentTheKey(provider).at(-1) ?? { method: "", path: "", headers: [], body: Buffer.alloc(0) },
        "authorization",
      ),
    ).toBe(`Bearer ${PROVIDER_KEY}`);
  });

  it("moves with a key entered again, or drops it", async () => {
    const { endpointId, jobId, settings } = await polledDescriptJob();
    const otherKey = "key-for-the-other-server-0123";
    const reentered = await putPolling(endpointId, {
      ...settings,
      baseUrl: origin(attacker),
      credential: otherKey,
    });
    expect(reentered.status, JSON.stringify(reentered.body)).toBe(200);
    await apiJson(`/api/jobs/${jobId}/poll`, { method: "POST" });
    const last = attacker.requests.at(-1);
    expect(last && attacker.header(last, "authorization")).toBe(`Bearer ${otherKey}`);
    expect(sentTheKey(attacker)).toHaveLength(0);

    const dropped = await putPolling(endpointId, { ...settings, credential: null });
    expect(dropped.status, JSON.stringify(dropped.body)).toBe(200);
    expect(dropped.body.hasCredential).toBe(false);
  });
});

describe("a destination's signing secret stays with the origin it was entered for", () => {
  type Destination = { id: string; url: string; hasSigningSecret: boolean };
  const patch = (endpointId: string, id: string, body: Record<string, unknown>) =>
    apiJson<Destination & ApiError>(`/api/endpoints/${endpointId}/destinations/${id}`, {
      method: "PATCH",
      body: JSON.stringify(body),
    });

  it("refuses a URL on another origin without the secret, and a forward then still goes to the old one", async () => {
    const secret = "receiver-secret-bound-0123";
    const scriptixSecret = "scriptix-secret-bound-0123";
    const endpoint = await createEndpoint({
      name: `dst-bound-${randomUUID()}`,
      provider: "scriptix",
      secrets: [scriptixSecret],
    });
    const created = await apiJson<Destination>(`/api/endpoints/${endpoint.id}/destinations`, {
      method: "POST",
      body: JSON.stringify({
        url: provider.url("/hooks/a"),
        resign: "provider",
        signingSecret: secret,
      }),
    });
    expect(created.status).toBe(201);

    const moved = await patch(endpoint.id, created.body.id, { url: attacker.url("/steal") });
    expect(moved.status, JSON.stringify(moved.body)).toBe(400);
    expect(moved.body.error.code).toBe("validation_failed");
    expect(moved.body.error.message).toContain(
      `the signing secret was entered for ${origin(provider)}; enter it again to sign requests to ${origin(attacker)}`,
    );
    // Any path on the same origin is the same receiver.
    const samePlace = await patch(endpoint.id, created.body.id, { url: provider.url("/hooks/b") });
    expect(samePlace.status, JSON.stringify(samePlace.body)).toBe(200);
    expect(samePlace.body).toMatchObject({ url: provider.url("/hooks/b"), hasSigningSecret: true });

    const body = JSON.stringify({
      event: "transcription.completed",
      data: { id: randomUUID(), status: "completed" },
    });
    expect(
      (await sendCallback(endpoint, body, { headers: scriptixHeaders(scriptixSecret, body) }))
        .status,
    ).toBe(200);
    await expect
      .poll(() => provider.requests.filter((r) => r.path === "/hooks/b").length, {
        timeout: 20_000,
        interval: 100,
      })
      .toBe(1);
    expect(attacker.requests.filter((r) => r.path === "/steal")).toHaveLength(0);

    // Entered again (or removed), the URL may go anywhere.
    expect(
      (
        await patch(endpoint.id, created.body.id, {
          url: attacker.url("/new"),
          signingSecret: "another-secret-0123",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await patch(endpoint.id, created.body.id, {
          url: provider.url("/hooks/c"),
          resign: "none",
          signingSecret: null,
        })
      ).status,
    ).toBe(200);
    const signed = provider.requests.find((r) => r.path === "/hooks/b");
    const config = {
      scheme: "hmac",
      header: "x-scriptix-signature",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "sha256=",
    } as const;
    expect(
      signed &&
        verifyHmac({
          config,
          secrets: [secret],
          headers: signed.headers,
          body: signed.body,
          now: Date.now(),
        }).outcome,
    ).toBe("verified");
  });

  it("refuses it even while re-signing is off: the stored secret would follow the next switch", async () => {
    const endpoint = await createEndpoint({
      name: `dst-bound-${randomUUID()}`,
      provider: "generic",
    });
    const created = await apiJson<Destination>(`/api/endpoints/${endpoint.id}/destinations`, {
      method: "POST",
      body: JSON.stringify({
        url: provider.url("/hooks/off"),
        resign: "provider",
        signingSecret: "dormant-secret-0123",
      }),
    });
    expect((await patch(endpoint.id, created.body.id, { resign: "none" })).status).toBe(200);
    expect(
      (await patch(endpoint.id, created.body.id, { url: attacker.url("/later") })).status,
    ).toBe(400);
  });
});

describe("an alert channel's URL is its secret", () => {
  it("goes where it was entered for whatever else a PATCH changes; only a whole new URL moves it", async () => {
    const endpoint = await createEndpoint({
      name: `alert-bound-${randomUUID()}`,
      provider: "generic",
    });
    const created = await apiJson<{ id: string }>(`/api/endpoints/${endpoint.id}/alert-channels`, {
      method: "POST",
      body: JSON.stringify({ kind: "webhook", url: provider.url("/alerts/secret-path-0123") }),
    });
    expect(created.status).toBe(201);
    const channelPath = `/api/endpoints/${endpoint.id}/alert-channels/${created.body.id}`;
    // Everything a PATCH may carry except the URL, plus fields it does not take (kind, host).
    const patched = await apiJson(channelPath, {
      method: "PATCH",
      body: JSON.stringify({
        enabled: false,
        triggers: ["job.failed"],
        burstThreshold: 3,
        burstMinutes: 2,
        kind: "slack",
        host: "127.0.0.1",
        urlHint: attacker.url("/x"),
      }),
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await apiJson(`${channelPath}/test`, { method: "POST" })).status).toBe(200);
    expect(provider.requests.filter((r) => r.path === "/alerts/secret-path-0123")).toHaveLength(1);
    expect(
      attacker.requests.filter((r) => r.path.startsWith("/alerts") || r.path === "/x"),
    ).toHaveLength(0);

    expect(
      (
        await apiJson(channelPath, {
          method: "PATCH",
          body: JSON.stringify({ url: attacker.url("/alerts/new") }),
        })
      ).status,
    ).toBe(200);
    expect((await apiJson(`${channelPath}/test`, { method: "POST" })).status).toBe(200);
    expect(attacker.requests.filter((r) => r.path === "/alerts/new")).toHaveLength(1);
    expect(provider.requests.filter((r) => r.path === "/alerts/secret-path-0123")).toHaveLength(1);
  });
});
