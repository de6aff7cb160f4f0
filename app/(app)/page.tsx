// The Inbox, landing page of the dashboard: events newest first, filtered by the URL's
// search params (the same names as GET /api/events), live on the newest page.
import { InboxFilters as InboxFilterBar } from "@/components/inbox/inbox-filters";
import { BulkReplay } from "@/components/inbox/bulk-replay";
import { DownloadExport } from "@/components/inbox/download-export";
import { describeFilters, inboxHref, type InboxFilters } from "@/components/inbox/inbox-url";
import { GettingStarted } from "@/components/inbox/getting-started";
import { InboxView } from "@/components/inbox/inbox-view";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listEndpoints } from "@/lib/endpoints/data";
import { listEvents } from "@/lib/events/data";
import { eventFilterNames } from "@/lib/events/filter-names";
import { listEventsSchema, verificationValues } from "@/lib/events/schema";
import { serializeListedEvent } from "@/lib/events/serialize";
import { AppError } from "@/lib/http/app-error";
import { pageOrigin } from "@/lib/http/page-origin";
import { jobStates } from "@/lib/job-states/constants";
import { providerPresets } from "@/lib/providers/registry";
import { BULK_REPLAY_CAP } from "@/lib/replay/schema";
import { previewBulkReplay, startBulkReplayAction } from "./replays/actions";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = nonEmptyValues(await searchParams);
  const filters: InboxFilters = Object.fromEntries(
    eventFilterNames.flatMap((name) => (params[name] ? [[name, params[name]]] : [])),
  );
  const [endpoints, page] = await Promise.all([
    listEndpoints({ limit: 200, archived: false }),
    loadPage(params),
  ]);
  const newest = endpoints.items[0];
  const origin = await pageOrigin();
  // Remount the client parts on every navigation: their state belongs to one URL.
  const viewKey = inboxHref(filters, params.limit, params.cursor);

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Every callback your endpoints received, newest first."
        // Bulk replay is a member's action: a viewer does not get the button. Download
        // is everyone's (a viewer may read every event anyway).
        actions={
          <div className="flex items-center gap-2">
            {page.ok && <DownloadExport filters={filters} />}
            {hasRole(user.role, "member") && (
              <BulkReplay
                key={`replay ${viewKey}`}
                filters={filters}
                filterWords={describeFilters(
                  filters,
                  new Map(endpoints.items.map((e) => [e.id, e.name])),
                )}
                cap={BULK_REPLAY_CAP}
                preview={previewBulkReplay}
                start={startBulkReplayAction}
              />
            )}
          </div>
        }
      />
      <InboxFilterBar
        key={`filters ${viewKey}`}
        filters={filters}
        limit={params.limit}
        choices={{
          endpoints: endpoints.items.map((e) => ({ id: e.id, name: e.name, provider: e.provider })),
          providers: Object.values(providerPresets).map((p) => ({ id: p.id, label: p.label })),
          verifications: verificationValues,
          jobStates,
        }}
      />
      {page.ok ? (
        <InboxView
          key={`view ${viewKey}`}
          initialRows={page.items.map(serializeListedEvent)}
          nextCursor={page.nextCursor}
          filters={filters}
          limit={params.limit}
          cursor={params.cursor}
          gettingStarted={
            <GettingStarted
              origin={origin}
              endpoint={newest ? { name: newest.name, key: newest.key } : null}
            />
          }
        />
      ) : (
        <Alert tone="error" title="This view cannot be shown">
          <p>{page.message}</p>
          <a href="/" className="mt-1 inline-block font-medium underline">
            Clear filters
          </a>
        </Alert>
      )}
    </>
  );
}

/** A bad link (hand-edited filters, a stale cursor) explains itself instead of failing the page. */
async function loadPage(params: Record<string, string>) {
  const parsed = listEventsSchema.safeParse(params);
  const shortSearch = parsed.error?.issues.find(
    (issue) => issue.path[0] === "q" && issue.code === "too_small",
  );
  if (shortSearch)
    return {
      ok: false as const,
      message: `Search: ${shortSearch.message} (shorter terms would match nearly every payload).`,
    };
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")))].join(
      ", ",
    );
    return { ok: false as const, message: `These search parameters are not valid: ${fields}.` };
  }
  try {
    return { ok: true as const, ...(await listEvents(parsed.data)) };
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_cursor")
      return { ok: false as const, message: "This page link has expired or was changed." };
    throw error;
  }
}

/** Repeated params count once; empty ones (an emptied form field) mean "no filter". */
function nonEmptyValues(searchParams: SearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) values[name] = first;
  }
  return values;
}
