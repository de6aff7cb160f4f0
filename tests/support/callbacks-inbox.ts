// Sending callbacks and reading back what the inbox made of them, through the JSON API.
import { expect } from "vitest";
import { apiJson, sendCallback } from "./api";

export type Verification = "verified" | "failed" | "unsigned";

export type EventSummary = {
  id: string;
  endpointId: string;
  jobId: string | null;
  externalJobId: string | null;
  type: string | null;
  state: string | null;
  verification: Verification;
  deliveryCount: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
  providerTimestamp: string | null;
};

export type DeliveryView = {
  id: string;
  receivedAt: string;
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  size: number;
  bodySha256: string;
  verification: Verification;
  verificationReason: string | null;
  responseStatus: number;
};

export type EventDetail = EventSummary & { payload: unknown; deliveries: DeliveryView[] };

export type JobView = {
  id: string;
  endpointId: string;
  provider: string;
  externalId: string;
  state: string;
  outputUrl: string | null;
  error: string | null;
  details?: unknown;
  eventCount: number;
  firstSeenAt: string;
  lastEventAt: string;
};

export type JobDetail = JobView & { events: EventSummary[] };

export type Page<T> = { items: T[]; nextCursor: string | null };

export type IngestAnswer = {
  ok?: boolean;
  deliveryId: string;
  eventId?: string;
  verification?: Verification;
  error?: { code: string; message: string };
};

/** Sends a callback and returns the status with the parsed answer. */
export async function ingest(
  endpoint: { key: string },
  body: string | Uint8Array,
  headers: Record<string, string> = {},
  options: { method?: string; subPath?: string } = {},
): Promise<{ status: number; body: IngestAnswer }> {
  const response = await sendCallback(endpoint, body, { headers, ...options });
  return { status: response.status, body: (await response.json()) as IngestAnswer };
}

/** Sends a callback that must be accepted (200) and returns its delivery and event ids. */
export async function ingestOk(
  endpoint: { key: string },
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<{ deliveryId: string; eventId: string }> {
  const answer = await ingest(endpoint, body, headers);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const { deliveryId, eventId } = answer.body;
  if (!eventId) throw new Error(`no eventId in ${JSON.stringify(answer.body)}`);
  return { deliveryId, eventId };
}

async function getOk<T>(path: string): Promise<T> {
  const { status, body } = await apiJson<T>(path);
  expect(status, `GET ${path}: ${JSON.stringify(body)}`).toBe(200);
  return body;
}

const queryString = (query: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();

export const listEvents = (query: Record<string, string | number>) =>
  getOk<Page<EventSummary>>(`/api/events?${queryString(query)}`);
export const listJobs = (query: Record<string, string | number>) =>
  getOk<Page<JobView>>(`/api/jobs?${queryString(query)}`);
export const getEvent = (id: string) => getOk<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
export const getJob = (id: string) => getOk<JobDetail>(`/api/jobs/${encodeURIComponent(id)}`);

/** An endpoint's events or jobs, one page of up to 200 (tests create far fewer). */
export const eventsOf = async (endpointId: string) =>
  (await listEvents({ endpointId, limit: 200 })).items;
export const jobsOf = async (endpointId: string) =>
  (await listJobs({ endpointId, limit: 200 })).items;

/** The one job of an endpoint with this provider job id. */
export async function jobOf(endpointId: string, externalId: string): Promise<JobView> {
  const matching = (await jobsOf(endpointId)).filter((job) => job.externalId === externalId);
  expect(matching, `jobs with externalId ${externalId}`).toHaveLength(1);
  return matching[0] as JobView;
}

/** Every page of a list, following nextCursor. */
export async function allPages<T>(path: string, limit: number): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const page: Page<T> = await getOk<Page<T>>(
      `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    pages.push(page.items);
    cursor = page.nextCursor;
    if (pages.length > 50)
      throw new Error(`${path}: more than 50 pages, the cursor does not advance`);
  } while (cursor !== null);
  return pages;
}

/** The standard API error body: exactly { error: { code, message } }, details allowed. */
export function expectApiError(body: unknown, code: string): void {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  const error = (body as { error: Record<string, unknown> }).error;
  expect(
    Object.keys(error)
      .filter((k) => k !== "details")
      .sort(),
  ).toEqual(["code", "message"]);
  expect(String(error.message).trim()).not.toBe("");
}
