// Where a replay goes and how it is signed: a saved destination (its URL and secret)
// or an ad-hoc URL. `resign`: true = the destination's mode (the provider's own
// scheme for a URL), false = none, a mode = that mode; omitted = the destination's
// mode, none for a URL.
import { getDestination } from "@/lib/destinations/data";
import type { ResignMode } from "@/lib/destinations/schema";
import type { Signing } from "@/lib/forwarding/outbound-request";
import { openOptionalSecret } from "@/lib/secrets/secret-box";

export type ReplayTargetInput = { destinationId?: string | null; url?: string | null; resign?: boolean | ResignMode | null };
export type ReplayTarget = { url: string; destinationId: string | null; signing: Signing };

export async function resolveReplayTarget(input: ReplayTargetInput): Promise<ReplayTarget> {
  const destination = input.destinationId ? await getDestination(input.destinationId) : null;
  const saved = (destination?.resign ?? "none") as ResignMode;
  const mode: ResignMode =
    input.resign === true ? (saved !== "none" ? saved : "provider") : input.resign === false ? "none" : (input.resign ?? saved);
  return {
    url: destination?.url ?? input.url ?? "",
    destinationId: destination?.id ?? null,
    signing: { mode, secret: openOptionalSecret(destination?.signingSecret ?? null) },
  };
}
