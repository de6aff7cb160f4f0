// Settings for presets that cannot know the payload shape in advance
// (standard-webhooks, generic): where to read each field, as dot paths.
import { z } from "zod";
import { reportedJobStates } from "@/lib/job-states/constants";
import { headerNameSchema } from "@/lib/verify/schema";

export const providerIds = [
  "aspect",
  "scriptix",
  "json2video",
  "descript",
  "clipzy",
  "standard-webhooks",
  "generic",
] as const;
export type ProviderId = (typeof providerIds)[number];
export const providerIdSchema = z.enum(providerIds);

/** "data.task.id", "client-data.listing_id", "items.0.id": keys separated by dots. */
const jsonPathSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^.]+(\.[^.]+)*$/, "must be keys separated by dots, e.g. data.task.id");

export const extractionConfigSchema = z.object({
  jobIdPath: jsonPathSchema.optional(),
  eventTypePath: jsonPathSchema.optional(),
  statePath: jsonPathSchema.optional(),
  /** Provider state word -> normalized state, e.g. { "done": "completed" }; common words are known without it. */
  stateMap: z.record(z.string().min(1).max(100), z.enum(reportedJobStates)).optional(),
  outputUrlPath: jsonPathSchema.optional(),
  errorPath: jsonPathSchema.optional(),
  timestampPath: jsonPathSchema.optional(),
  /** Header whose value is the dedupe key (generic preset); else the body's sha256. */
  dedupeHeader: headerNameSchema.optional(),
});

export type ExtractionConfig = z.infer<typeof extractionConfigSchema>;
