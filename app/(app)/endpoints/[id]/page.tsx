import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertsPanel } from "@/components/endpoints/alerts-panel";
import { ArchiveEndpoint } from "@/components/endpoints/archive-endpoint";
import { DeliveryPromiseList } from "@/components/endpoints/delivery-promise";
import { DestinationsPanel } from "@/components/endpoints/destinations-panel";
import { PollingPanel } from "@/components/endpoints/polling-panel";
import { curlExample } from "@/components/endpoints/curl-command";
import { ExpectJobsPanel } from "@/components/endpoints/expect-jobs-panel";
import { EndpointSettingsForm } from "@/components/endpoints/endpoint-settings-form";
import { FirstCallbackGuide } from "@/components/endpoints/first-callback-guide";
import { schemeGuide } from "@/components/endpoints/scheme-guide";
import { SecretsPanel } from "@/components/endpoints/secrets-panel";
import { TestCallbackPanel } from "@/components/endpoints/test-callback-panel";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { DescriptionList, Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { RoleNote } from "@/components/ui/role-note";
import { listAlertChannels, listAlerts } from "@/lib/alerts/data";
import { serializeAlert, serializeAlertChannel } from "@/lib/alerts/serialize";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listDestinations } from "@/lib/destinations/data";
import { serializeDestination } from "@/lib/destinations/serialize";
import { getEndpoint, getEndpointActivity } from "@/lib/endpoints/data";
import {
  MAX_BODY_LIMIT_BYTES,
  MAX_RATE_LIMIT_PER_SECOND,
  RATE_LIMIT_BURST_FACTOR,
} from "@/lib/endpoints/schema";
import { ingestUrlFor } from "@/lib/endpoints/serialize";
import { expectSnippet } from "@/lib/jobs/expect-snippets";
import { DEFAULT_EXPECT_TERMINAL_MINUTES } from "@/lib/jobs/schema";
import { getPollingSettings } from "@/lib/polling/data";
import { serializePollingSettings } from "@/lib/polling/serialize";
import { AppError } from "@/lib/http/app-error";
import { getDeliveryPromise } from "@/lib/providers/delivery-promises";
import { extractionConfigSchema, providerIdSchema } from "@/lib/providers/schema";
import { getEnv } from "@/lib/env";
import { settingOfStored } from "@/lib/retention/policy";
import { verificationConfigSchema } from "@/lib/verify/schema";
import {
  addDestinationAction,
  addSecretAction,
  archiveEndpointAction,
  removeDestinationAction,
  removeSecretAction,
  sendTestCallbackAction,
  setDestinationEnabledAction,
  updateSettingsAction,
} from "../actions";
import {
  addAlertChannelAction,
  removeAlertChannelAction,
  sendTestAlertAction,
  setAlertChannelEnabledAction,
} from "../alert-actions";
import { pageOrigin } from "@/lib/http/page-origin";
import { clearPollingAction, savePollingAction } from "../polling-actions";

export const metadata: Metadata = { title: "Endpoint" };

const KIB = 1024;
/** The endpoint page shows the latest alerts; GET /api/alerts?endpointId= pages through all. */
const RECENT_ALERTS = 10;

async function loadEndpoint(id: string) {
  try {
    return await getEndpoint(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** The configured paths of a standard-webhooks or generic endpoint, as one line. */
function describeExtraction(value: unknown): string {
  const parsed = extractionConfigSchema.safeParse(value);
  const config = parsed.success ? parsed.data : {};
  const parts = [
    config.jobIdPath && `job id from ${config.jobIdPath}`,
    config.statePath && `state from ${config.statePath}`,
    config.eventTypePath && `event type from ${config.eventTypePath}`,
    config.outputUrlPath && `output URL from ${config.outputUrlPath}`,
  ].filter(Boolean);
  return parts.length > 0
    ? parts.join(" · ")
    : "none configured: callbacks are stored as events without a job (set paths with PATCH /api/endpoints/<id>)";
}

export default async function EndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const user = await requireUser();
  // The page leaves out what the role cannot do; the actions refuse it all the same.
  const canManage = hasRole(user.role, "admin");
  const canOperate = hasRole(user.role, "member");
  const { id } = await params;
  const justCreated = (await searchParams).created === "1";
  const endpoint = await loadEndpoint(id);
  const provider = providerIdSchema.parse(endpoint.provider);
  const verification = verificationConfigSchema.parse(endpoint.verification);
  const guide = schemeGuide(provider, verification);
  const [activityById, destinations, polling, alertChannels, recentAlerts] = await Promise.all([
    getEndpointActivity([endpoint.id]),
    listDestinations(endpoint.id),
    getPollingSettings(endpoint.id),
    listAlertChannels(endpoint.id),
    listAlerts({ endpointId: endpoint.id, limit: RECENT_ALERTS }),
  ]);
  const activity = activityById.get(endpoint.id);
  const origin = await pageOrigin();
  const url = ingestUrlFor(endpoint.key, origin);
  const pollingExpect = polling.settings ? polling.expectTerminalMinutes : null;
  const overdueWindow = `${pollingExpect ?? endpoint.overdueAfterMinutes ?? DEFAULT_EXPECT_TERMINAL_MINUTES} min`;
  const archived = endpoint.archivedAt !== null;
  const hasEvents = (activity?.eventCount ?? 0) > 0;
  const secretLabel = guide.scheme === "token" ? "token" : "signing secret";
  const signedWith =
    guide.scheme === "none" || (guide.scheme === "token" && endpoint.secretCount === 0)
      ? `Posts ${guide.label}'s documented sample payload, unsigned (this endpoint checks no signature), to the ingest URL above.`
      : endpoint.secretCount === 0
        ? `Posts ${guide.label}'s documented sample payload to the ingest URL above. No ${secretLabel} is set yet, so it goes unsigned and verification will fail.`
        : `Posts ${guide.label}'s documented sample payload to the ingest URL above, signed with the newest ${secretLabel} the way ${guide.label} signs.`;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/endpoints" className="hover:underline">
            Endpoints
          </Link>
        }
        title={endpoint.name}
        description={
          archived
            ? `${guide.label} endpoint, archived: its URL answers 410 Gone.`
            : `${guide.label} endpoint, accepting callbacks.`
        }
        actions={archived ? <Badge tone="amber">archived</Badge> : undefined}
      />
      <div className="space-y-5">
        {justCreated && (
          <Alert tone="success" title="Endpoint created">
            Paste the ingest URL into {guide.label} as the callback URL, then send a test callback
            to check the set-up.
          </Alert>
        )}
        <Panel title="Ingest URL">
          <div className="flex flex-wrap items-center gap-2">
            <code
              className="min-w-0 flex-1 break-all rounded-md bg-zinc-50 px-2.5 py-1.5 font-mono text-xs text-zinc-800 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:text-zinc-200 dark:ring-zinc-800"
              data-testid="ingest-url"
            >
              {url}
            </code>
            <CopyButton value={url} label="Copy URL" size="md" />
          </div>
          <div className="mt-4">
            <DescriptionList
              items={[
                { label: "Provider", value: guide.label },
                { label: "Verification", value: guide.summary },
                { label: "What arrives", value: guide.sends },
                ...(guide.isConfigurable
                  ? [{ label: "Job fields", value: describeExtraction(endpoint.extraction) }]
                  : []),
                {
                  label: "Body cap",
                  value: (
                    <span className="tabular-nums">
                      {(endpoint.bodyLimitBytes / KIB).toLocaleString("en")} KiB
                    </span>
                  ),
                },
                {
                  label: "Rate limit",
                  value:
                    endpoint.rateLimitPerSecond === null ? (
                      "none"
                    ) : (
                      <span className="tabular-nums">
                        {endpoint.rateLimitPerSecond.toLocaleString("en")}/s, bursts to{" "}
                        {(endpoint.rateLimitPerSecond * RATE_LIMIT_BURST_FACTOR).toLocaleString(
                          "en",
                        )}
                      </span>
                    ),
                },
                {
                  label: "Last callback",
                  value: activity?.lastReceivedAt ? (
                    <RelativeTime iso={activity.lastReceivedAt.toISOString()} />
                  ) : (
                    "never"
                  ),
                },
                {
                  label: "Events",
                  value: (
                    <span className="tabular-nums">
                      {(activity?.eventCount ?? 0).toLocaleString("en")}
                    </span>
                  ),
                },
                {
                  label: "Created",
                  value: <RelativeTime iso={endpoint.createdAt.toISOString()} />,
                },
                ...(endpoint.archivedAt
                  ? [
                      {
                        label: "Archived",
                        value: <RelativeTime iso={endpoint.archivedAt.toISOString()} />,
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        </Panel>

        {!archived && (
          <Panel title={`When ${guide.label} retries`}>
            <DeliveryPromiseList promise={getDeliveryPromise(provider)} />
          </Panel>
        )}

        {!archived && (
          <div className="grid gap-5 lg:grid-cols-2">
            <Panel title="Test callback">
              {canOperate ? (
                <TestCallbackPanel
                  send={sendTestCallbackAction.bind(null, endpoint.id)}
                  signedWith={signedWith}
                />
              ) : (
                <RoleNote>Members and admins can send test callbacks.</RoleNote>
              )}
            </Panel>
            <Panel title={guide.scheme === "token" ? "Token" : "Signing secrets"}>
              {guide.secretHint ? (
                <SecretsPanel
                  count={endpoint.secretCount}
                  label={secretLabel}
                  hint={guide.secretHint}
                  pattern={guide.secretPattern}
                  canManage={canManage}
                  add={addSecretAction.bind(null, endpoint.id)}
                  remove={removeSecretAction.bind(null, endpoint.id)}
                />
              ) : (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{guide.sends}</p>
              )}
            </Panel>
          </div>
        )}

        {!archived && (
          <Panel title="Forwarding">
            <DestinationsPanel
              destinations={destinations.map(serializeDestination)}
              canManage={canManage}
              add={addDestinationAction.bind(null, endpoint.id)}
              setEnabled={setDestinationEnabledAction.bind(null, endpoint.id)}
              remove={removeDestinationAction.bind(null, endpoint.id)}
            />
          </Panel>
        )}

        {!archived && (
          <Panel title="Re-polling the provider">
            <PollingPanel
              polling={serializePollingSettings(polling)}
              canManage={canManage}
              save={savePollingAction.bind(null, endpoint.id)}
              clear={clearPollingAction.bind(null, endpoint.id)}
            />
          </Panel>
        )}

        {!archived && (
          <Panel title="Expected jobs">
            <ExpectJobsPanel
              providerLabel={guide.label}
              snippet={expectSnippet(provider, { endpointId: endpoint.id, ingestUrl: url, origin })}
              overdueWindow={overdueWindow}
            />
          </Panel>
        )}

        {!archived && (
          <Panel title="Alerts">
            <AlertsPanel
              channels={alertChannels.map(serializeAlertChannel)}
              alerts={recentAlerts.items.map(serializeAlert)}
              canManage={canManage}
              add={addAlertChannelAction.bind(null, endpoint.id)}
              sendTest={sendTestAlertAction.bind(null, endpoint.id)}
              setEnabled={setAlertChannelEnabledAction.bind(null, endpoint.id)}
              remove={removeAlertChannelAction.bind(null, endpoint.id)}
            />
          </Panel>
        )}

        {!hasEvents && !archived && (
          <FirstCallbackGuide
            providerLabel={guide.label}
            example={curlExample(
              { provider, verification, secretCount: endpoint.secretCount },
              url,
            )}
          />
        )}

        {!archived && !canManage && (
          <Panel title="Settings">
            <RoleNote>Only admins can rename, resize or archive this endpoint.</RoleNote>
          </Panel>
        )}

        {!archived && canManage && (
          <div className="grid gap-5 lg:grid-cols-2">
            <Panel title="Settings">
              <EndpointSettingsForm
                name={endpoint.name}
                bodyLimitKib={Math.round(endpoint.bodyLimitBytes / KIB)}
                maxBodyLimitKib={MAX_BODY_LIMIT_BYTES / KIB}
                rateLimitPerSecond={endpoint.rateLimitPerSecond}
                maxRateLimitPerSecond={MAX_RATE_LIMIT_PER_SECOND}
                burstFactor={RATE_LIMIT_BURST_FACTOR}
                overdueAfterMinutes={endpoint.overdueAfterMinutes}
                pollingExpectMinutes={pollingExpect}
                retention={settingOfStored(endpoint.retentionDays)}
                defaultRetentionDays={getEnv().INBOX_RETENTION_DAYS}
                failedRetentionDays={getEnv().INBOX_FAILED_RETENTION_DAYS}
                action={updateSettingsAction.bind(null, endpoint.id)}
              />
            </Panel>
            <Panel title="Archive">
              <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
                Stop accepting callbacks at this URL. Everything already stored stays.
              </p>
              <ArchiveEndpoint
                name={endpoint.name}
                archive={archiveEndpointAction.bind(null, endpoint.id)}
              />
            </Panel>
          </div>
        )}
      </div>
    </>
  );
}
