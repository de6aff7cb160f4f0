// Where an endpoint's polling key goes: the status API's origin and the header (and
// prefix) that carry it. The key stays bound to the place it was entered for
// (lib/outbound/secret-binding.ts); the API, the server action and the form ask here.
import { originOf, rebindingReason } from "@/lib/outbound/secret-binding";
import type { PollingSettings } from "./schema";

type Place = Pick<PollingSettings, "baseUrl" | "credentialHeader" | "credentialPrefix">;

const placeOf = (settings: Place) => ({
  origin: originOf(settings.baseUrl),
  header: settings.credentialHeader,
  prefix: settings.credentialPrefix,
});

/** Why the stored key cannot be kept with the `next` settings, or null when it can. */
export function pollCredentialRebinding(stored: Place | null, next: Place): string | null {
  return rebindingReason(
    { name: "API key", use: "send it to" },
    stored && placeOf(stored),
    placeOf(next),
  );
}
