// Every /api route and method, with the role it needs: the one table that drives the
// role tests (tests/integration/roles.test.ts) and the token tests
// (tests/integration/api-auth.test.ts). roles.test.ts fails when a route.ts under
// app/api exports a method that is missing here, so a new route cannot be forgotten.
//
// Each request is made against a fresh fixture (createRouteFixture) with real ids, so a
// route that skipped its check would answer 2xx or change data, never a lucky 404.
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import { apiJson, createEndpoint, queryAppDb, type CreatedEndpoint } from "./api";
import { ingestOk, jobOf } from "./callbacks-inbox";
import { clipzyJob } from "./callbacks-payloads";
import { createTestPerson } from "./people";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An endpoint with one event, delivery and job, a destination, an alert channel and polling settings. */
export type RouteFixture = {
  endpoint: CreatedEndpoint;
  eventId: string;
  deliveryId: string;
  jobId: string;
  destinationId: string;
  channelId: string;
  /** A bulk replay (of another endpoint's event, so its attempts never show in this fixture's state). */
  replayId: string;
  /** A receiver on 127.0.0.1 that answers 200: the target of replays, test alerts and polls. */
  receiverUrl: string;
  /** A member of the team with a personal token, and a pending invitation: what the team routes change. */
  teammate: { id: string; tokenId: string };
  invitationId: string;
};

export type RouteCase = {
  method: HttpMethod;
  /** The route's folder under app/, e.g. "/api/endpoints/[id]". */
  route: string;
  /**
   * "public": answers without any credential (probes, the JSON 404 of unknown paths).
   * "metrics": the metrics token or the operator token only; no person, whatever their role.
   */
  role: Role | "public" | "metrics";
  request: (f: RouteFixture) => { path: string; body?: unknown };
  /** An event stream: the status and headers are the answer; the body never ends. */
  stream?: true;
};

/** What POST /api/endpoints names the endpoint it creates, so the fixture's state counts it. */
export const createdEndpointName = (f: RouteFixture) =>
  `created by the role test for ${f.endpoint.id}`;

const ep = (f: RouteFixture) => `/api/endpoints/${f.endpoint.id}`;

export const apiRouteTable: RouteCase[] = [
  // Probes and unknown paths
  { method: "GET", route: "/api/health", role: "public", request: () => ({ path: "/api/health" }) },
  { method: "GET", route: "/api/ready", role: "public", request: () => ({ path: "/api/ready" }) },
  {
    method: "GET",
    route: "/api/openapi.json",
    role: "public",
    request: () => ({ path: "/api/openapi.json" }),
  },
  {
    method: "GET",
    route: "/api/metrics",
    role: "metrics",
    request: () => ({ path: "/api/metrics" }),
  },
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method): RouteCase => ({
    method,
    route: "/api/[...path]",
    role: "public",
    request: () => ({ path: "/api/no-such-route/deeper", body: method === "GET" ? undefined : {} }),
  })),

  // Endpoints and their settings: read by anyone, changed by admins
  {
    method: "GET",
    route: "/api/endpoints",
    role: "viewer",
    request: () => ({ path: "/api/endpoints" }),
  },
  {
    method: "POST",
    route: "/api/endpoints",
    role: "admin",
    request: (f) => ({
      path: "/api/endpoints",
      body: { name: createdEndpointName(f), provider: "clipzy" },
    }),
  },
  {
    method: "GET",
    route: "/api/endpoints/[id]",
    role: "viewer",
    request: (f) => ({ path: ep(f) }),
  },
  {
    method: "PATCH",
    route: "/api/endpoints/[id]",
    role: "admin",
    request: (f) => ({ path: ep(f), body: { name: "renamed by the role test" } }),
  },
  {
    method: "DELETE",
    route: "/api/endpoints/[id]",
    role: "admin",
    request: (f) => ({ path: ep(f) }),
  },
  {
    method: "GET",
    route: "/api/endpoints/[id]/usage",
    role: "viewer",
    request: (f) => ({ path: `${ep(f)}/usage` }),
  },
  {
    method: "GET",
    route: "/api/endpoints/[id]/deliveries/stream",
    role: "viewer",
    request: (f) => ({ path: `${ep(f)}/deliveries/stream` }),
    stream: true,
  },
  {
    method: "GET",
    route: "/api/endpoints/[id]/destinations",
    role: "viewer",
    request: (f) => ({ path: `${ep(f)}/destinations` }),
  },
  {
    method: "POST",
    route: "/api/endpoints/[id]/destinations",
    role: "admin",
    request: (f) => ({
      path: `${ep(f)}/destinations`,
      body: { url: f.receiverUrl, forward: "all" },
    }),
  },
  {
    method: "PATCH",
    route: "/api/endpoints/[id]/destinations/[destinationId]",
    role: "admin",
    request: (f) => ({
      path: `${ep(f)}/destinations/${f.destinationId}`,
      body: { enabled: false },
    }),
  },
  {
    method: "DELETE",
    route: "/api/endpoints/[id]/destinations/[destinationId]",
    role: "admin",
    request: (f) => ({ path: `${ep(f)}/destinations/${f.destinationId}` }),
  },
  {
    method: "GET",
    route: "/api/endpoints/[id]/alert-channels",
    role: "viewer",
    request: (f) => ({ path: `${ep(f)}/alert-channels` }),
  },
  {
    method: "POST",
    route: "/api/endpoints/[id]/alert-channels",
    role: "admin",
    request: (f) => ({
      path: `${ep(f)}/alert-channels`,
      body: { kind: "webhook", url: f.receiverUrl },
    }),
  },
  {
    method: "PATCH",
    route: "/api/endpoints/[id]/alert-channels/[channelId]",
    role: "admin",
    request: (f) => ({ path: `${ep(f)}/alert-channels/${f.channelId}`, body: { enabled: false } }),
  },
  {
    method: "DELETE",
    route: "/api/endpoints/[id]/alert-channels/[channelId]",
    role: "admin",
    request: (f) => ({ path: `${ep(f)}/alert-channels/${f.channelId}` }),
  },
  {
    method: "POST",
    route: "/api/endpoints/[id]/alert-channels/[channelId]/test",
    role: "admin",
    request: (f) => ({ path: `${ep(f)}/alert-channels/${f.channelId}/test` }),
  },
  {
    method: "GET",
    route: "/api/endpoints/[id]/polling",
    role: "viewer",
    request: (f) => ({ path: `${ep(f)}/polling` }),
  },
  {
    method: "PUT",
    route: "/api/endpoints/[id]/polling",
    role: "admin",
    request: (f) => ({
      path: `${ep(f)}/polling`,
      body: { baseUrl: new URL(f.receiverUrl).origin, pathTemplate: "/v2/jobs/{jobId}" },
    }),
  },
  {
    method: "DELETE",
    route: "/api/endpoints/[id]/polling",
    role: "admin",
    request: (f) => ({ path: `${ep(f)}/polling` }),
  },

  // Events, jobs, deliveries, alerts: read by anyone; replays and polls by members
  {
    method: "GET",
    route: "/api/events",
    role: "viewer",
    request: (f) => ({ path: `/api/events?endpointId=${f.endpoint.id}` }),
  },
  {
    method: "GET",
    route: "/api/events/export",
    role: "viewer",
    request: (f) => ({ path: `/api/events/export?endpointId=${f.endpoint.id}` }),
  },
  {
    method: "GET",
    route: "/api/events/stream",
    role: "viewer",
    request: () => ({ path: "/api/events/stream" }),
    stream: true,
  },
  {
    method: "GET",
    route: "/api/events/[id]",
    role: "viewer",
    request: (f) => ({ path: `/api/events/${f.eventId}` }),
  },
  {
    method: "GET",
    route: "/api/events/[id]/attempts",
    role: "viewer",
    request: (f) => ({ path: `/api/events/${f.eventId}/attempts` }),
  },
  {
    method: "POST",
    route: "/api/events/[id]/replay",
    role: "member",
    request: (f) => ({ path: `/api/events/${f.eventId}/replay`, body: { url: f.receiverUrl } }),
  },
  {
    method: "GET",
    route: "/api/deliveries/[id]/raw",
    role: "viewer",
    request: (f) => ({ path: `/api/deliveries/${f.deliveryId}/raw` }),
  },
  // Credential values: only an admin sees one, and each reveal is audited.
  {
    method: "POST",
    route: "/api/deliveries/[id]/headers/reveal",
    role: "admin",
    request: (f) => ({
      path: `/api/deliveries/${f.deliveryId}/headers/reveal`,
      body: { name: "X-Api-Key" },
    }),
  },
  {
    method: "GET",
    route: "/api/jobs",
    role: "viewer",
    request: (f) => ({ path: `/api/jobs?endpointId=${f.endpoint.id}` }),
  },
  {
    method: "GET",
    route: "/api/jobs/[id]",
    role: "viewer",
    request: (f) => ({ path: `/api/jobs/${f.jobId}` }),
  },
  {
    method: "GET",
    route: "/api/jobs/[id]/attempts",
    role: "viewer",
    request: (f) => ({ path: `/api/jobs/${f.jobId}/attempts` }),
  },
  {
    method: "GET",
    route: "/api/jobs/[id]/polls",
    role: "viewer",
    request: (f) => ({ path: `/api/jobs/${f.jobId}/polls` }),
  },
  {
    method: "POST",
    route: "/api/endpoints/[id]/jobs",
    role: "member",
    request: (f) => ({
      path: `${ep(f)}/jobs`,
      body: { externalId: `registered-by-role-test-${f.endpoint.id}` },
    }),
  },
  {
    method: "POST",
    route: "/api/endpoints/[id]/jobs/batch",
    role: "member",
    request: (f) => ({
      path: `${ep(f)}/jobs/batch`,
      body: {
        jobs: [
          { externalId: `batch-a-${f.endpoint.id}` },
          { externalId: `batch-b-${f.endpoint.id}` },
        ],
      },
    }),
  },
  {
    method: "POST",
    route: "/api/jobs/[id]/poll",
    role: "member",
    request: (f) => ({ path: `/api/jobs/${f.jobId}/poll` }),
  },
  {
    method: "GET",
    route: "/api/jobs/[id]/export",
    role: "viewer",
    request: (f) => ({ path: `/api/jobs/${f.jobId}/export` }),
  },
  {
    method: "POST",
    route: "/api/jobs/[id]/replay",
    role: "member",
    request: (f) => ({
      path: `/api/jobs/${f.jobId}/replay`,
      body: { url: f.receiverUrl, timing: "none" },
    }),
  },
  {
    method: "POST",
    route: "/api/replays",
    role: "member",
    request: (f) => ({
      path: "/api/replays",
      body: { filter: { endpointId: f.endpoint.id }, url: f.receiverUrl },
    }),
  },
  {
    method: "GET",
    route: "/api/replays/[id]",
    role: "viewer",
    request: (f) => ({ path: `/api/replays/${f.replayId}` }),
  },
  {
    method: "GET",
    route: "/api/alerts",
    role: "viewer",
    request: (f) => ({ path: `/api/alerts?endpointId=${f.endpoint.id}` }),
  },

  // The team and the audit log: admins only
  {
    method: "GET",
    route: "/api/team/members",
    role: "admin",
    request: () => ({ path: "/api/team/members" }),
  },
  {
    method: "POST",
    route: "/api/team/invitations",
    role: "admin",
    request: (f) => ({
      path: "/api/team/invitations",
      body: { email: invitedEmail(f), role: "viewer" },
    }),
  },
  {
    method: "DELETE",
    route: "/api/team/invitations/[id]",
    role: "admin",
    request: (f) => ({ path: `/api/team/invitations/${f.invitationId}` }),
  },
  {
    method: "PATCH",
    route: "/api/team/members/[id]",
    role: "admin",
    request: (f) => ({ path: `/api/team/members/${f.teammate.id}`, body: { role: "viewer" } }),
  },
  {
    method: "DELETE",
    route: "/api/team/members/[id]",
    role: "admin",
    request: (f) => ({ path: `/api/team/members/${f.teammate.id}` }),
  },
  {
    method: "DELETE",
    route: "/api/team/members/[id]/tokens/[tokenId]",
    role: "admin",
    request: (f) => ({ path: `/api/team/members/${f.teammate.id}/tokens/${f.teammate.tokenId}` }),
  },
  { method: "GET", route: "/api/audit", role: "admin", request: () => ({ path: "/api/audit" }) },
  // Retention: deletes only what is past the window (the test servers keep 100 years).
  {
    method: "POST",
    route: "/api/retention/run",
    role: "admin",
    request: () => ({ path: "/api/retention/run" }),
  },
];

/** Whom POST /api/team/invitations invites, so the fixture's state counts it. */
const invitedEmail = (f: RouteFixture) => `invited-${f.endpoint.id.toLowerCase()}@people.test`;

async function created(path: string, body: unknown): Promise<string> {
  const { status, body: answer } = await apiJson<{ id: string }>(path, {
    method: "POST",
    body: JSON.stringify(body),
  });
  if (status < 200 || status > 299)
    throw new Error(`POST ${path} answered ${status}: ${JSON.stringify(answer)}`);
  return answer.id;
}

async function endpointWithJob(
  label: string,
): Promise<{ endpoint: CreatedEndpoint; eventId: string; deliveryId: string; jobId: string }> {
  const endpoint = await createEndpoint({
    name: `${label} ${randomUUID().slice(0, 8)}`,
    provider: "clipzy",
  });
  const externalId = `job_${endpoint.id}`;
  // A credential header, so the reveal route has a value to refuse or reveal.
  const { eventId, deliveryId } = await ingestOk(
    endpoint,
    JSON.stringify(clipzyJob(externalId, "completed")),
    { "X-Api-Key": `key-${randomUUID()}` },
  );
  return { endpoint, eventId, deliveryId, jobId: (await jobOf(endpoint.id, externalId)).id };
}

/** A bulk replay to `receiverUrl`, of its own endpoint's event. */
export async function createReplayBatch(receiverUrl: string): Promise<string> {
  const { endpoint } = await endpointWithJob("replayed by the role test");
  return created("/api/replays", { filter: { endpointId: endpoint.id }, url: receiverUrl });
}

/** Made with the operator token, as a set-up script would. */
export async function createRouteFixture(
  receiverUrl: string,
  replayId: string,
): Promise<RouteFixture> {
  // The destination and the channel come after the callback, so nothing is forwarded or alerted meanwhile.
  const base = await endpointWithJob("role test");
  const path = `/api/endpoints/${base.endpoint.id}`;
  const destinationId = await created(`${path}/destinations`, {
    url: receiverUrl,
    forward: "verified",
  });
  const channelId = await created(`${path}/alert-channels`, { kind: "webhook", url: receiverUrl });
  const polling = await apiJson(`${path}/polling`, {
    method: "PUT",
    body: JSON.stringify({
      baseUrl: new URL(receiverUrl).origin,
      pathTemplate: "/v1/jobs/{jobId}",
    }),
  });
  if (polling.status !== 200)
    throw new Error(`PUT polling answered ${polling.status}: ${JSON.stringify(polling.body)}`);
  const person = await createTestPerson("member");
  const [token] = await queryAppDb<{ id: string }>("SELECT id FROM api_tokens WHERE user_id = $1", [
    person.id,
  ]);
  if (!token) throw new Error(`no token for ${person.email}`);
  const invitationId = await created("/api/team/invitations", {
    email: `pending-${randomUUID().slice(0, 8)}@people.test`,
    role: "member",
  });
  return {
    ...base,
    destinationId,
    channelId,
    replayId,
    receiverUrl,
    teammate: { id: person.id, tokenId: token.id },
    invitationId,
  };
}

/**
 * Everything a route in the table could change about a fixture, as one JSON value:
 * equal before and after a refused call means the call changed nothing.
 */
export async function fixtureState(f: RouteFixture): Promise<unknown> {
  const rows = await queryAppDb<{ state: unknown }>(
    `SELECT jsonb_build_object(
       'endpoint', (SELECT to_jsonb(e) FROM endpoints e WHERE e.id = $1),
       'created', (SELECT count(*) FROM endpoints WHERE name = $2),
       'destinations', (SELECT coalesce(jsonb_agg(to_jsonb(d) ORDER BY d.id), '[]') FROM destinations d WHERE d.endpoint_id = $1),
       'alertChannels', (SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.id), '[]') FROM alert_channels c WHERE c.endpoint_id = $1),
       'alerts', (SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a.id), '[]') FROM alerts a WHERE a.endpoint_id = $1),
       'jobs', (SELECT coalesce(jsonb_agg(to_jsonb(j) ORDER BY j.id), '[]') FROM jobs j WHERE j.endpoint_id = $1),
       'polls', (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.id), '[]') FROM polls p WHERE p.endpoint_id = $1),
       'attempts', (SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.id), '[]') FROM attempts t JOIN events v ON v.id = t.event_id WHERE v.endpoint_id = $1),
       'replayBatches', (SELECT count(*) FROM replay_batches WHERE request->'filter'->>'endpointId' = $1),
       'jobReplays', (SELECT count(*) FROM replay_batches WHERE request->>'jobId' = $7),
       'audit', (SELECT count(*) FROM audit_log WHERE target_id IN (SELECT id FROM deliveries WHERE endpoint_id = $1)),
       'teammate', (SELECT jsonb_build_object('role', u.role, 'tokenRevoked', t.revoked_at IS NOT NULL)
                    FROM users u JOIN api_tokens t ON t.user_id = u.id WHERE u.id = $3 AND t.id = $4),
       'invitation', (SELECT to_jsonb(i) FROM invitations i WHERE i.id = $5),
       'invited', (SELECT count(*) FROM invitations WHERE email = $6)
     ) AS state`,
    [
      f.endpoint.id,
      createdEndpointName(f),
      f.teammate.id,
      f.teammate.tokenId,
      f.invitationId,
      invitedEmail(f),
      f.jobId,
    ],
  );
  return rows[0]?.state;
}
