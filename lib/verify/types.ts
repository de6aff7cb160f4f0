import type { HeaderList } from "@/lib/http/header-list";
import type { VerificationConfig } from "./schema";

export type VerificationOutcome = "verified" | "failed" | "unsigned";

/**
 * The result of checking one delivery. Never thrown: a bad signature is data.
 * `reason` is written for a person: why it failed, or which secret matched.
 */
export type VerificationResult = { outcome: VerificationOutcome; reason: string | null };

export type VerificationInput = {
  config: VerificationConfig;
  /** The endpoint's active secrets (plain text), newest first. */
  secrets: readonly string[];
  headers: HeaderList;
  /** The raw body bytes exactly as received. */
  body: Uint8Array;
  /** Injected clock, in ms since the epoch, so tolerance edges can be tested. */
  now: number;
};
