// Names shared by the API, the dashboard, the sender and the SQL triggers of the
// alerts migrations (prisma/migrations/20261123235000_alerts, and job.overdue in
// 20261203100100_expected_jobs), which spell the same
// strings: change them together.

/** What can fire an alert; a channel subscribes to any of them. */
export const alertTriggers = [
  "job.failed",
  "job.missed_callback",
  "job.overdue",
  "endpoint.verification_failures",
] as const;
export type AlertTrigger = (typeof alertTriggers)[number];

/**
 * What a new channel hears about when it names no triggers: job.overdue is asked for by
 * name (it came later, and an endpoint whose jobs often run long would be noisy).
 */
export const defaultAlertTriggers: AlertTrigger[] = alertTriggers.filter(
  (trigger) => trigger !== "job.overdue",
);

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
