// Which events a destination's forward mode takes, by the event's verification (its
// most trustworthy delivery). "accepted" never takes a failed event: a signature that
// did not check out may be a forgery, and only "all" passes those on (as received,
// never re-signed: resign-policy.ts).
import type { ForwardFilter } from "@/lib/destinations/schema";

/** `filter` as stored (text); an unknown value takes nothing. */
export function forwardFilterTakes(filter: string, verification: string): boolean {
  switch (filter as ForwardFilter) {
    case "all":
      return true;
    case "accepted":
      return verification === "verified" || verification === "unsigned";
    case "verified":
      return verification === "verified";
    default:
      return false;
  }
}
