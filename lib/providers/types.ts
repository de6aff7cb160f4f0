import type { HeaderList } from "@/lib/http/header-list";
import type { JobState } from "@/lib/job-states/constants";
import type { VerificationConfig } from "@/lib/verify/schema";
import type { ExtractionConfig, ProviderId } from "./schema";

/** What a preset reads out of one callback. Every field may be missing in hostile or odd payloads. */
export type CallbackFacts = {
  /** The provider's job id (render, transcription), or null when the payload names none. */
  jobId: string | null;
  eventType: string | null;
  /** Normalized state this callback reports, or null when it says nothing about state. */
  state: JobState | null;
  outputUrl: string | null;
  error: string | null;
  /** When the provider says this happened (orders callbacks that arrive out of order). */
  providerTimestamp: Date | null;
  /** The preset's dedupe key, or null to fall back to the body's sha256. */
  dedupeKey: string | null;
  /** Provider detail worth keeping on the job (Aspect feature states, JSON2Video client-data). */
  details: Record<string, unknown> | null;
};

export type ExtractInput = {
  /** The parsed JSON body, or undefined when the body is not JSON. */
  payload: unknown;
  headers: HeaderList;
  /** Only for standard-webhooks and generic; null elsewhere. */
  config: ExtractionConfig | null;
};

export type ProviderPreset = {
  id: ProviderId;
  label: string;
  /** Scheme a new endpoint gets unless the caller chooses another. */
  defaultVerification: VerificationConfig;
  /** Whether the endpoint takes an extraction config (configurable JSON paths). */
  isConfigurable: boolean;
  /**
   * Whether its completed callbacks name the output (a URL to fetch the render or
   * transcript from); "when-configured": when the endpoint's extraction sets outputUrlPath.
   * Providers whose results are fetched through their API (Aspect, Scriptix) send none, so
   * a completion without a URL is normal there and not worth a warning.
   */
  namesOutputUrl: boolean | "when-configured";
  /** What the provider's docs allow for the callback itself, when it limits verification (Descript: a bare callback_url). */
  callbackSetup?: string;
  extract(input: ExtractInput): CallbackFacts;
};
