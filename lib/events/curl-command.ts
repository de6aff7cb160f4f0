// "Copy as curl": a shell command that sends a stored delivery again, byte for byte
// where a shell argument can carry the bytes. Everything in it is hostile input, so
// every argument is single-quoted (POSIX: nothing inside single quotes is special).

/** Headers curl derives itself or that describe the old connection, not the request. */
const CONNECTION_HEADERS = new Set([
  "host",
  "content-length",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "upgrade",
  "expect",
  "proxy-connection",
]);

/** Bodies up to this size go inline; larger ones are read from the raw download. */
export const INLINE_BODY_LIMIT = 64 * 1024;

export const REDACTED = "<redacted>";

export type CurlBody =
  | { kind: "none" }
  | { kind: "text"; text: string }
  /** Not representable as a shell argument (not UTF-8, NUL bytes, or too long): read the download. */
  | { kind: "file"; fileName: string; why: "binary" | "large" };

export type CurlHeader = { name: string; value: string; isCredential: boolean };

export type CurlSource = { method: string; url: string; headers: CurlHeader[]; body: CurlBody };

/** 'it'\''s' - safe for any string without NUL in sh, bash and zsh. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** How a stored body can appear in the command (see CurlBody). */
export function curlBodyFor(body: Uint8Array | null, size: number, fileName: string): CurlBody {
  if (size === 0) return { kind: "none" };
  if (body === null || size > INLINE_BODY_LIMIT) return { kind: "file", fileName, why: "large" };
  const text = decodeUtf8(body);
  // A shell argument cannot hold a NUL byte, so such a body is "binary" here too.
  if (text === null || text.includes("\0")) return { kind: "file", fileName, why: "binary" };
  return { kind: "text", text };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The command, one option per line. Credential values are replaced by <redacted>
 * unless `includeCredentials`; the caller says so next to the command.
 */
export function buildCurlCommand(
  source: CurlSource,
  options: { includeCredentials: boolean },
): string {
  // --globoff: [] and {} in a hostile path must not become curl URL globs.
  const parts = [`curl --globoff -X ${shellQuote(source.method)} ${shellQuote(source.url)}`];
  for (const header of source.headers) {
    if (CONNECTION_HEADERS.has(header.name.toLowerCase())) continue;
    const value = header.isCredential && !options.includeCredentials ? REDACTED : header.value;
    // curl drops "Name:" (empty value) from the request; "Name;" sends it empty.
    parts.push(`-H ${shellQuote(value === "" ? `${header.name};` : `${header.name}: ${value}`)}`);
  }
  const { body } = source;
  if (body.kind === "text") {
    // --data-binary reads a file when the data starts with "@"; --data-raw never does.
    parts.push(
      `${body.text.startsWith("@") ? "--data-raw" : "--data-binary"} ${shellQuote(body.text)}`,
    );
  } else if (body.kind === "file") {
    parts.push(`--data-binary ${shellQuote(`@${body.fileName}`)}`);
  }
  return parts.join(" \\\n  ");
}

/** Whether the command hides at least one value. */
export function hasCredentials(source: CurlSource): boolean {
  return source.headers.some((header) => header.isCredential);
}
