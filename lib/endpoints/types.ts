import type { ExtractionConfig, ProviderId } from "@/lib/providers/schema";
import type { VerificationConfig } from "@/lib/verify/schema";

/** What the ingest path needs of an endpoint, settings parsed, secrets included. */
export type IngestEndpoint = {
  id: string;
  key: string;
  provider: ProviderId;
  verification: VerificationConfig;
  extraction: ExtractionConfig | null;
  secrets: string[];
  bodyLimitBytes: number;
  /** Callbacks a second over HTTP (lib/ingest/mutations.ts); null = unlimited. */
  rateLimitPerSecond: number | null;
  archivedAt: Date | null;
};
