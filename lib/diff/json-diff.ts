// Differences between two JSON payloads as rows a person can scan: a readable JSON
// path, what happened there, and the values on both sides. microdiff does the walk;
// this adapter only names and shapes its output.
import microdiff from "microdiff";

export type DiffKind = "added" | "removed" | "changed";

/** `before`/`after` are JSON values; undefined where that side has nothing at the path. */
export type DiffRow = { path: string; kind: DiffKind; before: unknown; after: unknown };

const KIND = { CREATE: "added", REMOVE: "removed", CHANGE: "changed" } as const;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ["data", "task", 0, "my key"] -> `$.data.task[0]["my key"]` (JSONPath-style, quoting odd names). */
export function formatJsonPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === "number") return `${text}[${part}]`;
    return IDENTIFIER.test(part) ? `${text}.${part}` : `${text}[${JSON.stringify(part)}]`;
  }, "$");
}

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  typeof value === "object" && value !== null;

/**
 * Rows in microdiff's order (document order of `after`, removals where they were).
 * Non-container roots (a string payload, null for a body that was not JSON) are
 * compared as one value at "$".
 */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  if (
    !isContainer(before) ||
    !isContainer(after) ||
    Array.isArray(before) !== Array.isArray(after)
  ) {
    if (Object.is(before, after)) return [];
    if (before === undefined) return [{ path: "$", kind: "added", before, after }];
    if (after === undefined) return [{ path: "$", kind: "removed", before, after }];
    return [{ path: "$", kind: "changed", before, after }];
  }
  return microdiff(before, after).map((difference) => ({
    path: formatJsonPath(difference.path),
    kind: KIND[difference.type],
    before: difference.type === "CREATE" ? undefined : (difference.oldValue as unknown),
    after: difference.type === "REMOVE" ? undefined : (difference.value as unknown),
  }));
}
