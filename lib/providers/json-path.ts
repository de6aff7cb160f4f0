// Dot-path reads into parsed JSON for presets and user-configured extraction paths.
// Paths come from endpoint settings and keys from untrusted payloads, so only own
// data properties are followed: never the prototype chain or array internals.

/** Keys that would reach Object.prototype or a constructor even when present as own keys. */
const blockedKeys = new Set(["__proto__", "constructor", "prototype"]);

const arrayIndexPattern = /^(0|[1-9][0-9]*)$/;

/** A JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The value at `path` ("data.task.id", "client-data.listing_id", "items.0.id"),
 * or undefined when any step is missing, blocked or not an object/array.
 */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split(".")) {
    if (key === "" || blockedKeys.has(key)) return undefined;
    if (Array.isArray(current)) {
      // Only element indexes: "length" is an own property of arrays too.
      if (!arrayIndexPattern.test(key)) return undefined;
      current = current[Number(key)];
    } else if (isJsonObject(current)) {
      if (!Object.hasOwn(current, key)) return undefined;
      current = current[key];
    } else {
      return undefined;
    }
  }
  return current;
}
