// An event: what arrived, whether it was verified and why not, every delivery with its
// headers, and ways to replay one (curl) or take its exact bytes (raw download).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptsPanel } from "@/components/event/attempts-panel";
import { DeliveryPanel, rawHrefOf } from "@/components/event/delivery-panel";
import { PayloadPanel } from "@/components/event/payload-panel";
import { VerificationPanel } from "@/components/event/verification-panel";
import { JobStateBadge, VerificationBadge } from "@/components/domain-badges";
import { visibleText } from "@/components/json/visible-text";
import { Alert } from "@/components/ui/alert";
import { DescriptionList, Panel } from "@/components/ui/panel";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { listEventAttempts } from "@/lib/attempts/data";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listDestinations } from "@/lib/destinations/data";
import { ingestUrlFor } from "@/lib/endpoints/serialize";
import { pageOrigin } from "@/lib/http/page-origin";
import { curlBodyFor, type CurlSource } from "@/lib/events/curl-command";
import { resignRefusal } from "@/lib/forwarding/resign-policy";
import { EVENT_DELIVERIES_LIMIT, getEventDetail, type EventDetail } from "@/lib/events/data";
import { maskStoredRequest, type MaskedHeaders } from "@/lib/deliveries/sealed-headers";
import { replayAction, revealCredentialValue, revealCredentialValues } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Event · Webhook Inbox" };

/** The newest attempts on the page; GET /api/events/<id>/attempts pages through all. */
const ATTEMPTS_SHOWN = 20;

const linkClass = "text-indigo-600 hover:underline dark:text-indigo-400";

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const event = await getEventDetail((await params).id);
  if (!event) notFound();
  const origin = await pageOrigin();
  const [attempts, destinations] = await Promise.all([
    listEventAttempts(event.id, { limit: ATTEMPTS_SHOWN }),
    listDestinations(event.endpoint.id),
  ]);
  // Only what the replay form shows: a destination's secret never reaches the browser.
  const replayTargets = destinations.map(({ id, url, enabled }) => ({ id, url, enabled }));
  const payloadDelivery =
    event.deliveries.find((d) => d.id === event.payloadDeliveryId) ?? event.deliveries[0];

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={
          <>
            <Link href="/" className={linkClass}>
              Inbox
            </Link>{" "}
            ·{" "}
            <Link
              href={`/endpoints/${encodeURIComponent(event.endpoint.id)}`}
              className={linkClass}
            >
              {event.endpoint.name}
            </Link>{" "}
            · event
          </>
        }
        title={<span className="font-mono">{visibleText(event.type ?? event.id)}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-xs">signature</span>
            <VerificationBadge value={event.verification} />
            <span className="text-xs">reports</span>
            <JobStateBadge state={event.state} />
            <span>
              {event.deliveryCount} {event.deliveryCount === 1 ? "delivery" : "deliveries"}, first{" "}
              <RelativeTime iso={event.firstReceivedAt.toISOString()} />
            </span>
          </span>
        }
      />

      <div className="grid gap-5 lg:grid-cols-2">
        <Panel title="Summary">
          <DescriptionList items={summaryItems(event)} />
        </Panel>
        <VerificationPanel config={event.verificationConfig} deliveries={event.deliveries} />
      </div>

      {payloadDelivery && (
        <PayloadPanel
          payload={event.payload}
          size={payloadDelivery.size}
          body={payloadDelivery.body}
          rawHref={rawHrefOf(payloadDelivery.id)}
        />
      )}

      <AttemptsPanel
        replayAction={replayAction.bind(null, event.id)}
        attempts={attempts.items}
        destinations={replayTargets}
        canReplay={hasRole(user.role, "member")}
        resignRefusal={resignRefusal(event.verification, user.role)?.message ?? null}
      />

      {event.deliveryCount > EVENT_DELIVERIES_LIMIT && (
        <Alert tone="info">
          This event has {event.deliveryCount} deliveries; the first {EVENT_DELIVERIES_LIMIT} are
          shown.
        </Alert>
      )}
      {event.deliveries.map((delivery, index) => {
        // Credential values leave the server masked; only an admin gets the reveal actions.
        const shown = { ...delivery, ...maskStoredRequest(delivery) };
        return (
          <DeliveryPanel
            key={delivery.id}
            delivery={shown}
            position={index + 1}
            total={event.deliveryCount}
            curl={curlSourceOf(shown, ingestUrlFor(event.endpoint.key, origin))}
            reveal={
              hasRole(user.role, "admin")
                ? {
                    one: revealCredentialValue.bind(null, delivery.id),
                    all: revealCredentialValues.bind(null, delivery.id),
                  }
                : undefined
            }
          />
        );
      })}
    </div>
  );
}

function summaryItems(event: EventDetail) {
  const iso = (date: Date | null) =>
    date ? <RelativeTime iso={date.toISOString()} /> : <span className="text-zinc-400">—</span>;
  return [
    { label: "Event id", value: <span className="font-mono text-xs">{event.id}</span> },
    {
      label: "Type",
      value: event.type ? (
        <span className="font-mono text-xs">{visibleText(event.type)}</span>
      ) : (
        <span className="text-zinc-400">—</span>
      ),
    },
    {
      label: "Job",
      value: event.job ? (
        <Link
          href={`/jobs/${encodeURIComponent(event.job.id)}`}
          className={`${linkClass} font-mono text-xs`}
        >
          {visibleText(event.job.externalId)}
        </Link>
      ) : event.externalJobId ? (
        <span className="text-xs">
          <span className="font-mono">{visibleText(event.externalJobId)}</span>{" "}
          <span className="text-zinc-500 dark:text-zinc-400">
            (not applied to a job:{" "}
            {event.verification === "failed" ? "signature failed" : "no job yet"})
          </span>
        </span>
      ) : (
        <span className="text-zinc-400">—</span>
      ),
    },
    { label: "Provider time", value: iso(event.providerTimestamp) },
    { label: "First received", value: iso(event.firstReceivedAt) },
    { label: "Last received", value: iso(event.lastReceivedAt) },
    {
      label: "Endpoint",
      value: (
        <span>
          {event.endpoint.name}{" "}
          <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
            {event.endpoint.provider}
          </span>
        </span>
      ),
    },
  ];
}

function curlSourceOf(
  delivery: EventDetail["deliveries"][number] & MaskedHeaders,
  ingestUrl: string,
): CurlSource {
  const masked = new Set(delivery.maskedHeaders);
  return {
    method: delivery.method,
    url: `${ingestUrl}${delivery.path}${delivery.query ? `?${delivery.query}` : ""}`,
    // Credential values are masked here; an admin's reveal fetches them (actions.ts).
    headers: delivery.headers.map(([name, value]) => ({
      name,
      value,
      isCredential: masked.has(name.toLowerCase()),
    })),
    body: curlBodyFor(delivery.body, delivery.size, `${delivery.id}.bin`),
  };
}
