"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Kbd } from "@/components/ui/kbd";
import { MIN_SEARCH_LENGTH } from "@/lib/events/schema";
import { fromUtcInputValue, inboxHref, toUtcInputValue, type InboxFilters } from "./inbox-url";
import { eventFilterNames } from "@/lib/events/filter-names";

export type FilterChoices = {
  endpoints: Array<{ id: string; name: string; provider: string }>;
  providers: Array<{ id: string; label: string }>;
  verifications: readonly string[];
  jobStates: readonly string[];
};

/**
 * The filter bar. Every change becomes a new URL (router push), so the server renders
 * the filtered first page and the address bar can be shared. Selects apply at once;
 * text and times apply on Enter or "Apply".
 */
export function InboxFilters({
  filters,
  limit,
  choices,
}: {
  filters: InboxFilters;
  limit: string | undefined;
  choices: FilterChoices;
}) {
  const router = useRouter();
  const hasFilters = eventFilterNames.some((name) => filters[name]);
  const [searchError, setSearchError] = useState<string | null>(null);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // One or two characters match nearly every payload: say so instead of a slow scan.
    const term = String(form.get("q") ?? "").trim();
    if (term.length > 0 && term.length < MIN_SEARCH_LENGTH) {
      setSearchError(`Type at least ${MIN_SEARCH_LENGTH} characters to search payloads.`);
      return;
    }
    setSearchError(null);
    const next: InboxFilters = {};
    for (const name of eventFilterNames) {
      const raw = String(form.get(name) ?? "").trim();
      const value = name === "from" || name === "to" ? fromUtcInputValue(raw) : raw;
      if (value) next[name] = value;
    }
    router.push(inboxHref(next, limit));
  };
  const submitOnChange = (event: FormEvent<HTMLSelectElement>) =>
    event.currentTarget.form?.requestSubmit();

  return (
    <form role="search" aria-label="Filter events" onSubmit={apply} className="mb-4 space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <Labelled label="Search payloads" htmlFor="inbox-q" grow>
          <div className="relative">
            <Input
              id="inbox-q"
              name="q"
              type="search"
              data-search-input
              defaultValue={filters.q ?? ""}
              maxLength={200}
              placeholder="Text anywhere in a payload, e.g. a job id"
              className="pr-8 font-mono text-xs"
              aria-invalid={searchError ? true : undefined}
              aria-describedby={searchError ? "inbox-q-error" : undefined}
              onChange={() => setSearchError(null)}
            />
            <span
              aria-hidden
              className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2"
            >
              <Kbd>/</Kbd>
            </span>
          </div>
        </Labelled>
        <Labelled label="Endpoint" htmlFor="inbox-endpoint">
          <Select
            id="inbox-endpoint"
            name="endpointId"
            defaultValue={filters.endpointId ?? ""}
            onChange={submitOnChange}
            className="w-44 text-xs"
          >
            <option value="">All endpoints</option>
            {withCurrent(
              choices.endpoints.map((e) => ({ value: e.id, label: e.name })),
              filters.endpointId,
            )}
          </Select>
        </Labelled>
        <Labelled label="Provider" htmlFor="inbox-provider">
          <Select
            id="inbox-provider"
            name="provider"
            defaultValue={filters.provider ?? ""}
            onChange={submitOnChange}
            className="w-36 text-xs"
          >
            <option value="">All providers</option>
            {withCurrent(
              choices.providers.map((p) => ({ value: p.id, label: p.label })),
              filters.provider,
            )}
          </Select>
        </Labelled>
        <Labelled label="Verification" htmlFor="inbox-verification">
          <Select
            id="inbox-verification"
            name="verification"
            defaultValue={filters.verification ?? ""}
            onChange={submitOnChange}
            className="w-32 text-xs"
          >
            <option value="">Any</option>
            {withCurrent(
              choices.verifications.map((v) => ({ value: v, label: v })),
              filters.verification,
            )}
          </Select>
        </Labelled>
        <Labelled label="Job state" htmlFor="inbox-job-state">
          <Select
            id="inbox-job-state"
            name="jobState"
            defaultValue={filters.jobState ?? ""}
            onChange={submitOnChange}
            className="w-32 text-xs"
          >
            <option value="">Any</option>
            {withCurrent(
              choices.jobStates.map((s) => ({ value: s, label: s })),
              filters.jobState,
            )}
          </Select>
        </Labelled>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <Labelled label="Event type" htmlFor="inbox-type">
          <Input
            id="inbox-type"
            name="type"
            defaultValue={filters.type ?? ""}
            maxLength={200}
            placeholder="e.g. task.completed"
            className="w-48 font-mono text-xs"
          />
        </Labelled>
        <Labelled label="From (UTC)" htmlFor="inbox-from">
          <Input
            id="inbox-from"
            name="from"
            type="datetime-local"
            defaultValue={toUtcInputValue(filters.from)}
            className="w-48 text-xs tabular-nums"
          />
        </Labelled>
        <Labelled label="To (UTC)" htmlFor="inbox-to">
          <Input
            id="inbox-to"
            name="to"
            type="datetime-local"
            defaultValue={toUtcInputValue(filters.to)}
            className="w-48 text-xs tabular-nums"
          />
        </Labelled>
        {/* Not a visible control: a job filter arrives from links (job pages) and must survive other changes. */}
        {filters.jobId && <input type="hidden" name="jobId" value={filters.jobId} />}
        <div className="flex gap-2">
          <Button type="submit" variant="primary">
            Apply
          </Button>
          {hasFilters && (
            <ButtonLink href={inboxHref({}, limit)} variant="ghost">
              Clear filters
            </ButtonLink>
          )}
        </div>
      </div>
      {searchError && (
        <p id="inbox-q-error" role="alert" className="text-xs text-red-700 dark:text-red-400">
          {searchError}
        </p>
      )}
    </form>
  );
}

function Labelled({
  label,
  htmlFor,
  grow = false,
  children,
}: {
  label: string;
  htmlFor: string;
  grow?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={grow ? "min-w-64 flex-1" : undefined}>
      <label
        htmlFor={htmlFor}
        className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400"
      >
        {label}
      </label>
      {children}
    </div>
  );
}

/** Options, plus the URL's current value if it is not among them (e.g. an archived endpoint), so it stays selected. */
function withCurrent(
  options: Array<{ value: string; label: string }>,
  current: string | undefined,
) {
  const all =
    current && !options.some((o) => o.value === current)
      ? [...options, { value: current, label: current }]
      : options;
  return all.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}
