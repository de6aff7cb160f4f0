// `npm run db:seed` without --deliveries: one endpoint per preset and a few days of
// traffic a team would recognise, fed through the ingest steps themselves so that
// verification, dedupe and job states are the real ones. Each run adds a new batch
// (new endpoints, new job ids); nothing is updated or removed.
import { providerIds, type ProviderId } from "@/lib/providers/schema";
import { ingestInProcess, type IngestedCallback } from "./ingest-in-process";
import { jobCallbacks, newExternalJobId, PROVIDER_FATES, type JobFate } from "./job-callbacks";
import { createSeedEndpoint, PRESET_ENDPOINT_NAMES, type SeedEndpoint } from "./seed-endpoints";
import { callbackHeaders, newMessageId, type SignatureFault } from "./sign-callback";

const HOUR = 3_600_000;
/** Callbacks arrive over this window before now. */
const WINDOW_MS = 72 * HOUR;
/** A job with no callback for this long reads as stuck. */
const STUCK_AFTER_MS = 3 * HOUR;
/** How many of each endpoint's jobs have their last callback retried by the provider. */
const RETRIED_JOBS = 2;
/** Each endpoint's fate list is played this many times: enough for a few pages of events. */
const ROUNDS = 3;

type PlannedCallback = {
  endpoint: SeedEndpoint;
  at: Date;
  body: Buffer;
  messageId: string;
  fault?: SignatureFault;
  contentType?: string;
};

export type RealisticMixResult = { endpoints: SeedEndpoint[]; deliveries: IngestedCallback[] };

export async function seedRealisticMix(now = new Date()): Promise<RealisticMixResult> {
  const endpoints: SeedEndpoint[] = [];
  for (const provider of providerIds)
    endpoints.push(await createSeedEndpoint(provider, PRESET_ENDPOINT_NAMES[provider]));

  const plan = endpoints.flatMap((endpoint) => [
    ...jobTraffic(endpoint, now),
    ...oddDeliveries(endpoint, now),
  ]);
  // In arrival order, as the callbacks would have come in.
  plan.sort((a, b) => a.at.getTime() - b.at.getTime());
  const deliveries: IngestedCallback[] = [];
  for (const callback of plan) {
    const headers = callbackHeaders(callback.endpoint, callback.body, callback);
    deliveries.push(
      await ingestInProcess(callback.endpoint, {
        receivedAt: callback.at,
        headers,
        body: callback.body,
        sourceIp: sourceIpOf(callback.endpoint.provider),
      }),
    );
  }
  return { endpoints, deliveries };
}

/** Every job of the endpoint's fate list, its last callback retried for the first few jobs. */
function jobTraffic(endpoint: SeedEndpoint, now: Date): PlannedCallback[] {
  const fates = Array.from({ length: ROUNDS }, () => PROVIDER_FATES[endpoint.provider]).flat();
  return fates.flatMap((fate, index) => {
    const start = jobStart(fate, now);
    const callbacks = jobCallbacks(
      endpoint.provider,
      newExternalJobId(endpoint.provider),
      fate,
      start,
    ).map(({ at, payload }) => ({
      endpoint,
      at,
      body: Buffer.from(JSON.stringify(payload)),
      messageId: newMessageId(),
    }));
    const last = callbacks[callbacks.length - 1];
    if (index < RETRIED_JOBS && last) {
      // A provider retry: same message id and body, a little later (our answer was lost).
      callbacks.push({
        ...last,
        at: new Date(last.at.getTime() + 30_000 + Math.random() * 90_000),
      });
    }
    return callbacks;
  });
}

/** Stuck jobs started hours ago; others any time in the window, late enough to have finished. */
function jobStart(fate: JobFate, now: Date): Date {
  const stuck = fate === "processing" || fate === "queued";
  const newest = stuck ? STUCK_AFTER_MS : 0.5 * HOUR;
  return new Date(now.getTime() - newest - Math.random() * (WINDOW_MS - newest));
}

/** What goes wrong at each endpoint: forged or replayed signatures, junk bodies, test pings. */
function oddDeliveries(endpoint: SeedEndpoint, now: Date): PlannedCallback[] {
  const at = () => new Date(now.getTime() - Math.random() * WINDOW_MS);
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const forged = (fault: SignatureFault): PlannedCallback[] => {
    const when = at();
    const [callback] = jobCallbacks(
      endpoint.provider,
      newExternalJobId(endpoint.provider),
      "completed",
      when,
    ).slice(-1);
    return callback
      ? [{ endpoint, at: when, body: json(callback.payload), messageId: newMessageId(), fault }]
      : [];
  };
  switch (endpoint.provider) {
    case "aspect":
    case "scriptix":
    case "json2video":
      return forged("wrong-secret");
    case "standard-webhooks":
      return [
        ...forged("expired-timestamp"),
        // The sender's "send test event" button: no job id in it.
        {
          endpoint,
          at: at(),
          body: json({
            type: "webhook.test",
            timestamp: new Date().toISOString(),
            data: { message: "Test event from the render farm" },
          }),
          messageId: newMessageId(),
        },
      ];
    case "generic":
      return [
        {
          endpoint,
          at: at(),
          body: Buffer.from("job=enc-104233&state=done"),
          messageId: newMessageId(),
          contentType: "application/x-www-form-urlencoded",
        },
      ];
    case "descript":
    case "clipzy":
      return [];
  }
}

/** Documentation address ranges (RFC 5737), one per provider. */
function sourceIpOf(provider: ProviderId): string {
  const index = providerIds.indexOf(provider);
  return `${index % 2 === 0 ? "203.0.113" : "198.51.100"}.${10 + index}`;
}
