// A job: where it stands, checks on its sequence of callbacks, every callback and poll
// in provider order, what changed between any two of them (?from=<id>&to=<id>, event
// or poll ids; by default the last two), re-polling, and what was forwarded or replayed.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptsTable } from "@/components/attempts/attempts-table";
import { JobStateBadge } from "@/components/domain-badges";
import { ChecksPanel } from "@/components/job/checks-panel";
import { DiffPicker } from "@/components/job/diff-picker";
import { DiffTable } from "@/components/job/diff-table";
import { OverdueBadge, registrarWords } from "@/components/job/expected-note";
import { OutputLink } from "@/components/job/output-link";
import { JobReplayForm } from "@/components/job/job-replay-form";
import { RepollButton } from "@/components/job/repoll-button";
import { Timeline } from "@/components/job/timeline";
import { ReplayProgress } from "@/components/replay/replay-progress";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { JsonTree } from "@/components/json/json-tree";
import { visibleText } from "@/components/json/visible-text";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { ListKeyboard } from "@/components/ui/list-keyboard";
import { DescriptionList, Panel } from "@/components/ui/panel";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshEvery } from "@/components/ui/refresh-every";
import { RelativeTime } from "@/components/ui/relative-time";
import { RoleNote } from "@/components/ui/role-note";
import { countJobAttempts, listJobAttempts } from "@/lib/attempts/data";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listDestinations } from "@/lib/destinations/data";
import { diffJson } from "@/lib/diff/json-diff";
import { bulkResignRefusal } from "@/lib/forwarding/resign-policy";
import { AppError } from "@/lib/http/app-error";
import { isTerminalState } from "@/lib/job-states/constants";
import { getJobEventPayloads, getJobTimeline, JOB_EVENTS_LIMIT } from "@/lib/jobs/data";
import { callbackObservations, pollObservations } from "@/lib/jobs/observations";
import { jobDiffParamsSchema } from "@/lib/jobs/schema";
import { checkSequence } from "@/lib/jobs/sequence-checks";
import {
  comparedPair,
  completedEvents,
  countChanges,
  diffChoices,
  entryHref,
  entryLabels,
  eventPayloadsToRead,
  timelineEntries,
  withinBudget,
} from "@/lib/jobs/timeline";
import { outputUrlIn, reportsOutputUrl } from "@/lib/providers/output-urls";
import { getPollingSettings, listPolls } from "@/lib/polling/data";
import { serializePoll } from "@/lib/polling/serialize";
import { getReplayBatch } from "@/lib/replay/data";
import { replayJobAction, repollAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Job · Webhook Inbox" };

/** The newest attempts on the page; GET /api/jobs/<id>/attempts pages through all. */
const ATTEMPTS_SHOWN = 50;
/** The newest polls in the timeline; GET /api/jobs/<id>/polls pages through all. */
const POLLS_SHOWN = 200;

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function JobPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const job = await getJobTimeline((await params).id);
  if (!job) notFound();
  const query = await searchParams;
  const replayId = typeof query.replay === "string" ? query.replay : null;
  const [pollPage, polling, destinations, replay] = await Promise.all([
    listPolls(job.id, { limit: POLLS_SHOWN }),
    getPollingSettings(job.endpoint.id),
    listDestinations(job.endpoint.id),
    // The replay just started from this page (the form's action opens ?replay=<id>).
    replayId === null
      ? null
      : getReplayBatch(replayId).then(
          (batch) => (batch.jobReplay?.jobId === job.id ? batch : null),
          (error: unknown) =>
            error instanceof AppError && error.code === "not_found" ? null : Promise.reject(error),
        ),
  ]);
  const polls = pollPage.items.map(serializePoll);
  const entries = timelineEntries(job.events, pollPage.items);
  const parsed = jobDiffParamsSchema.safeParse(query);
  const pair = comparedPair(entries, parsed.success ? parsed.data : {});
  const summarised = withinBudget(job.events);
  const completed = completedEvents(job.events);
  const [eventPayloads, attempts, attemptCount] = await Promise.all([
    getJobEventPayloads(job, eventPayloadsToRead(job.events, summarised, pair)),
    listJobAttempts(job.id, { limit: ATTEMPTS_SHOWN }),
    countJobAttempts(job.id),
  ]);
  // A poll's payload is the part of its answer read like a callback: diffable against any callback.
  const payloads = new Map<string, unknown>([
    ...eventPayloads,
    ...polls.map((poll) => [poll.id, poll.payload] as const),
  ]);
  const changeCounts = countChanges(
    entries,
    [...summarised, ...polls.map((poll) => poll.id)],
    payloads,
  );
  const diffHref = (from: string, to: string) =>
    `/jobs/${encodeURIComponent(job.id)}?${new URLSearchParams({ from, to })}#diff`;
  const positionOf = (id: string) => entries.findIndex((entry) => entry.id === id) + 1;
  const { extraction } = job.endpoint;
  const outputUrls = new Map(
    completed.map((id) => [id, outputUrlIn(job.provider, extraction, eventPayloads.get(id))]),
  );
  const checks = checkSequence(
    [
      ...callbackObservations(job.events, (id) => outputUrls.get(id) ?? null),
      ...pollObservations(pollPage.items),
    ],
    { expectsOutputUrl: reportsOutputUrl(job.provider, extraction) },
  );
  const labels = entryLabels(entries);
  const diffOptions = diffChoices(entries);
  const repoll = polling.settings !== null;
  const registration = job.registeredAt && {
    at: job.registeredAt,
    by: job.registeredBy,
    via: job.registeredVia,
  };
  const isOverdue = job.overdueAt !== null && !isTerminalState(job.state);

  return (
    <div className="space-y-5">
      <ListKeyboard />
      <PageHeader
        eyebrow={
          <>
            <Link href="/jobs" className="text-indigo-600 hover:underline dark:text-indigo-400">
              Jobs
            </Link>{" "}
            · {job.provider} · {job.endpoint.name}
          </>
        }
        title={<span className="font-mono">{visibleText(job.externalId)}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <JobStateBadge state={job.state} />
            {isOverdue && job.overdueAt && (
              <OverdueBadge overdueAt={job.overdueAt} lastEventAt={job.lastEventAt} />
            )}
            {job.missedCallbackAt && (
              <Badge
                tone="red"
                dot
                title="The provider's status API says the job finished, but no callback for that state arrived"
              >
                missed callback
              </Badge>
            )}
            {job.eventCount === 0 ? (
              <span>no events yet</span>
            ) : (
              <span>
                {job.eventCount} {job.eventCount === 1 ? "event" : "events"}, last{" "}
                <RelativeTime iso={job.lastEventAt.toISOString()} />
              </span>
            )}
          </span>
        }
        actions={
          // Re-polling is a member's action, setting it up an admin's: a viewer gets neither.
          repoll
            ? hasRole(user.role, "member") && (
                <RepollButton repoll={repollAction.bind(null, job.id)} />
              )
            : hasRole(user.role, "admin") && (
                <Link
                  href={`/endpoints/${encodeURIComponent(job.endpoint.id)}`}
                  title="Set the provider's status API on the endpoint to re-poll its jobs"
                >
                  <Button variant="ghost">Set up re-polling</Button>
                </Link>
              )
        }
      />

      {job.state === "expected" && registration && (
        <Alert tone={isOverdue ? "warning" : "info"} title="Waiting for the first callback">
          <span data-testid="expected-job-note">
            Registered <RelativeTime iso={registration.at.toISOString()} /> by{" "}
            {visibleText(registrarWords(registration))}; no callback has named this job yet.{" "}
            {isOverdue
              ? "It is overdue: the time it was expected to take has passed."
              : job.expectTerminalMinutes !== null
                ? `It is flagged overdue if not finished within ${job.expectTerminalMinutes} min.`
                : "It is flagged overdue if not finished within the endpoint's window."}
          </span>
        </Alert>
      )}
      {job.state !== "expected" && isOverdue && job.overdueAt && (
        <Alert tone="warning" title="Overdue">
          No callback since <RelativeTime iso={job.lastEventAt.toISOString()} />, and the job is not
          finished: the time it was expected to take has passed.
        </Alert>
      )}

      <div className="grid gap-5 lg:grid-cols-2">
        <Panel title="Summary">
          <DescriptionList
            items={[
              {
                label: "State",
                value: (
                  <span className="flex items-center gap-2">
                    <JobStateBadge state={job.state} />
                    {job.stateAt && (
                      <span className="text-xs text-zinc-500 dark:text-zinc-400">
                        as of <RelativeTime iso={job.stateAt.toISOString()} /> (provider time)
                      </span>
                    )}
                  </span>
                ),
              },
              {
                label: "Provider",
                value: <span className="font-mono text-xs">{job.provider}</span>,
              },
              {
                label: "Endpoint",
                value: (
                  <Link
                    href={`/endpoints/${encodeURIComponent(job.endpoint.id)}`}
                    className="text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {job.endpoint.name}
                  </Link>
                ),
              },
              ...(registration
                ? [
                    {
                      label: "Registered",
                      value: (
                        <span>
                          <RelativeTime iso={registration.at.toISOString()} /> by{" "}
                          {visibleText(registrarWords(registration))}
                          {job.expectTerminalMinutes !== null &&
                            `, expected within ${job.expectTerminalMinutes} min`}
                        </span>
                      ),
                    },
                  ]
                : []),
              ...(job.label ? [{ label: "Label", value: visibleText(job.label) }] : []),
              ...(job.metadata === null
                ? []
                : [
                    {
                      label: "Metadata",
                      value: (
                        <JsonTree value={job.metadata} label="Metadata given at registration" />
                      ),
                    },
                  ]),
              { label: "Output URL", value: <OutputLink value={job.outputUrl} /> },
              {
                label: "Error",
                value: job.error ? (
                  <span className="font-mono text-xs whitespace-pre-wrap text-red-700 dark:text-red-300">
                    {visibleText(job.error)}
                  </span>
                ) : (
                  <span className="text-zinc-400">—</span>
                ),
              },
              ...(job.details === null
                ? []
                : [
                    {
                      label: "Details",
                      value: (
                        <JsonTree
                          value={job.details}
                          label="Provider details of the current state"
                        />
                      ),
                    },
                  ]),
              { label: "Job id", value: <span className="font-mono text-xs">{job.id}</span> },
              { label: "First seen", value: <RelativeTime iso={job.firstSeenAt.toISOString()} /> },
              {
                label: "Last callback",
                // A registered job's last_event_at is its registration until a callback comes.
                value:
                  job.eventCount === 0 ? (
                    <span className="text-zinc-400">none yet</span>
                  ) : (
                    <RelativeTime iso={job.lastEventAt.toISOString()} />
                  ),
              },
              ...(job.missedCallbackAt
                ? [
                    {
                      label: "Missed callback",
                      value: (
                        <span className="text-red-700 dark:text-red-300">
                          found by a poll <RelativeTime iso={job.missedCallbackAt.toISOString()} />:
                          the provider finished the job, its callback never came
                        </span>
                      ),
                    },
                  ]
                : []),
              {
                label: "Polls",
                value: !repoll ? (
                  <span className="text-zinc-500 dark:text-zinc-400">
                    re-polling is not set up for this endpoint
                  </span>
                ) : (
                  <span>
                    {job.lastPolledAt ? (
                      <>
                        last <RelativeTime iso={job.lastPolledAt.toISOString()} />
                      </>
                    ) : (
                      "never polled"
                    )}
                    {job.nextPollAt && polling.expectTerminalMinutes !== null && (
                      <>
                        {" "}
                        · next scheduled <RelativeTime iso={job.nextPollAt.toISOString()} />
                      </>
                    )}
                  </span>
                ),
              },
            ]}
          />
        </Panel>
        <ChecksPanel results={checks} eventLabels={labels} />
      </div>

      <Panel
        title="Timeline"
        actions={
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            callbacks and polls in provider order; provider time, else receipt
          </span>
        }
      >
        {entries.length === 0 ? (
          <EmptyState title="No events">No callback for this job is stored.</EmptyState>
        ) : (
          <>
            {job.events.length >= JOB_EVENTS_LIMIT && (
              <Alert tone="info">Only the first {JOB_EVENTS_LIMIT} events are shown.</Alert>
            )}
            {pollPage.nextCursor !== null && (
              <Alert tone="info">Only the newest {POLLS_SHOWN} polls are shown.</Alert>
            )}
            <Timeline
              entries={entries}
              diffHref={diffHref}
              compared={pair}
              changeCounts={changeCounts}
            />
          </>
        )}
      </Panel>

      <div id="diff" className="scroll-mt-16">
        <Panel title="Payload diff">
          {pair === null ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              A diff needs two callbacks or polls; this job has {entries.length}.
            </p>
          ) : (
            <div className="space-y-3">
              <DiffPicker events={diffOptions} from={pair.from} to={pair.to} />
              {!parsed.success && (
                <Alert tone="warning">
                  The ?from= and ?to= values were not event or poll ids; showing the last two.
                </Alert>
              )}
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                From{" "}
                <Link
                  href={entryHref(pair.from)}
                  className="text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  #{positionOf(pair.from)}
                </Link>{" "}
                to{" "}
                <Link
                  href={entryHref(pair.to)}
                  className="text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  #{positionOf(pair.to)}
                </Link>
                : paths added, removed and changed.
              </p>
              <DiffTable
                rows={diffJson(payloads.get(pair.from) ?? null, payloads.get(pair.to) ?? null)}
              />
            </div>
          )}
        </Panel>
      </div>

      <div id="replay" className="scroll-mt-16">
        <Panel
          title="Replay this job"
          actions={
            <a
              href={`/api/jobs/${encodeURIComponent(job.id)}/export`}
              download
              className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
              data-testid="export-job"
            >
              Export as a fixture (.json)
            </a>
          }
        >
          <div className="space-y-4">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Sends this job&apos;s {job.events.length === 1 ? "event" : "events"} again, in
              provider order, to a destination or a URL. The exported fixture holds every delivery
              byte for byte (credentials masked);{" "}
              <code className="font-mono text-xs">
                npx webhook-inbox replay-fixture job.json --to http://localhost:4000/hook
              </code>{" "}
              plays it against a local receiver.
            </p>
            {replay && (
              <div className="space-y-2" data-testid="job-replay-progress">
                {replay.pending > 0 && <RefreshEvery seconds={1} />}
                <ReplayProgress counts={replay} />
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {replay.pending > 0 ? "Sending… this page updates every second. " : "Done. "}
                  <Link
                    href={`/replays/${encodeURIComponent(replay.id)}`}
                    className="text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    Every attempt of replay {replay.id}
                  </Link>
                </p>
              </div>
            )}
            {hasRole(user.role, "member") ? (
              <JobReplayForm
                action={replayJobAction.bind(null, job.id)}
                destinations={destinations.map((d) => ({
                  id: d.id,
                  url: d.url,
                  enabled: d.enabled,
                }))}
                eventCount={job.events.length}
                resignRefusal={bulkResignRefusal(
                  job.events.map((event) => event.verification),
                  user.role,
                )}
              />
            ) : (
              <RoleNote>Members and admins can replay a job.</RoleNote>
            )}
          </div>
        </Panel>
      </div>

      <Panel
        title="Forwarding and replay"
        actions={
          attemptCount > 0 && (
            <span className="text-xs text-zinc-500 dark:text-zinc-400">
              {attemptCount === 1 ? "1 attempt" : `${attemptCount.toLocaleString("en")} attempts`},
              newest first
            </span>
          )
        }
      >
        {attempts.items.length === 0 ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Nothing was sent for this job&apos;s events yet. Replay one from its event page.
          </p>
        ) : (
          <div className="space-y-2">
            <AttemptsTable
              attempts={attempts.items}
              caption="Attempts of this job's events, newest first"
              withEvent
            />
            {attemptCount > attempts.items.length && (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                Showing the newest {attempts.items.length} of {attemptCount.toLocaleString("en")};{" "}
                <code className="font-mono">GET /api/jobs/{job.id}/attempts</code> pages through all
                of them.
              </p>
            )}
          </div>
        )}
      </Panel>
    </div>
  );
}
