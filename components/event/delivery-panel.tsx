// One stored request of an event: when and how it came, its headers, and ways to take
// it elsewhere (curl, the exact bytes).
import { VerificationBadge } from "@/components/domain-badges";
import { visibleText } from "@/components/json/visible-text";
import { Panel, DescriptionList } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { buttonClasses } from "@/components/ui/button";
import type { CurlSource } from "@/lib/events/curl-command";
import type { HeaderList } from "@/lib/http/header-list";
import { CopyAsCurl, type RevealHeaderValues } from "./copy-as-curl";
import { formatBytes } from "./format-bytes";
import { HeadersTable, type RevealHeaderValue } from "./headers-table";

type Delivery = {
  id: string;
  receivedAt: Date;
  method: string;
  path: string;
  query: string;
  /** Credential values masked (lib/deliveries/sealed-headers.ts). */
  headers: HeaderList;
  maskedHeaders: string[];
  size: number;
  bodySha256: string;
  sourceIp: string | null;
  verification: string;
  verificationReason: string | null;
  responseStatus: number;
};

export function rawHrefOf(deliveryId: string): string {
  return `/api/deliveries/${encodeURIComponent(deliveryId)}/raw`;
}

/** `reveal`: server actions bound to this delivery, for admins only; others see masked values. */
export type DeliveryReveal = { one: RevealHeaderValue; all: RevealHeaderValues };

export function DeliveryPanel({
  delivery,
  position,
  total,
  curl,
  reveal,
}: {
  delivery: Delivery;
  position: number;
  total: number;
  curl: CurlSource;
  reveal?: DeliveryReveal;
}) {
  const target = `${delivery.path || "/"}${delivery.query ? `?${delivery.query}` : ""}`;
  const rawHref = rawHrefOf(delivery.id);
  return (
    <Panel
      title={
        <span className="flex items-center gap-2">
          Delivery {position} of {total}
          <span className="font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">
            {delivery.id}
          </span>
        </span>
      }
      actions={
        <a href={rawHref} download className={buttonClasses("secondary", "sm")}>
          Download raw
        </a>
      }
    >
      <div className="space-y-4">
        <DescriptionList
          items={[
            { label: "Received", value: <RelativeTime iso={delivery.receivedAt.toISOString()} /> },
            {
              label: "Request",
              value: (
                <span className="font-mono text-xs break-all">
                  {visibleText(delivery.method)} {visibleText(target)}
                </span>
              ),
            },
            {
              label: "Verification",
              value: (
                <span className="flex flex-wrap items-center gap-2">
                  <VerificationBadge value={delivery.verification} />{" "}
                  {delivery.verificationReason && (
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">
                      {visibleText(delivery.verificationReason)}
                    </span>
                  )}
                </span>
              ),
            },
            {
              label: "We answered",
              value: <span className="tabular-nums">{delivery.responseStatus}</span>,
            },
            {
              label: "Body",
              value: (
                <span className="tabular-nums">
                  {formatBytes(delivery.size)}{" "}
                  <span className="font-mono text-xs text-zinc-500 break-all dark:text-zinc-400">
                    sha256 {delivery.bodySha256}
                  </span>
                </span>
              ),
            },
            {
              label: "Source",
              value: <span className="font-mono text-xs">{delivery.sourceIp ?? "unknown"}</span>,
            },
          ]}
        />
        <section aria-label={`Headers of delivery ${position}`}>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            Headers
          </h3>
          <HeadersTable
            headers={delivery.headers}
            maskedHeaders={delivery.maskedHeaders}
            reveal={reveal?.one}
            caption={`Headers of delivery ${position}`}
          />
        </section>
        <section aria-label={`Replay delivery ${position} with curl`}>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            Copy as curl
          </h3>
          <CopyAsCurl source={curl} rawHref={rawHref} revealCredentials={reveal?.all} />
        </section>
      </div>
    </Panel>
  );
}
