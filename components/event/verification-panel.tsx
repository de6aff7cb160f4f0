// Why a delivery was (not) verified: the endpoint's scheme and header names (never its
// secrets), which of those headers each delivery carried, and the stored reason.
import { VerificationBadge } from "@/components/domain-badges";
import { visibleText } from "@/components/json/visible-text";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { checkedHeaders } from "@/lib/verify/checked-headers";
import type { HeaderList } from "@/lib/http/header-list";
import { describeVerification } from "@/lib/verify/describe-scheme";
import type { VerificationConfig } from "@/lib/verify/schema";

type Delivery = {
  id: string;
  verification: string;
  verificationReason: string | null;
  headers: HeaderList;
};

export function VerificationPanel({
  config,
  deliveries,
}: {
  config: VerificationConfig | null;
  deliveries: Delivery[];
}) {
  return (
    <Panel title="Verification">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {config ? (
          <>
            <span className="font-medium">Scheme:</span> {describeVerification(config)}.{" "}
            <span className="text-zinc-500 dark:text-zinc-400">
              (the endpoint&apos;s current settings)
            </span>
          </>
        ) : (
          "The endpoint's verification settings could not be read."
        )}
      </p>
      <ol className="mt-3 space-y-3">
        {deliveries.map((delivery, index) => {
          const checked = config ? checkedHeaders(config, delivery.headers) : [];
          return (
            <li
              key={delivery.id}
              className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
              data-testid="verification-result"
            >
              <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                <VerificationBadge value={delivery.verification} />
                <span>
                  Delivery {index + 1} <span className="font-mono">{delivery.id}</span>
                </span>
              </div>
              {checked.length > 0 && (
                <p className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                  Headers checked:
                  {checked.map((header) => (
                    <Badge
                      key={header.name}
                      tone={header.present ? "neutral" : "amber"}
                      title={
                        header.present ? "present in this delivery" : "missing from this delivery"
                      }
                    >
                      <span className="font-mono">{header.name}</span>
                      {!header.present && " (missing)"}
                    </Badge>
                  ))}
                </p>
              )}
              <p className="mt-2 text-sm text-zinc-900 dark:text-zinc-100">
                {delivery.verificationReason ? (
                  <>
                    <span className="text-zinc-500 dark:text-zinc-400">
                      {delivery.verification === "failed" ? "Failed: " : "Result: "}
                    </span>
                    {visibleText(delivery.verificationReason)}
                  </>
                ) : delivery.verification === "unsigned" ? (
                  "Not checked: the endpoint has no signature or token configured."
                ) : (
                  "No reason was recorded."
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
