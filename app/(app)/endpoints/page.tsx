import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListKeyboard } from "@/components/ui/list-keyboard";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { RoleNote } from "@/components/ui/role-note";
import { Table, type Column } from "@/components/ui/table";
import { cx } from "@/components/ui/cx";
import { formatSize } from "@/components/ui/format-size";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getEndpointActivity, listEndpoints } from "@/lib/endpoints/data";
import { ingestUrlFor } from "@/lib/endpoints/serialize";
import { AppError } from "@/lib/http/app-error";
import { getPreset, providerPresets } from "@/lib/providers/registry";
import { providerIdSchema } from "@/lib/providers/schema";
import { pageOrigin } from "@/lib/http/page-origin";
import { getEndpointsUsage, type EndpointUsage } from "@/lib/usage/data";

export const metadata: Metadata = { title: "Endpoints" };

const PAGE_SIZE = 100;

const ENDPOINT_COLUMNS: Column[] = [
  { label: "Name" },
  { label: "Provider" },
  { label: "Ingest URL" },
  { label: "Last callback" },
  { label: "Events", align: "right" },
  { label: "Stored", align: "right" },
  { label: "Retention" },
];

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

function StoredCell({ usage }: { usage: EndpointUsage | undefined }) {
  if (!usage) return null;
  return (
    <div className="text-xs whitespace-nowrap tabular-nums" data-testid="endpoint-usage">
      <div className="text-zinc-800 dark:text-zinc-200">
        {count(usage.deliveries, "delivery", "deliveries")}
      </div>
      <div className="text-zinc-500 dark:text-zinc-400">
        {formatSize(usage.bytes)} · {count(usage.jobs, "job", "jobs")}
      </div>
      {usage.countedAt && (
        // Too big to count on every view: the queue's last count (every five minutes).
        <div className="text-zinc-500 dark:text-zinc-400" data-testid="usage-counted-at">
          counted <RelativeTime iso={usage.countedAt.toISOString()} />
        </div>
      )}
    </div>
  );
}

function RetentionCell({ usage }: { usage: EndpointUsage | undefined }) {
  if (!usage) return null;
  const { retention, nextRun, oldestDeliveryAt } = usage;
  return (
    <div className="text-xs whitespace-nowrap" data-testid="endpoint-retention">
      <div className="text-zinc-800 dark:text-zinc-200">
        {retention.days === null
          ? "Kept forever"
          : `${retention.days.toLocaleString("en")} days${retention.setting === "default" ? " (default)" : ""}`}
      </div>
      <div className="text-zinc-500 dark:text-zinc-400">
        {oldestDeliveryAt ? (
          <>
            oldest <RelativeTime iso={oldestDeliveryAt.toISOString()} />
          </>
        ) : (
          "nothing stored"
        )}
      </div>
      {retention.days !== null && (
        <div className="text-zinc-500 dark:text-zinc-400">
          next run removes {nextRun.deliveries.toLocaleString("en")}
        </div>
      )}
    </div>
  );
}

function providerLabel(provider: string): string {
  const parsed = providerIdSchema.safeParse(provider);
  return parsed.success ? getPreset(parsed.data).label : provider;
}

export default async function EndpointsPage({
  searchParams,
}: {
  searchParams: Promise<{ archived?: string; cursor?: string }>;
}) {
  const user = await requireUser();
  // Creating endpoints is an admin's: others get no button that would only be refused.
  const canManage = hasRole(user.role, "admin");
  const params = await searchParams;
  const archived = params.archived === "true";
  // A hand-edited cursor starts the list over instead of failing the page.
  const page = await listEndpoints({ archived, limit: PAGE_SIZE, cursor: params.cursor }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "invalid_cursor")
        return listEndpoints({ archived, limit: PAGE_SIZE });
      throw error;
    },
  );
  const ids = page.items.map((e) => e.id);
  const [activity, usage] = await Promise.all([getEndpointActivity(ids), getEndpointsUsage(ids)]);
  const origin = await pageOrigin();
  const tab = (active: boolean) =>
    cx(
      "rounded-md px-2.5 py-1 text-xs",
      active
        ? "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50"
        : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
    );

  return (
    <>
      <PageHeader
        title="Endpoints"
        description="Each endpoint is a hosted ingest URL you give a provider as its callback URL."
        actions={
          canManage && (
            <ButtonLink href="/endpoints/new" variant="primary">
              New endpoint
            </ButtonLink>
          )
        }
      />
      <nav aria-label="Endpoint lists" className="mb-3 flex gap-1">
        <Link
          href="/endpoints"
          className={tab(!archived)}
          aria-current={!archived ? "page" : undefined}
        >
          Active
        </Link>
        <Link
          href="/endpoints?archived=true"
          className={tab(archived)}
          aria-current={archived ? "page" : undefined}
        >
          Archived
        </Link>
      </nav>
      {page.items.length === 0 ? (
        archived ? (
          <EmptyState title="No archived endpoints">
            Archiving an endpoint keeps its events; its URL then answers 410 Gone.
          </EmptyState>
        ) : (
          <EmptyState
            title="No endpoints yet"
            actions={
              canManage ? (
                <ButtonLink href="/endpoints/new" variant="primary">
                  Create your first endpoint
                </ButtonLink>
              ) : (
                <RoleNote>Only admins can create endpoints.</RoleNote>
              )
            }
          >
            <p>
              Create an endpoint, choose the provider that will call it (
              {Object.values(providerPresets)
                .map((p) => p.label)
                .join(", ")}
              ), and paste its ingest URL into the provider as the callback URL. Every callback is
              then verified and stored here.
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <ListKeyboard />
          <Table caption="Endpoints" columns={ENDPOINT_COLUMNS}>
            {page.items.map((endpoint) => {
              const url = ingestUrlFor(endpoint.key, origin);
              const stats = activity.get(endpoint.id);
              return (
                <tr
                  key={endpoint.id}
                  data-nav-item
                  className="hover:bg-zinc-50 focus-within:bg-zinc-50 dark:hover:bg-zinc-900/60 dark:focus-within:bg-zinc-900/60"
                >
                  <td>
                    <Link
                      href={`/endpoints/${endpoint.id}`}
                      className="font-medium text-zinc-900 hover:underline focus:underline focus:outline-none dark:text-zinc-100"
                    >
                      {endpoint.name}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap text-zinc-700 dark:text-zinc-300">
                    {providerLabel(endpoint.provider)}
                  </td>
                  <td>
                    <div className="flex items-center gap-2">
                      <code
                        className="max-w-[28rem] truncate font-mono text-xs text-zinc-600 dark:text-zinc-400"
                        title={url}
                      >
                        {url}
                      </code>
                      <CopyButton value={url} label="Copy URL" />
                    </div>
                  </td>
                  <td className="text-xs text-zinc-600 dark:text-zinc-400">
                    {stats?.lastReceivedAt ? (
                      <RelativeTime iso={stats.lastReceivedAt.toISOString()} />
                    ) : (
                      <span className="text-zinc-400 dark:text-zinc-500">never</span>
                    )}
                  </td>
                  <td className="text-right text-xs tabular-nums text-zinc-700 dark:text-zinc-300">
                    {(usage.get(endpoint.id)?.events ?? 0).toLocaleString("en")}
                  </td>
                  <td className="text-right">
                    <StoredCell usage={usage.get(endpoint.id)} />
                  </td>
                  <td>
                    <RetentionCell usage={usage.get(endpoint.id)} />
                  </td>
                </tr>
              );
            })}
          </Table>
        </>
      )}
      {page.nextCursor && (
        <div className="mt-3 flex justify-end">
          <ButtonLink
            href={`/endpoints?${new URLSearchParams({ ...(archived ? { archived: "true" } : {}), cursor: page.nextCursor })}`}
            size="sm"
          >
            Older endpoints
          </ButtonLink>
        </div>
      )}
    </>
  );
}
