// How long an endpoint keeps its deliveries. Stored in endpoints.retention_days as one
// nullable integer (NULL = the global default, 0 = forever, N = N days); the API and the
// form speak "default" / null (forever) / N and never show the 0.
// Deliveries that failed verification go sooner: after INBOX_FAILED_RETENTION_DAYS, or
// the endpoint's own window when that is shorter. An endpoint kept forever keeps them too.

/** What the API takes and answers for `retentionDays`. */
export type RetentionSetting = number | null | "default";

export const KEEP_FOREVER = 0;
export const MAX_RETENTION_DAYS = 36_500;

export type RetentionDefaults = { days: number; failedDays: number };

/** The windows in days (null: kept forever) for a stored column value. */
export function retentionWindow(
  stored: number | null,
  defaults: RetentionDefaults,
): { days: number | null; failedDays: number | null } {
  const days = stored === null ? defaults.days : stored === KEEP_FOREVER ? null : stored;
  return { days, failedDays: days === null ? null : Math.min(days, defaults.failedDays) };
}

export function settingOfStored(stored: number | null): RetentionSetting {
  return stored === null ? "default" : stored === KEEP_FOREVER ? null : stored;
}

export function storedOfSetting(setting: RetentionSetting): number | null {
  return setting === "default" ? null : setting === null ? KEEP_FOREVER : setting;
}

const DAY_MS = 86_400_000;

/** The receipt time before which a delivery goes, or null when none does. */
export function cutoffOf(days: number | null, now: Date): Date | null {
  return days === null ? null : new Date(now.getTime() - days * DAY_MS);
}
