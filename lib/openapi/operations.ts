// Every /api operation of the contract: its path, the role apiRoute(role, ...) checks,
// the zod schemas its request is parsed with and the named schemas of its answers.
// lib/openapi/document.ts turns this into OpenAPI 3.1. tests/unit/openapi-coverage.test.ts
// fails when a route.ts under app/api exports a method that is missing here (or one here
// is served by no route), and when a role differs from the route table's, which the role
// tests hold against what the server really does.
import type { z } from "zod";
import { listAlertsQuerySchema } from "@/lib/alerts/schema";
import { listAuditSchema } from "@/lib/audit/schema";
import type { Access } from "@/lib/auth/api-route";
import { deliveryStreamQuerySchema } from "@/lib/deliveries/schema";
import { listEndpointsSchema } from "@/lib/endpoints/schema";
import { eventDeliveriesSchema, eventFiltersSchema, listEventsSchema } from "@/lib/events/schema";
import { listJobsSchema } from "@/lib/jobs/schema";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import type { RequestSchemaName, ResponseSchemaName } from "./components";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export type ResponseSpec = {
  description: string;
  /** A named schema (components/schemas); none for a body that is not JSON or not there. */
  schema?: ResponseSchemaName;
  /** application/json unless said. */
  contentType?: string;
};

export type Operation = {
  method: HttpMethod;
  /** OpenAPI form: /api/endpoints/{id}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** What apiRoute(access, ...) checks: a role, or "metrics" (the metrics or operator token). */
  role: Access | "public";
  query?: z.ZodObject;
  body?: RequestSchemaName;
  /** Request headers the route reads. */
  headers?: Array<{ name: string; description: string }>;
  responses: Record<number, ResponseSpec>;
  /** Error statuses beyond the ones every operation of its kind has (lib/openapi/document.ts). */
  errors?: number[];
};

const ok = (schema: ResponseSchemaName, description = "OK"): ResponseSpec => ({
  description,
  schema,
});
const noContent: Record<number, ResponseSpec> = { 204: { description: "Done; no body" } };
const idempotencyKey = {
  name: "Idempotency-Key",
  description:
    "Up to 200 printable characters: a repeat of the key answers the first result; the same key for another request is 409.",
};
const sse = (description: string): Record<number, ResponseSpec> => ({
  200: { description, contentType: "text/event-stream" },
});

export const operations: Operation[] = [
  // Probes
  {
    method: "get",
    path: "/api/health",
    tag: "Probes",
    summary: "Liveness: the process answers (touches no database)",
    role: "public",
    responses: { 200: ok("Health") },
  },
  {
    method: "get",
    path: "/api/ready",
    tag: "Probes",
    summary: "Readiness: the database is reachable",
    role: "public",
    responses: { 200: ok("Ready") },
    errors: [503],
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Probes",
    summary: "This contract (OpenAPI 3.1)",
    role: "public",
    responses: { 200: { description: "The OpenAPI document" } },
  },

  {
    method: "get",
    path: "/api/metrics",
    tag: "Probes",
    summary: "Prometheus metrics of every process (text exposition format)",
    description:
      'For the metrics token (INBOX_METRICS_TOKEN) or the operator token only; no person\'s session or token. Names and labels: README "Metrics".',
    role: "metrics",
    responses: { 200: { description: "Prometheus text exposition", contentType: "text/plain" } },
  },

  // Endpoints
  {
    method: "get",
    path: "/api/endpoints",
    tag: "Endpoints",
    summary: "Active endpoints (or archived ones), newest first",
    role: "viewer",
    query: listEndpointsSchema,
    responses: { 200: ok("EndpointPage") },
  },
  {
    method: "post",
    path: "/api/endpoints",
    tag: "Endpoints",
    summary: "Create an endpoint with a provider preset",
    description: "Answers with its ingest URL, the address to give the provider.",
    role: "admin",
    body: "CreateEndpoint",
    responses: { 201: ok("Endpoint", "Created") },
  },
  {
    method: "get",
    path: "/api/endpoints/{id}",
    tag: "Endpoints",
    summary: "One endpoint (secrets never included)",
    role: "viewer",
    responses: { 200: ok("Endpoint") },
  },
  {
    method: "patch",
    path: "/api/endpoints/{id}",
    tag: "Endpoints",
    summary:
      "Change name, verification, secrets (replaced as a set), extraction, limits, retention",
    role: "admin",
    body: "UpdateEndpoint",
    responses: { 200: ok("Endpoint") },
  },
  {
    method: "delete",
    path: "/api/endpoints/{id}",
    tag: "Endpoints",
    summary: "Archive: stored data stays, the ingest URL answers 410",
    role: "admin",
    responses: { 200: ok("Endpoint") },
  },
  {
    method: "get",
    path: "/api/endpoints/{id}/usage",
    tag: "Endpoints",
    summary: "What the endpoint stores, its retention window and what the next run removes",
    role: "viewer",
    responses: { 200: ok("Usage") },
  },
  {
    method: "get",
    path: "/api/endpoints/{id}/deliveries/stream",
    tag: "Endpoints",
    summary: "Server-Sent Events: the endpoint's deliveries in a resumable order",
    description:
      "A `ready` message, then one `delivery` message per delivery (data: method, path, query, headers with credentials masked, body base64). Last-Event-ID or ?after= resumes without a gap or a repeat; ?since= starts with older ones. Ends once the caller's token or session is revoked. `webhook-inbox forward` reads it.",
    role: "viewer",
    query: deliveryStreamQuerySchema,
    headers: [
      { name: "Last-Event-ID", description: "A message id the stream sent: resume after it." },
    ],
    responses: sse("An endless event stream"),
  },

  // Destinations
  {
    method: "get",
    path: "/api/endpoints/{id}/destinations",
    tag: "Destinations",
    summary: "Where this endpoint's events are forwarded (oldest first)",
    role: "viewer",
    responses: { 200: ok("DestinationList") },
  },
  {
    method: "post",
    path: "/api/endpoints/{id}/destinations",
    tag: "Destinations",
    summary: "Add a forwarding destination",
    role: "admin",
    body: "CreateDestination",
    responses: { 201: ok("Destination", "Created") },
  },
  {
    method: "patch",
    path: "/api/endpoints/{id}/destinations/{destinationId}",
    tag: "Destinations",
    summary: "Change any field; signingSecret: null removes it",
    role: "admin",
    body: "UpdateDestination",
    responses: { 200: ok("Destination") },
  },
  {
    method: "delete",
    path: "/api/endpoints/{id}/destinations/{destinationId}",
    tag: "Destinations",
    summary: "Delete a destination; its attempts stay (destinationId null)",
    role: "admin",
    responses: noContent,
  },

  // Alerts
  {
    method: "get",
    path: "/api/endpoints/{id}/alert-channels",
    tag: "Alerts",
    summary: "Where this endpoint's alerts go (oldest first); URLs masked",
    role: "viewer",
    responses: { 200: ok("AlertChannelList") },
  },
  {
    method: "post",
    path: "/api/endpoints/{id}/alert-channels",
    tag: "Alerts",
    summary: "Add an alert channel (Slack or a webhook)",
    role: "admin",
    body: "CreateAlertChannel",
    responses: { 201: ok("AlertChannel", "Created") },
  },
  {
    method: "patch",
    path: "/api/endpoints/{id}/alert-channels/{channelId}",
    tag: "Alerts",
    summary: "Change url, enabled, triggers or the burst settings",
    role: "admin",
    body: "UpdateAlertChannel",
    responses: { 200: ok("AlertChannel") },
  },
  {
    method: "delete",
    path: "/api/endpoints/{id}/alert-channels/{channelId}",
    tag: "Alerts",
    summary: "Delete a channel; its alerts stay listed (channel null)",
    role: "admin",
    responses: noContent,
  },
  {
    method: "post",
    path: "/api/endpoints/{id}/alert-channels/{channelId}/test",
    tag: "Alerts",
    summary: "Send a test message now",
    description: "200 with the alert and how sending went, also when the channel refused it.",
    role: "admin",
    responses: { 200: ok("Alert") },
  },
  {
    method: "get",
    path: "/api/alerts",
    tag: "Alerts",
    summary: "Alerts newest first, with how sending went",
    role: "viewer",
    query: listAlertsQuerySchema,
    responses: { 200: ok("AlertPage") },
  },

  // Polling
  {
    method: "get",
    path: "/api/endpoints/{id}/polling",
    tag: "Polling",
    summary: "Status API settings (never the credential) and what the preset's docs give",
    role: "viewer",
    responses: { 200: ok("PollingSettings") },
  },
  {
    method: "put",
    path: "/api/endpoints/{id}/polling",
    tag: "Polling",
    summary: "Set where the provider's job-status API is and how to authenticate there",
    role: "admin",
    body: "PutPolling",
    responses: { 200: ok("PollingSettings") },
  },
  {
    method: "delete",
    path: "/api/endpoints/{id}/polling",
    tag: "Polling",
    summary: "Polling and missed-callback detection off; recorded polls stay",
    role: "admin",
    responses: noContent,
  },
  {
    method: "post",
    path: "/api/jobs/{id}/poll",
    tag: "Polling",
    summary: "Ask the provider's status API about the job now",
    description: "200 with the poll, also when the provider refused.",
    role: "member",
    responses: { 200: ok("PollNow") },
    // 409: polling is not set up; 429: the provider asked us to wait (Retry-After).
    errors: [409, 429],
  },
  {
    method: "get",
    path: "/api/jobs/{id}/polls",
    tag: "Polling",
    summary: "The job's polls, newest first",
    role: "viewer",
    query: pageParamsSchema,
    responses: { 200: ok("PollPage") },
  },

  // Events and deliveries
  {
    method: "get",
    path: "/api/events",
    tag: "Events",
    summary: "Events newest first by first receipt; the Inbox page uses the same filters",
    role: "viewer",
    query: listEventsSchema,
    responses: { 200: ok("EventPage") },
  },
  {
    method: "get",
    path: "/api/events/export",
    tag: "Events",
    summary: "Every matching event as NDJSON, streamed (a download)",
    description:
      "One event with its deliveries per line, bodies base64, credential header values masked; newest first.",
    role: "viewer",
    query: eventFiltersSchema,
    responses: { 200: { description: "NDJSON lines", contentType: "application/x-ndjson" } },
  },
  {
    method: "get",
    path: "/api/events/stream",
    tag: "Events",
    summary: "Server-Sent Events: which events were just stored",
    description:
      "`events` messages ({ events: [{ endpointId, eventId }] }), `reset` when some may have been missed, heartbeat comments; ends once the caller's token or session is revoked.",
    role: "viewer",
    responses: sse("An endless event stream"),
  },
  {
    method: "get",
    path: "/api/events/{id}",
    tag: "Events",
    summary: "The event, its payload and a page of its deliveries (oldest first)",
    role: "viewer",
    query: eventDeliveriesSchema,
    responses: { 200: ok("EventDetail") },
  },
  {
    method: "get",
    path: "/api/events/{id}/attempts",
    tag: "Events",
    summary: "Every forward and replay of the event, newest first",
    role: "viewer",
    query: pageParamsSchema,
    responses: { 200: ok("AttemptPage") },
  },
  {
    method: "post",
    path: "/api/events/{id}/replay",
    tag: "Replay",
    summary: "Send the event again, to a URL or a destination",
    description:
      "200 with the attempt whatever the target answered (status succeeded, failed or blocked). 409 not_verified when re-signing a delivery that failed verification; 403 when a non-admin re-signs an unsigned one.",
    role: "member",
    body: "ReplayEvent",
    headers: [idempotencyKey],
    responses: { 200: ok("Attempt") },
    errors: [409],
  },
  {
    method: "get",
    path: "/api/deliveries/{id}/raw",
    tag: "Events",
    summary: "The body bytes exactly as received (a download)",
    role: "viewer",
    responses: { 200: { description: "The raw body", contentType: "application/octet-stream" } },
  },
  {
    method: "post",
    path: "/api/deliveries/{id}/headers/reveal",
    tag: "Events",
    summary: "The plain value(s) of one credential header (audited)",
    role: "admin",
    body: "RevealCredentialHeader",
    responses: { 200: ok("RevealedCredentialHeader") },
  },

  // Jobs
  {
    method: "get",
    path: "/api/jobs",
    tag: "Jobs",
    summary: "Jobs newest first",
    role: "viewer",
    query: listJobsSchema,
    responses: { 200: ok("JobPage") },
  },
  {
    method: "get",
    path: "/api/jobs/{id}",
    tag: "Jobs",
    summary: "The job with its events in provider order",
    role: "viewer",
    responses: { 200: ok("JobDetail") },
  },
  {
    method: "get",
    path: "/api/jobs/{id}/attempts",
    tag: "Jobs",
    summary: "Every forward and replay of the job's events, newest first",
    role: "viewer",
    query: pageParamsSchema,
    responses: { 200: ok("AttemptPage") },
  },
  {
    method: "get",
    path: "/api/jobs/{id}/export",
    tag: "Jobs",
    summary: "The job's whole story as a fixture file (a download)",
    description:
      "Deliveries in provider order, credential values masked; `webhook-inbox replay-fixture` sends it to a local receiver.",
    role: "viewer",
    responses: { 200: ok("JobFixture", "The fixture") },
  },
  {
    method: "post",
    path: "/api/endpoints/{id}/jobs",
    tag: "Jobs",
    summary: "Register a job the provider was just given (state expected)",
    description: "201 with it, or 200 with the job that already has this externalId.",
    role: "member",
    body: "RegisterJob",
    responses: { 200: ok("Job", "Known already"), 201: ok("Job", "Registered") },
    // 409: the endpoint is archived.
    errors: [409],
  },
  {
    method: "post",
    path: "/api/endpoints/{id}/jobs/batch",
    tag: "Jobs",
    summary: "Register up to 1,000 jobs in one statement",
    role: "member",
    body: "RegisterJobs",
    responses: { 200: ok("RegisteredJobs") },
    errors: [409],
  },

  // Replay
  {
    method: "post",
    path: "/api/jobs/{id}/replay",
    tag: "Replay",
    summary: "Replay the job's events in provider order, spaced as the provider spaced them",
    description:
      "202; progress at GET /api/replays/{id}. 409 not_verified when an event failed verification and re-signing was asked; 403 for a non-admin when one is unsigned.",
    role: "member",
    body: "JobReplay",
    responses: { 202: ok("StartedReplay", "Accepted") },
    errors: [409],
  },
  {
    method: "post",
    path: "/api/replays",
    tag: "Replay",
    summary: "Replay everything a filter of GET /api/events matches",
    description:
      "202; a repeat of the Idempotency-Key answers the same batch (Idempotent-Replayed: true).",
    role: "member",
    body: "BulkReplay",
    headers: [idempotencyKey],
    responses: { 202: ok("StartedReplay", "Accepted") },
    errors: [409],
  },
  {
    method: "get",
    path: "/api/replays/{id}",
    tag: "Replay",
    summary: "A bulk or job replay's progress",
    role: "viewer",
    responses: { 200: ok("ReplayBatch") },
  },

  // Team and administration
  {
    method: "get",
    path: "/api/team/members",
    tag: "Team",
    summary: "Everyone with an account (with their live tokens) and the pending invitations",
    role: "admin",
    responses: { 200: ok("Team") },
  },
  {
    method: "patch",
    path: "/api/team/members/{id}",
    tag: "Team",
    summary: "Change someone's role (not your own, never the last admin's)",
    role: "admin",
    body: "PatchMember",
    responses: { 200: ok("Member") },
    errors: [409],
  },
  {
    method: "delete",
    path: "/api/team/members/{id}",
    tag: "Team",
    summary: "Remove an account with its sessions and tokens",
    role: "admin",
    responses: noContent,
    errors: [409],
  },
  {
    method: "delete",
    path: "/api/team/members/{id}/tokens/{tokenId}",
    tag: "Team",
    summary: "Revoke a member's personal token at once",
    role: "admin",
    responses: noContent,
  },
  {
    method: "post",
    path: "/api/team/invitations",
    tag: "Team",
    summary: "Invite someone; the answer's url is the one-time link, shown only here",
    role: "admin",
    body: "Invite",
    responses: { 201: ok("CreatedInvitation", "Created") },
    errors: [409],
  },
  {
    method: "delete",
    path: "/api/team/invitations/{id}",
    tag: "Team",
    summary: "Revoke a pending invitation",
    role: "admin",
    responses: noContent,
  },
  {
    method: "get",
    path: "/api/audit",
    tag: "Team",
    summary: "Who did what, newest first",
    role: "admin",
    query: listAuditSchema,
    responses: { 200: ok("AuditPage") },
  },
  {
    method: "post",
    path: "/api/retention/run",
    tag: "Team",
    summary: "Delete what is past each endpoint's window now (the queue does it hourly)",
    role: "admin",
    responses: { 200: ok("RetentionRun") },
    errors: [409],
  },
];
