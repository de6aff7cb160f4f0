// Which of the headers a verification scheme reads a delivery carried: shown on the event
// page next to the stored reason, so "missing signature header" is visible at a glance.
import { headerValues, type HeaderList } from "@/lib/http/header-list";
import type { VerificationConfig } from "./schema";

export type CheckedHeader = { name: string; present: boolean };

const STANDARD_WEBHOOKS_SETS = [
  ["webhook-id", "webhook-timestamp", "webhook-signature"],
  ["svix-id", "svix-timestamp", "svix-signature"],
] as const;

/**
 * The headers a scheme reads, and whether this delivery had them. For Standard
 * Webhooks, the set the verifier picks: webhook-* when complete, else the fuller one.
 */
export function checkedHeaders(config: VerificationConfig, headers: HeaderList): CheckedHeader[] {
  const check = (name: string): CheckedHeader => ({
    name,
    present: headerValues(headers, name).length > 0,
  });
  switch (config.scheme) {
    case "standard-webhooks": {
      const [webhook, svix] = STANDARD_WEBHOOKS_SETS.map((set) => set.map(check));
      const count = (set: CheckedHeader[] | undefined) =>
        (set ?? []).filter((h) => h.present).length;
      return (count(webhook) < 3 && count(svix) > count(webhook) ? svix : webhook) ?? [];
    }
    case "hmac":
    case "token":
      return [check(config.header)];
    case "none":
      return [];
  }
}
