import { z } from "zod";
import { jobStates } from "@/lib/job-states/constants";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { providerIdSchema } from "@/lib/providers/schema";
import { idSchema } from "@/lib/ids/schema";
import type { EventFilterName } from "./filter-names";

/** Trigrams need three characters; a shorter term would scan every payload. */
export const MIN_SEARCH_LENGTH = 3;

export const verificationValues = ["verified", "failed", "unsigned"] as const;

/**
 * Filters of the event list, shared by GET /api/events and the Inbox page (whose URL
 * search params are the same names, so a shared link reproduces the view).
 * `from`/`to` bound the first receipt (from inclusive, to exclusive); `q` is a
 * substring of the payload's JSON text, case-insensitive.
 */
export const eventFiltersSchema = z.object({
  endpointId: idSchema.optional(),
  jobId: idSchema.optional(),
  provider: providerIdSchema.optional(),
  verification: z.enum(verificationValues).optional(),
  /** The current state of the event's job (not the state this one callback reported). */
  jobState: z.enum(jobStates).optional(),
  type: z.string().min(1).max(200).optional(),
  from: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  to: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  /** 3+ characters: shorter terms match nearly every payload and the trigram index cannot help. */
  q: z
    .string()
    .trim()
    .min(1)
    .min(MIN_SEARCH_LENGTH, `type at least ${MIN_SEARCH_LENGTH} characters to search payloads`)
    .max(200)
    .optional(),
});

export type EventFilters = z.infer<typeof eventFiltersSchema>;

/** GET /api/events/<id>: a page of the event's deliveries (keyset, oldest first). */
export const eventDeliveriesSchema = z.object({
  deliveriesLimit: z.coerce.number().int().min(1).max(200).default(50),
  deliveriesCursor: z.string().max(200).optional(),
});
export type EventDeliveriesQuery = z.infer<typeof eventDeliveriesSchema>;

export const listEventsSchema = pageParamsSchema.extend(eventFiltersSchema.shape);
export type ListEventsQuery = z.infer<typeof listEventsSchema>;

// The schema's keys and the shared name list (lib/events/filter-names.ts) are the same set:
// a filter added to one and not the other fails to compile here.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const filterNamesMatch: SameKeys<keyof typeof eventFiltersSchema.shape, EventFilterName> = true;
void filterNamesMatch;
