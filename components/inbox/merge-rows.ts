// How a refetched newest page joins the rows already on screen: fetched rows replace
// their older copies (a duplicate delivery raises a count), rows that were not on
// screen before go on top and are reported as new (to highlight them), and rows
// further down stay where they are, so the "Older" cursor still continues the list.
// When more arrived than one page holds, the fetched page does not reach the rows on
// screen: joining them would hide the events in between, so the fetched page (with
// its own cursor) replaces the list.
//
// A refetch asks for as many rows as are on screen (refetchLimit), not one page: a
// callback's time is when it was received, and one committed a moment after others can
// sort below rows already shown. A refetch of one page would miss it (it sorts below
// that page) and the merge would keep the rows around it, a gap nobody sees.
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "@/lib/pagination/limits";

type Row = { id: string };
type Page<T> = { items: T[]; nextCursor: string | null };

/** How many of the newest rows a refetch asks for: the page's limit, or every row on screen. */
export function refetchLimit(pageLimit: string | undefined, rowsOnScreen: number): number {
  const limit = Number(pageLimit) || DEFAULT_PAGE_LIMIT;
  return Math.min(MAX_PAGE_LIMIT, Math.max(limit, rowsOnScreen));
}

export function mergeNewestPage<T extends Row>(
  current: Page<T>,
  fetched: Page<T>,
): Page<T> & { newIds: string[] } {
  const onScreen = new Set(current.items.map((row) => row.id));
  const newIds = fetched.items.filter((row) => !onScreen.has(row.id)).map((row) => row.id);
  const reachesScreen = fetched.nextCursor === null || newIds.length < fetched.items.length;
  if (current.items.length === 0 || !reachesScreen) return { ...fetched, newIds };
  const fetchedIds = new Set(fetched.items.map((row) => row.id));
  return {
    items: [...fetched.items, ...current.items.filter((row) => !fetchedIds.has(row.id))],
    nextCursor: current.nextCursor,
    newIds,
  };
}
