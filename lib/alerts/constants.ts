// Names shared by the API, the dashboard, the sender and the SQL triggers of the
// alerts migration (prisma/migrations/20261123235000_alerts), which spell the same
// strings: change them together.

/** What can fire an alert; a channel subscribes to any of them. */
export const alertTriggers = [
  "job.failed",
  "job.missed_callback",
  "endpoint.verification_failures",
] as const;
export type AlertTrigger = (typeof alertTriggers)[number];

/** Every alert type: the triggers plus a test message someone asked for. */
export type AlertType = AlertTrigger | "test";

export const channelKinds = ["slack", "webhook"] as const;
export type ChannelKind = (typeof channelKinds)[number];

export type AlertStatus = "pending" | "sent" | "failed" | "blocked" | "skipped";

/** Default burst: more than 10 failed verifications within 5 minutes. */
export const DEFAULT_BURST_THRESHOLD = 10;
export const DEFAULT_BURST_MINUTES = 5;
/**
 * Until a channel fires, each failed delivery counts up to threshold + 1 recent failures:
 * the cap keeps that count cheap even for a flood that stays just below the threshold
 * (README, "Benchmark" > "Numbers behind the code").
 */
export const MAX_BURST_THRESHOLD = 10_000;
export const MAX_BURST_MINUTES = 1440;
