// `webhook-inbox simulate`: the callbacks one provider sends over one new job's life
// (the seed's realistic sequences, lib/seed/job-callbacks), signed the way that
// provider signs (lib/seed/sign-callback) and POSTed to an ingest URL one after the
// other, printing the inbox's answer to each. Providers that only call at the end
// (Scriptix, JSON2Video, Descript, Clipzy) send one callback; the others report
// progress first.
import type { ExtractionConfig, ProviderId } from "@/lib/providers/schema";
import { getPreset } from "@/lib/providers/registry";
import { withoutHopHeaders } from "@/lib/http/hop-headers";
import {
  jobCallbacks,
  newExternalJobId,
  PAYLOAD_EXTRACTION,
  type TimedPayload,
} from "@/lib/seed/job-callbacks";
import { callbackHeaders, newMessageId } from "@/lib/seed/sign-callback";
import { describeVerification } from "@/lib/verify/describe-scheme";
import { CliError } from "./cli-error";
import { sendRequest } from "./send-request";

export type SimulateOptions = {
  provider: ProviderId;
  to: URL;
  secret: string | null;
  fail: boolean;
};

export type SimulatedStep = {
  eventType: string | null;
  state: string | null;
  status: number | null;
  deliveryId: string | null;
  verification: string | null;
  error: string | null;
};

export type SimulateResult = { jobId: string; steps: SimulatedStep[] };

/** Sends the sequence; `steps` says what the inbox answered to each callback. */
export async function simulate(
  options: SimulateOptions,
  print: (line: string) => void,
): Promise<SimulateResult> {
  const { provider, to } = options;
  const preset = getPreset(provider);
  const signing = {
    provider,
    verification: preset.defaultVerification,
    secrets: options.secret === null ? [] : [options.secret],
  };
  checkSecret(options);
  const jobId = newExternalJobId(provider);
  const fate = options.fail ? "failed" : "completed";
  const callbacks = sequenceEndingNow(provider, jobId, fate);
  const extraction: ExtractionConfig | null = PAYLOAD_EXTRACTION[provider] ?? null;
  print(
    `${preset.label} job ${jobId}: ${callbacks.length} callback${callbacks.length === 1 ? "" : "s"}, ending ${fate}, to ${to.href}`,
  );
  if (extraction)
    print(
      `  (the endpoint finds the job only with this extraction: ${JSON.stringify(extraction)})`,
    );

  const steps: SimulatedStep[] = [];
  for (const [index, callback] of callbacks.entries()) {
    const body = Buffer.from(JSON.stringify(callback.payload));
    // Signed now (the signature's timestamp must be fresh); Host and Content-Length are the real request's.
    const headers = withoutHopHeaders(
      callbackHeaders(signing, body, { at: new Date(), messageId: newMessageId() }),
    );
    const facts = preset.extract({ payload: callback.payload, headers, config: extraction });
    const outcome = await sendRequest({ url: to, method: "POST", headers, body });
    if (!outcome.ok && index === 0)
      throw new CliError(`cannot reach ${to.origin}: ${outcome.error}`);
    const step = { eventType: facts.eventType, state: facts.state, ...answerOf(outcome) };
    steps.push(step);
    const label = `${step.eventType ?? "callback"}${step.state ? ` (${step.state})` : ""}`;
    const verdict =
      step.verification && step.error
        ? `${step.verification}: ${step.error}`
        : (step.verification ?? step.error);
    const answer =
      step.status === null
        ? `error: ${step.error}`
        : [step.status, step.deliveryId, verdict].filter(Boolean).join("  ");
    print(`  ${index + 1}/${callbacks.length}  ${label.padEnd(34)} -> ${answer}`);
  }
  return { jobId, steps };
}

function checkSecret(options: SimulateOptions): void {
  const { provider, secret } = options;
  const scheme = getPreset(provider).defaultVerification;
  if (scheme.scheme === "none" && secret !== null)
    throw new CliError(`${provider} does not sign its callbacks; leave out --secret`);
  if ((scheme.scheme === "standard-webhooks" || scheme.scheme === "hmac") && secret === null) {
    throw new CliError(
      `${provider} signs every callback (${describeVerification(scheme)}); pass --secret with the endpoint's signing secret`,
    );
  }
  if (
    scheme.scheme === "standard-webhooks" &&
    secret !== null &&
    !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)
  ) {
    throw new CliError(
      `${provider} secrets look like whsec_<base64> (as the endpoint's secret was given)`,
    );
  }
}

/** The provider's sequence for the job, dated so that its last callback is now. */
function sequenceEndingNow(
  provider: ProviderId,
  jobId: string,
  fate: "completed" | "failed",
): TimedPayload[] {
  const now = Date.now();
  const draft = jobCallbacks(provider, jobId, fate, new Date(now));
  const span = (draft.at(-1)?.at.getTime() ?? now) - now;
  return jobCallbacks(provider, jobId, fate, new Date(now - span));
}

type InboxAnswer = { deliveryId?: unknown; verification?: unknown; error?: { message?: unknown } };

function answerOf(
  outcome: Awaited<ReturnType<typeof sendRequest>>,
): Pick<SimulatedStep, "status" | "deliveryId" | "verification" | "error"> {
  if (!outcome.ok)
    return { status: null, deliveryId: null, verification: null, error: outcome.error };
  let answer: InboxAnswer = {};
  try {
    answer = JSON.parse(outcome.body.toString("utf8")) as InboxAnswer;
  } catch {
    // Not the inbox's JSON: the status line tells the story.
  }
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    status: outcome.status,
    deliveryId: text(answer.deliveryId),
    // A 401 is a delivery stored as failed verification (why: on its event page).
    verification:
      text(answer.verification) ??
      (outcome.status === 401 && text(answer.deliveryId) ? "failed" : null),
    error:
      text(answer.error?.message) ??
      (outcome.status >= 300 && !answer.error ? outcome.body.toString("utf8").slice(0, 200) : null),
  };
}
