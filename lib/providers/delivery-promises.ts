// What each provider promises about delivering a callback, from its own docs
// (../shared/provider-docs): how often and for how long it retries one that was not
// answered 2xx. The endpoint page shows it, so a team knows how long it has to fix a
// wrong secret or a crashed receiver before a callback is gone for good.
// Where the docs give no number, the text says so rather than guess one.
import type { ProviderId } from "./schema";

export type DeliveryPromise = {
  /** One sentence: when it sends, and what it does when the answer is not 2xx. */
  retries: string;
  /** How long a team has after a refused first attempt, in words. */
  window: string;
  /** What to do when the window passed: where the provider keeps the result. */
  fallback: string;
  /** Where this comes from (the provider's doc page). */
  source: string;
};

export const deliveryPromises: Record<ProviderId, DeliveryPromise> = {
  scriptix: {
    retries:
      "One POST when a transcription completes or fails. A failed delivery (not 200, or no answer within 30 s) is retried 3 times, with exponential backoff of 1, 5 and 15 minutes.",
    window: "About 20 minutes: the last retry comes some 15 to 21 minutes after the first attempt.",
    fallback: "After that, ask Scriptix's API for the transcription (re-poll).",
    source: "Scriptix, Webhooks - Batch API: “Retry Failed Webhooks”",
  },
  clipzy: {
    retries:
      "One POST when a job completes, fails or is cancelled. A non-2xx answer or an unreachable endpoint is retried with exponential backoff; after several consecutive failures delivery is abandoned. The docs give neither the count nor the delays.",
    window: "Not documented: minutes to hours. Fix a wrong setup at once.",
    fallback: "A missed result stays at GET /api/v1/jobs/{job_id}/result (re-poll).",
    source: "Clipzy, Webhooks: “Retry behavior”",
  },
  json2video: {
    retries:
      "One POST when the movie finishes (success or error), best effort: no automatic retries.",
    window: "None: a callback refused or lost is never sent again.",
    fallback: "Re-poll GET /v2/movies?project=… for the result.",
    source:
      "JSON2Video, Webhooks tutorial: “Webhooks today are best-effort — there are no automatic retries”",
  },
  descript: {
    retries:
      "One POST when the job finishes, with the same body as GET /jobs/{job_id}. Descript “may retry if your endpoint takes too long to respond”, and rarely sends a callback twice; the docs give no retry schedule.",
    window: "Not documented: treat the first attempt as the only one.",
    fallback: "GET /v1/jobs/{job_id} answers the same body (re-poll).",
    source: "Descript, Job callbacks: “Best practices”",
  },
  aspect: {
    retries:
      "A POST for every task.progress, task.completed and task.failed, sent through Svix. Aspect's page names no schedule; Svix's own retry schedule, after a failed attempt: 5 seconds, 5 minutes, 30 minutes, 2, 5, 10 and 10 hours (2xx within 15 s counts).",
    window: "About 27 hours from the first attempt (Svix's schedule).",
    fallback:
      "Aspect keeps the attempts (GET /webhooks/delivery-attempts) and the task's state (its task API, re-poll).",
    source: "Aspect, Webhooks (Provider: Svix) and Svix, Retry Schedule (docs.svix.com/retries)",
  },
  "standard-webhooks": {
    retries:
      "Depends on the sender. The Standard Webhooks spec leaves the retry schedule to each sender; check your sender's docs.",
    window: "The sender's retry schedule decides.",
    fallback: "Re-poll the sender's status API if it has one.",
    source: "Standard Webhooks",
  },
  generic: {
    retries: "Depends on the sender: check its docs for retries.",
    window: "The sender's retry schedule decides.",
    fallback: "Re-poll the sender's status API if it has one.",
    source: "—",
  },
};

export function getDeliveryPromise(provider: ProviderId): DeliveryPromise {
  return deliveryPromises[provider];
}
