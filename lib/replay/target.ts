// Where a replay goes and how it is signed: a saved destination (its URL and secret)
// or an ad-hoc URL. `resign`: true = the destination's mode (the provider's own
// scheme for a URL), false = none, a mode = that mode; omitted = the destination's
// mode, none for a URL.
import { getDestination } from "@/lib/destinations/data";
import type { ResignMode } from "@/lib/destinations/schema";
import type { Signing } from "@/lib/forwarding/outbound-request";
import { openOptionalSecret } from "@/lib/secrets/secret-box";

export type ReplayTargetInput = {
  destinationId?: string | null;
  url?: string | null;
  resign?: boolean | ResignMode | null;
};
export type ReplayTarget = { url: string; destinationId: string | null; signing: Signing };

export async function resolveReplayTarget(input: ReplayTargetInput): Promise<ReplayTarget> {
  const destination = input.destinationId ? await getDestination(input.destinationId) : null;
  return {
    url: destination?.url ?? input.url ?? "",
    destinationId: destination?.id ?? null,
    signing: {
      mode: resignModeOf(input.resign, destination?.resign ?? null),
      secret: openOptionalSecret(destination?.signingSecret ?? null),
    },
  };
}

/** The mode a replay signs with, from what was asked and the destination's own mode (null for a URL). */
export function resignModeOf(
  requested: ReplayTargetInput["resign"],
  destinationMode: string | null,
): ResignMode {
  const saved = (destinationMode ?? "none") as ResignMode;
  if (requested === true) return saved !== "none" ? saved : "provider";
  if (requested === false) return "none";
  return requested ?? saved;
}
