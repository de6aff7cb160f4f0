// Headers as they arrived: [name, value] pairs in order, names in their original
// case, repeated names kept. The Fetch API's Headers would merge and sort them.
export type HeaderList = ReadonlyArray<readonly [string, string]>;

/** Every value of `name` (case-insensitive), in arrival order. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** The first value of `name` (case-insensitive), or null. */
export function firstHeader(headers: HeaderList, name: string): string | null {
  return headerValues(headers, name)[0] ?? null;
}

/** Node's flat rawHeaders array ([name, value, name, value ...]) as pairs. */
export function pairRawHeaders(raw: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] as string, raw[i + 1] as string]);
  return pairs;
}

/**
 * The headers for Node's http.request in raw form ([name, value, ...], sent as given,
 * nothing added by Node): Host and the body's Content-Length are filled in unless present.
 */
export function withRequestFraming(
  headers: HeaderList,
  host: string,
  body: Uint8Array | undefined,
): Array<[string, string]> {
  const has = (name: string) => headers.some(([key]) => key.toLowerCase() === name);
  return [
    ...(has("host") ? [] : [["Host", host] as [string, string]]),
    ...headers.map(([name, value]): [string, string] => [name, value]),
    ...(has("content-length") || has("transfer-encoding")
      ? []
      : [["Content-Length", String(body?.byteLength ?? 0)] as [string, string]]),
  ];
}

/** The stored JSON as [name, value] pairs, skipping anything malformed. */
export function toHeaderList(value: unknown): Array<[string, string]> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((pair): Array<[string, string]> =>
    Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string"
      ? [[pair[0], pair[1]]]
      : [],
  );
}
