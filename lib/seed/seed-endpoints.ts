// The endpoints a seed run creates: one per preset for the realistic mix, about
// twenty for bulk data. They are created through the same code as POST /api/endpoints,
// then read back with the ingest lookup (settings parsed, secrets included).
import { randomBytes } from "node:crypto";
import type { AuditActor } from "@/lib/audit/types";
import { findIngestEndpoint } from "@/lib/endpoints/data";
import { createEndpoint } from "@/lib/endpoints/mutations";
import type { CreateEndpointInput } from "@/lib/endpoints/schema";
import type { IngestEndpoint } from "@/lib/endpoints/types";
import type { ProviderId } from "@/lib/providers/schema";
import { PAYLOAD_EXTRACTION } from "./job-callbacks";

export type SeedEndpoint = IngestEndpoint & { name: string };

const standardWebhooksSecret = () => `whsec_${randomBytes(32).toString("base64")}`;
const textSecret = (label: string) => `${label}_${randomBytes(18).toString("base64url")}`;

/** A new endpoint of `provider`, with the secrets its default scheme needs (Clipzy, Descript and generic sign nothing). */
function endpointInput(provider: ProviderId, name: string): CreateEndpointInput {
  switch (provider) {
    case "aspect":
      return { name, provider, secrets: [standardWebhooksSecret()] };
    case "standard-webhooks":
      return {
        name,
        provider,
        secrets: [standardWebhooksSecret()],
        extraction: PAYLOAD_EXTRACTION["standard-webhooks"],
      };
    case "scriptix":
      return { name, provider, secrets: [textSecret("scx")] };
    case "json2video":
      return { name, provider, secrets: [textSecret("j2v")] };
    case "descript":
    case "clipzy":
      return { name, provider };
    case "generic":
      return { name, provider, extraction: PAYLOAD_EXTRACTION.generic };
  }
}

/** One endpoint per preset, named as a team would name them. */
export const PRESET_ENDPOINT_NAMES: Record<ProviderId, string> = {
  aspect: "Aspect transcripts (prod)",
  scriptix: "Scriptix captions (prod)",
  json2video: "JSON2Video listing videos (prod)",
  descript: "Descript imports (staging)",
  clipzy: "Clipzy highlight reels (prod)",
  "standard-webhooks": "Render farm (standard webhooks)",
  generic: "Legacy encoder (generic JSON)",
};

/** The audit log names demo endpoints as the seed's: someone at the server's shell made them. */
const SEED_ACTOR: AuditActor = { id: null, label: "seed script" };

export async function createSeedEndpoint(
  provider: ProviderId,
  name: string,
): Promise<SeedEndpoint> {
  const created = await createEndpoint(endpointInput(provider, name), SEED_ACTOR);
  const endpoint = await findIngestEndpoint(created.key);
  if (!endpoint)
    throw new Error(`seed: endpoint ${created.id} vanished right after it was created`);
  return { ...endpoint, name: created.name };
}
