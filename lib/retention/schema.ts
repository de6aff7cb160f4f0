import { z } from "zod";
import { MAX_RETENTION_DAYS } from "./policy";

/**
 * `retentionDays` in the endpoints API: a whole number of days (1..36500), null to keep
 * forever, or "default" to follow INBOX_RETENTION_DAYS. Absent on create = "default";
 * absent on PATCH = unchanged.
 */
export const retentionSettingSchema = z.union([
  z.literal("default"),
  z.number().int().min(1).max(MAX_RETENTION_DAYS).nullable(),
]);
