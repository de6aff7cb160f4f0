"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { ListKeyboard } from "@/components/ui/list-keyboard";
import type { ListedEvent } from "@/lib/events/serialize";
import { InboxTable } from "./inbox-table";
import { eventFilterNames } from "@/lib/events/filter-names";
import { inboxHref, listQuery, type InboxFilters } from "./inbox-url";
import { LiveIndicator } from "./live-indicator";
import { mergeNewestPage, refetchLimit } from "./merge-rows";
import { useLiveInbox } from "./use-live-inbox";

/** How long a row that arrived live stays highlighted. */
const HIGHLIGHT_MS = 4_000;

type Props = {
  initialRows: ListedEvent[];
  nextCursor: string | null;
  filters: InboxFilters;
  limit: string | undefined;
  cursor: string | undefined;
  /** What to show when nothing was ever received (server-rendered guide). */
  gettingStarted: ReactNode;
};

/**
 * The list part of the Inbox. On the newest page it stays live: when the stream
 * says something was stored, it refetches the first page with the same filters and
 * puts new rows on top. Older pages hold still (their cursor would shift otherwise).
 */
export function InboxView({
  initialRows,
  nextCursor,
  filters,
  limit,
  cursor,
  gettingStarted,
}: Props) {
  const [list, setList] = useState({ items: initialRows, nextCursor });
  const rows = list.items;
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const highlight = useHighlight(setHighlighted);
  // Refetches run one at a time, so merging into the last rendered list cannot race.
  const listRef = useRef(list);
  useEffect(() => {
    listRef.current = list;
  }, [list]);
  const rowsOnScreen = () => listRef.current.items.length;
  const refetch = useNewestPageRefetch(filters, limit, rowsOnScreen, (fetched) => {
    const { newIds, ...merged } = mergeNewestPage(listRef.current, fetched);
    listRef.current = merged;
    setList(merged);
    if (newIds.length > 0) highlight(newIds);
  });
  const status = useLiveInbox({
    enabled: !cursor,
    endpointId: filters.endpointId,
    onChange: refetch,
  });
  const hasFilters = eventFilterNames.some((name) => filters[name]);

  return (
    <div>
      <ListKeyboard />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <div className="flex items-center gap-3">
          <LiveIndicator status={status} />
          <span className="tabular-nums">
            {rows.length} {rows.length === 1 ? "event" : "events"}{" "}
            {cursor ? "on this older page" : "shown"}
          </span>
        </div>
        <span className="hidden sm:inline">
          <Kbd>j</Kbd> <Kbd>k</Kbd> move · <Kbd>Enter</Kbd> open · <Kbd>/</Kbd> search
        </span>
      </div>

      {rows.length > 0 ? (
        <InboxTable rows={rows} highlighted={highlighted} />
      ) : hasFilters || cursor ? (
        <EmptyState
          title={hasFilters ? "No events match these filters" : "No older events"}
          actions={
            <ButtonLink href={inboxHref({}, limit)} variant="secondary" size="sm">
              {hasFilters ? "Clear filters" : "Back to newest"}
            </ButtonLink>
          }
        >
          {hasFilters && (
            <p className="text-center">
              New callbacks that match will still appear here as they arrive.
            </p>
          )}
        </EmptyState>
      ) : (
        gettingStarted
      )}

      <nav aria-label="Pages" className="mt-3 flex items-center justify-between gap-2">
        {cursor ? (
          <ButtonLink href={inboxHref(filters, limit)} size="sm" variant="secondary">
            ← Newest
          </ButtonLink>
        ) : (
          <span />
        )}
        {list.nextCursor && (
          <ButtonLink
            href={inboxHref(filters, limit, list.nextCursor)}
            size="sm"
            variant="secondary"
          >
            Older →
          </ButtonLink>
        )}
      </nav>
    </div>
  );
}

/** Under a steady stream of callbacks, refetch at most this often (still well within a second). */
const MIN_REFETCH_GAP_MS = 250;

/**
 * A refetch of the newest page; calls made while one is running collapse into one
 * more run after it, so a burst of announcements costs at most two requests.
 */
type ListPage = { items: ListedEvent[]; nextCursor: string | null };

function useNewestPageRefetch(
  filters: InboxFilters,
  limit: string | undefined,
  rowsOnScreen: () => number,
  onPage: (page: ListPage) => void,
) {
  const state = useRef({ running: false, again: false });
  const latest = useRef({ onPage, rowsOnScreen });
  useEffect(() => {
    latest.current = { onPage, rowsOnScreen };
  });
  const filtersQuery = listQuery(filters, undefined);
  return useCallback(() => {
    const query = () => {
      const params = new URLSearchParams(filtersQuery);
      params.set("limit", String(refetchLimit(limit, latest.current.rowsOnScreen())));
      return params.toString();
    };
    const run = async () => {
      state.current.running = true;
      do {
        state.current.again = false;
        const startedAt = Date.now();
        try {
          const response = await fetch(`/api/events?${query()}`, {
            headers: { accept: "application/json" },
            cache: "no-store",
          });
          if (response.ok) latest.current.onPage((await response.json()) as ListPage);
        } catch {
          // Offline for a moment: the stream reconnects and asks again.
        }
        if (state.current.again)
          await new Promise((resolve) =>
            setTimeout(resolve, MIN_REFETCH_GAP_MS - (Date.now() - startedAt)),
          );
      } while (state.current.again);
      state.current.running = false;
    };
    if (state.current.running) state.current.again = true;
    else void run();
  }, [filtersQuery, limit]);
}

function useHighlight(
  setHighlighted: (update: (current: ReadonlySet<string>) => ReadonlySet<string>) => void,
) {
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  return useCallback(
    (ids: string[]) => {
      setHighlighted((current) => new Set([...current, ...ids]));
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setHighlighted((current) => new Set([...current].filter((id) => !ids.includes(id))));
      }, HIGHLIGHT_MS);
      timers.current.add(timer);
    },
    [setHighlighted],
  );
}
