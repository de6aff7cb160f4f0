// Reads for re-polling: an endpoint's settings (never the credential), what one poll
// needs to run, and a job's polls.
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/app-error";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";
import {
  extractionConfigSchema,
  providerIdSchema,
  type ExtractionConfig,
  type ProviderId,
} from "@/lib/providers/schema";
import { openOptionalSecret } from "@/lib/secrets/secret-box";
import type { JobState } from "@/lib/job-states/constants";
import { pollingSettingsSchema, type PollingSettings } from "./schema";

export type PollingView = {
  provider: ProviderId;
  settings: PollingSettings | null;
  hasCredential: boolean;
  expectTerminalMinutes: number | null;
};

export async function getPollingSettings(endpointId: string): Promise<PollingView> {
  const row = await getDb().endpoint.findUnique({
    where: { id: endpointId },
    select: { provider: true, polling: true, pollCredential: true, expectTerminalMinutes: true },
  });
  if (!row) throw notFound("endpoint");
  return {
    provider: providerIdSchema.parse(row.provider),
    settings: row.polling === null ? null : pollingSettingsSchema.parse(row.polling),
    hasCredential: row.pollCredential !== null,
    expectTerminalMinutes: row.expectTerminalMinutes,
  };
}

export type PollContext = {
  job: {
    id: string;
    externalId: string;
    endpointId: string;
    state: JobState;
    pollCount: number;
    /** The window it was registered with (lib/jobs/mutations.ts), if any. */
    expectTerminalMinutes: number | null;
    /** Flagged overdue: polled on the schedule even where the endpoint expects nothing. */
    isOverdue: boolean;
  };
  /** The provider asked (Retry-After on a 429/503) not to be polled for this job before then; null when free. */
  backoffUntil: Date | null;
  endpoint: {
    provider: ProviderId;
    extraction: ExtractionConfig | null;
    settings: PollingSettings;
    credential: string | null;
    expectTerminalMinutes: number | null;
    forwards: boolean;
  };
};

/** Everything a poll of this job needs, the credential opened; a 409 when polling is not set up. */
export async function loadPollContext(jobId: string): Promise<PollContext> {
  const job = await getDb().job.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      externalId: true,
      endpointId: true,
      state: true,
      pollCount: true,
      nextPollAt: true,
      expectTerminalMinutes: true,
      overdueAt: true,
      polls: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { responseStatus: true },
      },
      endpoint: {
        select: {
          provider: true,
          extraction: true,
          polling: true,
          pollCredential: true,
          expectTerminalMinutes: true,
          destinations: { where: { enabled: true }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  if (!job) throw notFound("job");
  const { endpoint } = job;
  if (endpoint.polling === null) {
    throw new AppError(
      "conflict",
      "polling is not set up for this job's endpoint: set its status API on the endpoint page (or PUT /api/endpoints/<id>/polling)",
    );
  }
  return {
    job: {
      id: job.id,
      externalId: job.externalId,
      endpointId: job.endpointId,
      state: job.state,
      pollCount: job.pollCount,
      expectTerminalMinutes: job.expectTerminalMinutes,
      isOverdue: job.overdueAt !== null,
    },
    backoffUntil: backoffUntil(job.nextPollAt, job.polls[0]?.responseStatus ?? null),
    endpoint: {
      provider: providerIdSchema.parse(endpoint.provider),
      extraction:
        endpoint.extraction === null ? null : extractionConfigSchema.parse(endpoint.extraction),
      settings: pollingSettingsSchema.parse(endpoint.polling),
      credential: openOptionalSecret(endpoint.pollCredential),
      expectTerminalMinutes: endpoint.expectTerminalMinutes,
      forwards: endpoint.destinations.length > 0,
    },
  };
}

/** A next poll time set after a 429/503 is the provider's Retry-After: until then, polling it is refused. */
function backoffUntil(nextPollAt: Date | null, lastResponseStatus: number | null): Date | null {
  if (!nextPollAt || (lastResponseStatus !== 429 && lastResponseStatus !== 503)) return null;
  return nextPollAt > new Date() ? nextPollAt : null;
}

export const pollView = {
  id: true,
  jobId: true,
  endpointId: true,
  trigger: true,
  url: true,
  requestHeaders: true,
  responseStatus: true,
  responseHeaders: true,
  responseBody: true,
  responseTruncated: true,
  durationMs: true,
  outcome: true,
  error: true,
  payload: true,
  state: true,
  providerTimestamp: true,
  outputUrl: true,
  createdAt: true,
  deliveries: { select: { id: true, eventId: true }, take: 1 },
} as const;

export async function getPoll(id: string) {
  const row = await getDb().poll.findUnique({ where: { id }, select: pollView });
  if (!row) throw notFound("poll");
  return row;
}

/** A job's polls, newest first, keyset-paged. */
export async function listPolls(
  jobId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const job = await getDb().job.findUnique({ where: { id: jobId }, select: { id: true } });
  if (!job) throw notFound("job");
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().poll.findMany({
    where: {
      jobId,
      ...(cursor && {
        OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }],
      }),
    },
    select: pollView,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, (row) => row.createdAt);
}
