/**
 * A user's search term as a LIKE/ILIKE pattern matching it anywhere: `%`, `_` and
 * the escape character itself are escaped (Postgres' default escape is a
 * backslash), so searching "%" finds a percent sign instead of everything.
 */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
