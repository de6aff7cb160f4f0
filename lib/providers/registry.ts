// Every preset by id. A Record over ProviderId makes adding an id without a preset a type error.
import { aspectPreset } from "./aspect";
import { clipzyPreset } from "./clipzy";
import { descriptPreset } from "./descript";
import { genericPreset } from "./generic";
import { json2videoPreset } from "./json2video";
import type { ProviderId } from "./schema";
import { scriptixPreset } from "./scriptix";
import { standardWebhooksPreset } from "./standard-webhooks";
import type { ProviderPreset } from "./types";

export const providerPresets: Record<ProviderId, ProviderPreset> = {
  aspect: aspectPreset,
  scriptix: scriptixPreset,
  json2video: json2videoPreset,
  descript: descriptPreset,
  clipzy: clipzyPreset,
  "standard-webhooks": standardWebhooksPreset,
  generic: genericPreset,
};

export function getPreset(id: ProviderId): ProviderPreset {
  return providerPresets[id];
}
