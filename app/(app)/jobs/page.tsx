// Jobs, newest first, filtered through the URL. The "Failed" view is where an
// investigation starts: failed and cancelled jobs, and unfinished ones gone silent.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { JobStateBadge } from "@/components/domain-badges";
import { ExpectedLine, OverdueBadge } from "@/components/job/expected-note";
import { JobsFilters } from "@/components/job/jobs-filters";
import { visibleText } from "@/components/json/visible-text";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { ListKeyboard } from "@/components/ui/list-keyboard";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, type Column } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { listEndpoints } from "@/lib/endpoints/data";
import { listEndpointsSchema } from "@/lib/endpoints/schema";
import { AppError } from "@/lib/http/app-error";
import { isTerminalState, type JobState } from "@/lib/job-states/constants";
import { listJobs, staleBefore } from "@/lib/jobs/data";
import { listJobsSchema, type ListJobsQuery } from "@/lib/jobs/schema";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Jobs · Webhook Inbox" };

const JOB_COLUMNS: Column[] = [
  { label: "Job" },
  { label: "State" },
  { label: "Provider" },
  { label: "Endpoint" },
  { label: "Events", align: "right" },
  { label: "Last callback" },
  { label: "First seen" },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JobsPage({ searchParams }: Props) {
  await requireUser();
  const params = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([key, value]) =>
      typeof value === "string" && value !== "" ? [[key, value]] : [],
    ),
  );
  const parsed = listJobsSchema.safeParse(params);
  const query = parsed.success
    ? parsed.data
    : listJobsSchema.parse({ view: params.view === "failed" ? "failed" : "all" });
  const now = new Date();
  const [page, endpoints] = await Promise.all([
    listJobsOrFirstPage(query, now),
    listEndpoints(listEndpointsSchema.parse({ limit: 200 })),
  ]);
  const silentSince = staleBefore(now, query.staleMinutes);
  const isSilent = (job: { state: JobState; lastEventAt: Date }) =>
    !isTerminalState(job.state) && job.lastEventAt < silentSince;

  return (
    <div className="space-y-4">
      <ListKeyboard />
      <PageHeader
        title="Jobs"
        description={
          query.view === "failed"
            ? `Failed or cancelled jobs, jobs whose final callback never came (found by a poll), overdue jobs (not finished within their expected time), and unfinished jobs with no callback for ${query.staleMinutes} min.`
            : "Every render or transcription the providers told us about, newest first."
        }
        actions={
          <span className="hidden text-xs text-zinc-500 sm:inline dark:text-zinc-400">
            <Kbd>j</Kbd> <Kbd>k</Kbd> to move, <Kbd>Enter</Kbd> to open
          </span>
        }
      />
      <nav
        aria-label="Job views"
        className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
      >
        <ViewTab href={viewHref(query, "all")} active={query.view === "all"}>
          All
        </ViewTab>
        <ViewTab href={viewHref(query, "failed")} active={query.view === "failed"}>
          Failed
        </ViewTab>
      </nav>
      <JobsFilters query={query} endpoints={endpoints.items} />
      {!parsed.success && (
        <Alert tone="warning">Some filters in the address were not valid and were ignored.</Alert>
      )}

      {page.items.length === 0 ? (
        <EmptyState title={query.view === "failed" ? "Nothing needs attention" : "No jobs yet"}>
          {query.view === "failed"
            ? "No job with these filters failed, was cancelled, or went silent."
            : "Jobs appear when a provider's callback names a job id. Send a callback to an endpoint's ingest URL to see one."}
        </EmptyState>
      ) : (
        <Table caption="Jobs" columns={JOB_COLUMNS}>
          {page.items.map((job) => (
            <tr
              key={job.id}
              data-nav-item
              className="hover:bg-zinc-50 focus-within:bg-indigo-50 dark:hover:bg-zinc-900 dark:focus-within:bg-indigo-950/40"
            >
              <td className="max-w-xs truncate">
                <Link
                  href={`/jobs/${encodeURIComponent(job.id)}`}
                  className="font-mono text-xs text-indigo-700 hover:underline focus:outline-none dark:text-indigo-300"
                >
                  {visibleText(job.externalId)}
                </Link>
                <ExpectedLine
                  state={job.state}
                  registration={
                    job.registeredAt && {
                      at: job.registeredAt,
                      by: job.registeredBy,
                      via: job.registeredVia,
                    }
                  }
                  overdueAt={isTerminalState(job.state) ? null : job.overdueAt}
                  lastEventAt={job.lastEventAt}
                />
                {job.error && (
                  <div
                    className="truncate text-xs text-red-700 dark:text-red-300"
                    title={visibleText(job.error)}
                  >
                    {visibleText(job.error)}
                  </div>
                )}
              </td>
              <td>
                <span className="flex items-center gap-1.5">
                  <JobStateBadge state={job.state} />
                  {isSilent(job) && (
                    <Badge
                      tone="amber"
                      title={`No callback for more than ${query.staleMinutes} min`}
                    >
                      silent
                    </Badge>
                  )}
                  {job.overdueAt && !isTerminalState(job.state) && (
                    <OverdueBadge overdueAt={job.overdueAt} lastEventAt={job.lastEventAt} />
                  )}
                  {job.missedCallbackAt && (
                    <Badge
                      tone="red"
                      title="A poll found the job finished, but its callback never came"
                    >
                      missed callback
                    </Badge>
                  )}
                </span>
              </td>
              <td className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{job.provider}</td>
              <td className="max-w-[14rem] truncate text-xs text-zinc-700 dark:text-zinc-300">
                {job.endpoint.name}
              </td>
              <td className="text-right text-xs tabular-nums">{job.eventCount}</td>
              <td className="text-xs text-zinc-600 dark:text-zinc-400">
                {job.eventCount === 0 ? (
                  <span className="text-zinc-400">none yet</span>
                ) : (
                  <RelativeTime iso={job.lastEventAt.toISOString()} />
                )}
              </td>
              <td className="text-xs text-zinc-600 dark:text-zinc-400">
                <RelativeTime iso={job.firstSeenAt.toISOString()} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <div className="flex justify-end gap-2">
        {query.cursor && (
          <ButtonLink href={pageHref(query, undefined)} size="sm">
            First page
          </ButtonLink>
        )}
        {page.nextCursor && (
          <ButtonLink href={pageHref(query, page.nextCursor)} size="sm">
            Next page
          </ButtonLink>
        )}
      </div>
    </div>
  );
}

/** A cursor from another filter set (or a stale bookmark) falls back to the first page. */
async function listJobsOrFirstPage(query: ListJobsQuery, now: Date) {
  try {
    return await listJobs(query, now);
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_cursor")
      return listJobs({ ...query, cursor: undefined }, now);
    throw error;
  }
}

function searchOf(query: ListJobsQuery, overrides: Partial<ListJobsQuery>): string {
  const merged = { ...query, ...overrides };
  const entries: Array<[string, string]> = [];
  if (merged.view === "failed")
    entries.push(["view", "failed"], ["staleMinutes", String(merged.staleMinutes)]);
  if (merged.state) entries.push(["state", merged.state]);
  if (merged.endpointId) entries.push(["endpointId", merged.endpointId]);
  if (merged.provider) entries.push(["provider", merged.provider]);
  if (merged.cursor) entries.push(["cursor", merged.cursor]);
  const search = new URLSearchParams(entries).toString();
  return search ? `/jobs?${search}` : "/jobs";
}

const viewHref = (query: ListJobsQuery, view: ListJobsQuery["view"]) =>
  searchOf(query, { view, cursor: undefined });
const pageHref = (query: ListJobsQuery, cursor: string | undefined) => searchOf(query, { cursor });

function ViewTab({
  href,
  active,
  children,
}: {
  href: string;
  active: boolean;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cx(
        "-mb-px border-b-2 px-3 py-1.5 text-sm font-medium",
        active
          ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
          : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
      )}
    >
      {children}
    </Link>
  );
}
