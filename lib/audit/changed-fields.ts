// The names of the fields a change sets: what an audit entry says changed (names
// only; the values may be secrets). Sorted, so an entry reads the same whatever
// order the request listed them in.
export function changedFields(input: Record<string, unknown>): string[] {
  return Object.keys(input)
    .filter((key) => input[key] !== undefined)
    .sort();
}

/** For a replace (PUT): the fields of `after` whose value differs from `before`'s (all of them when there was nothing). */
export function differingFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): string[] {
  return Object.keys(after)
    .filter((key) => before === null || JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort();
}
