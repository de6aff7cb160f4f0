// Turns raw body bytes into the JSON the event keeps for search and display. The
// raw bytes are stored untouched elsewhere; this is a best-effort parsed copy that
// must never make the insert fail (which would turn a callback into an endless
// 503 retry loop). PostgreSQL's jsonb rejects \u0000, unpaired surrogates and very
// deep nesting, all of which JSON.parse accepts.

const utf8 = new TextDecoder("utf-8", { fatal: true });
const MAX_DEPTH = 200;
const RISKY_ESCAPE = /\\u(0000|d[89a-f][0-9a-f]{2})/i;

export type ParsedPayload = {
  /** The parsed value, or undefined when the body is not (storable) JSON. */
  value: unknown;
  /** JSON text for the jsonb column, or null. */
  jsonText: string | null;
};

const NOT_JSON: ParsedPayload = { value: undefined, jsonText: null };

export function parsePayload(body: Uint8Array): ParsedPayload {
  if (body.byteLength === 0) return NOT_JSON;
  let text: string;
  let value: unknown;
  try {
    text = utf8.decode(body);
    value = JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
  if (depthOf(value) > MAX_DEPTH) return NOT_JSON;
  if (!RISKY_ESCAPE.test(text)) return { value, jsonText: text };
  const clean = sanitize(value);
  return { value: clean, jsonText: JSON.stringify(clean) };
}

function depthOf(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== "object") continue;
    if (depth > max) max = depth;
    if (max > MAX_DEPTH) return max;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return max;
}

/** Replaces NUL and unpaired surrogates (in keys and strings) with U+FFFD. */
function sanitize(value: unknown): unknown {
  if (typeof value === "string") return cleanString(value);
  if (Array.isArray(value)) return value.map(sanitize);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanString(k), sanitize(v)]));
  }
  return value;
}

function cleanString(s: string): string {
  return s.toWellFormed().replaceAll("\u0000", "\uFFFD");
}
