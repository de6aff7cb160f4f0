// The Inbox's state lives in its URL (filters, cursor, page size), so a shared link
// reproduces the view. These build those URLs and the matching API URLs.

import { eventFilterNames, type EventFilterName } from "@/lib/events/filter-names";

/** The Inbox's filters: search params of "/" named as GET /api/events's, in URL order. */
export type InboxFilters = Partial<Record<EventFilterName, string>>;

/** Filters plus page size: what a refetch of the newest page asks the API for. */
export function listQuery(
  filters: InboxFilters,
  limit: string | undefined,
  cursor?: string,
): string {
  const params = new URLSearchParams();
  for (const name of eventFilterNames) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (limit) params.set("limit", limit);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

export function inboxHref(
  filters: InboxFilters,
  limit: string | undefined,
  cursor?: string,
): string {
  const query = listQuery(filters, limit, cursor);
  return query ? `/?${query}` : "/";
}

/** A `datetime-local` value (shown and read as UTC) from an ISO time, and back. */
export function toUtcInputValue(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 16);
}

export function fromUtcInputValue(value: string): string {
  const date = new Date(`${value}Z`);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : "";
}

const FILTER_LABELS: Record<EventFilterName, string> = {
  q: "search",
  endpointId: "endpoint",
  provider: "provider",
  verification: "signature",
  jobState: "job state",
  type: "event type",
  from: "received from",
  to: "received before",
  jobId: "job",
};

/** The filters in words, e.g. [["endpoint", "Renders"], ["job state", "failed"]]; endpoint ids by name where known. */
export function describeFilters(
  filters: InboxFilters,
  endpointNames: ReadonlyMap<string, string>,
): Array<[label: string, value: string]> {
  return eventFilterNames.flatMap((name) => {
    const value = filters[name];
    if (!value) return [];
    return [
      [FILTER_LABELS[name], name === "endpointId" ? (endpointNames.get(value) ?? value) : value],
    ];
  });
}

/** Parsed event filters (times as dates) back in the Inbox's URL form. */
export function inboxFiltersOf(
  filters: Partial<Record<EventFilterName, string | Date>>,
): InboxFilters {
  return Object.fromEntries(
    eventFilterNames.flatMap((name) => {
      const value = filters[name];
      return value === undefined
        ? []
        : [[name, value instanceof Date ? value.toISOString() : value]];
    }),
  );
}
