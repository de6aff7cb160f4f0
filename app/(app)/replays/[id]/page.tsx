// A bulk replay: how far it got (counts of outcomes, live until nothing is pending),
// what was asked (filters, target, signing) and every attempt it made, newest first
// (?cursor= pages). Its URL is the one the Inbox's dialog opens, to reload or share.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptsTable } from "@/components/attempts/attempts-table";
import { RESIGN_WORDS } from "@/components/endpoints/resign-words";
import { describeFilters, inboxFiltersOf, inboxHref } from "@/components/inbox/inbox-url";
import { ReplayProgress } from "@/components/replay/replay-progress";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { DescriptionList, Panel } from "@/components/ui/panel";
import { RefreshEvery } from "@/components/ui/refresh-every";
import { RelativeTime } from "@/components/ui/relative-time";
import { listBatchAttempts } from "@/lib/attempts/data";
import { requireUser } from "@/lib/auth/session";
import { findReplayDestination } from "@/lib/destinations/data";
import { listEndpoints } from "@/lib/endpoints/data";
import { AppError } from "@/lib/http/app-error";
import { findStarterEmail, getReplayBatch } from "@/lib/replay/data";
import { resignModeOf } from "@/lib/replay/target";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Bulk replay · Webhook Inbox" };

const PAGE_SIZE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string }> };

export default async function ReplayBatchPage({ params, searchParams }: Props) {
  await requireUser();
  const id = (await params).id;
  const batch = await getReplayBatch(id).catch((error: unknown) =>
    error instanceof AppError && error.code === "not_found" ? null : Promise.reject(error),
  );
  if (!batch) notFound();
  const { cursor } = await searchParams;
  const { request } = batch;
  const [attempts, starter, destination, endpoints] = await Promise.all([
    // A hand-edited cursor shows the newest attempts instead of failing the page.
    listBatchAttempts(id, { limit: PAGE_SIZE, cursor }).catch((error: unknown) =>
      error instanceof AppError && error.code === "invalid_cursor"
        ? listBatchAttempts(id, { limit: PAGE_SIZE })
        : Promise.reject(error),
    ),
    findStarterEmail(batch.createdBy),
    request?.destinationId ? findReplayDestination(request.destinationId) : null,
    listEndpoints({ limit: 200, archived: false }),
  ]);
  const isDone = batch.pending === 0;
  const filters = request ? inboxFiltersOf(request.filter) : null;
  const filterWords = filters
    ? describeFilters(filters, new Map(endpoints.items.map((e) => [e.id, e.name])))
    : [];

  return (
    <div className="space-y-5">
      {!isDone && <RefreshEvery seconds={1} />}
      <PageHeader
        eyebrow={
          <>
            <Link href="/" className="text-indigo-600 hover:underline dark:text-indigo-400">
              Inbox
            </Link>{" "}
            · bulk replay <span className="font-mono">{batch.id}</span>
          </>
        }
        title={`Replay of ${batch.total.toLocaleString("en")} ${batch.total === 1 ? "event" : "events"}`}
        description={
          <>
            Started <RelativeTime iso={batch.createdAt.toISOString()} /> by{" "}
            {batch.createdBy === "operator"
              ? "the operator API token"
              : (starter ?? "a removed member")}
            .
          </>
        }
        actions={
          filters && (
            <ButtonLink href={inboxHref(filters, undefined)}>
              Open these events in the Inbox
            </ButtonLink>
          )
        }
      />

      <Panel
        title="Progress"
        actions={
          isDone ? (
            <Badge tone="green" dot>
              done
            </Badge>
          ) : (
            <span role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
              Sending… this page updates every second
            </span>
          )
        }
      >
        <ReplayProgress counts={batch} />
      </Panel>

      <Panel title="What is replayed">
        {batch.jobReplay ? (
          <DescriptionList
            items={[
              {
                label: "Job",
                value: (
                  <Link
                    href={`/jobs/${encodeURIComponent(batch.jobReplay.jobId)}`}
                    className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {batch.jobReplay.jobId}
                  </Link>
                ),
              },
              {
                label: "Sent to",
                value: (
                  <span className="font-mono text-xs break-all">
                    {batch.jobReplay.url ?? batch.jobReplay.destinationId}
                  </span>
                ),
              },
              {
                label: "Timing",
                value:
                  batch.jobReplay.timing === "none"
                    ? "back to back, in provider order"
                    : `as the provider spaced them, at ${batch.jobReplay.speed}x`,
              },
            ]}
          />
        ) : request === null ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            This batch was started before requests were recorded; its attempts below show where it
            went.
          </p>
        ) : (
          <DescriptionList
            items={[
              {
                label: "Events",
                value:
                  filterWords.length === 0 ? (
                    "every event (no filter)"
                  ) : (
                    <span className="flex flex-wrap gap-1.5">
                      {filterWords.map(([label, value]) => (
                        <span
                          key={label}
                          className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800"
                        >
                          {label}: <span className="font-mono">{value}</span>
                        </span>
                      ))}
                    </span>
                  ),
              },
              {
                label: "Sent to",
                value: request.url ? (
                  <span className="font-mono text-xs break-all">{request.url}</span>
                ) : destination ? (
                  <span>
                    <span className="font-mono text-xs break-all">{destination.url}</span>{" "}
                    <span className="text-xs text-zinc-500 dark:text-zinc-400">
                      (a destination of {destination.endpointName})
                    </span>
                  </span>
                ) : (
                  <span className="text-zinc-500 dark:text-zinc-400">
                    a destination that was removed since
                  </span>
                ),
              },
              {
                label: "Signature",
                value: signatureWords(resignModeOf(request.resign, destination?.resign ?? null)),
              },
              { label: "Retries", value: "none: each event is sent once" },
            ]}
          />
        )}
      </Panel>

      <Panel
        title="Attempts"
        actions={<span className="text-xs text-zinc-500 dark:text-zinc-400">newest first</span>}
      >
        {attempts.items.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {isDone
              ? "This batch sent nothing."
              : "Nothing sent yet: the first attempts appear here in a moment."}
          </p>
        ) : (
          <div className="space-y-3">
            <AttemptsTable
              attempts={attempts.items}
              caption="Attempts of this bulk replay, newest first"
              withEvent
            />
            <nav aria-label="Pages" className="flex justify-between gap-2">
              {cursor ? (
                <ButtonLink href={`/replays/${encodeURIComponent(batch.id)}`} size="sm">
                  ← Newest
                </ButtonLink>
              ) : (
                <span />
              )}
              {attempts.nextCursor && (
                <ButtonLink
                  href={`/replays/${encodeURIComponent(batch.id)}?${new URLSearchParams({ cursor: attempts.nextCursor })}`}
                  size="sm"
                >
                  Older →
                </ButtonLink>
              )}
            </nav>
          </div>
        )}
      </Panel>
    </div>
  );
}

const signatureWords = (mode: string) => RESIGN_WORDS[mode] ?? mode;
