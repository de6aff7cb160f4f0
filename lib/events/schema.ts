import { z } from "zod";
import { jobStates } from "@/lib/job-states/constants";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { providerIdSchema } from "@/lib/providers/schema";
import { idSchema } from "@/lib/ids/schema";
import { headerListSchema, jsonValueSchema, timestampSchema } from "@/lib/http/response-schemas";
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

export const eventSummaryResponseSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  jobId: z.string().nullable(),
  externalJobId: z.string().nullable(),
  type: z.string().nullable(),
  /** The state this callback reported (the job's current one is jobState / GET /api/jobs/<id>). */
  state: z.string().nullable(),
  verification: z.string().meta({ description: verificationValues.join(" | ") }),
  deliveryCount: z.number().int(),
  firstReceivedAt: timestampSchema,
  lastReceivedAt: timestampSchema,
  providerTimestamp: timestampSchema.nullable(),
});
export type EventSummaryResponse = z.infer<typeof eventSummaryResponseSchema>;

export const listedEventResponseSchema = eventSummaryResponseSchema.extend({
  endpointName: z.string(),
  provider: z.string(),
  jobState: z.string().nullable(),
});
export type ListedEventResponse = z.infer<typeof listedEventResponseSchema>;

/** One delivery of an event: the request as received, credential header values masked. */
export const eventDeliveryResponseSchema = z.object({
  id: z.string(),
  receivedAt: timestampSchema,
  method: z.string(),
  path: z.string(),
  /** Without "?", as received, credential values masked. */
  query: z.string(),
  headers: headerListSchema,
  /** Lower-case names whose values are masked. */
  maskedHeaders: z.array(z.string()),
  /** Lower-case names of query parameters whose values are masked (`token=••••`): never re-sent. */
  maskedQueryParams: z.array(z.string()),
  size: z.number().int(),
  bodySha256: z.string(),
  sourceIp: z.string().nullable(),
  verification: z.string(),
  verificationReason: z.string().nullable(),
  responseStatus: z.number().int(),
});

export const eventDetailResponseSchema = eventSummaryResponseSchema.extend({
  payload: jsonValueSchema,
  payloadDeliveryId: z.string(),
  deliveries: z.array(eventDeliveryResponseSchema),
  deliveriesNextCursor: z.string().nullable(),
});
export type EventDetailResponse = z.infer<typeof eventDetailResponseSchema>;
