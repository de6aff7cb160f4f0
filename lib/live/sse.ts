// Server-Sent Events wire format (HTML spec, "event stream"): fields as lines, a blank
// line ends a message, lines starting with ":" are comments that keep proxies and the
// browser from timing the connection out.

/**
 * One named message; data is JSON on a single line (JSON.stringify never emits newlines).
 * With an `id`, a client that reconnects sends it back as Last-Event-ID; it must hold no
 * line break (ours are feed positions: digits, a dot and an id).
 */
export function sseMessage(event: string, data: unknown, id?: string): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** How long the browser waits before reconnecting after the stream broke. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}
