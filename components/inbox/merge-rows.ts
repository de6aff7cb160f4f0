// How a refetched newest page joins the rows already on screen: fetched rows replace
// their older copies (a duplicate delivery raises a count), rows that were not on
// screen before go on top and are reported as new (to highlight them), and rows
// further down stay where they are, so the "Older" cursor still continues the list.

type Row = { id: string };

export function mergeNewestPage<T extends Row>(current: T[], fetched: T[]): { rows: T[]; newIds: string[] } {
  const onScreen = new Set(current.map((row) => row.id));
  const fetchedIds = new Set(fetched.map((row) => row.id));
  const newIds = fetched.filter((row) => !onScreen.has(row.id)).map((row) => row.id);
  return { rows: [...fetched, ...current.filter((row) => !fetchedIds.has(row.id))], newIds };
}
