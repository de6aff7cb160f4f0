import { z } from "zod";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { providerIdSchema } from "@/lib/providers/schema";
import { jobStates } from "@/lib/job-states/constants";
import { idSchema } from "@/lib/ids/schema";

/** A job with no callback for this long (and not finished) counts as stalled, by default. */
export const DEFAULT_STALE_MINUTES = 30;

export const jobViews = ["all", "failed"] as const;

export const listJobsSchema = pageParamsSchema.extend({
  endpointId: idSchema.optional(),
  state: z.enum(jobStates).optional(),
  provider: providerIdSchema.optional(),
  /** "failed": failed or cancelled jobs, and unfinished ones with no callback for staleMinutes. */
  view: z.enum(jobViews).default("all"),
  staleMinutes: z.coerce.number().int().min(1).max(43_200).default(DEFAULT_STALE_MINUTES),
});
export type ListJobsQuery = z.infer<typeof listJobsSchema>;

/** ?from=<eventId>&to=<eventId> on a job page: the two payloads to compare. */
export const jobDiffParamsSchema = z.object({
  from: idSchema.optional(),
  to: idSchema.optional(),
});
