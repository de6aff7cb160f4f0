// Server-Sent Events wire format (HTML spec, "event stream"): fields as lines, a blank
// line ends a message, lines starting with ":" are comments that keep proxies and the
// browser from timing the connection out.

/** One named message; data is JSON on a single line (JSON.stringify never emits newlines). */
export function sseMessage(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** How long the browser waits before reconnecting after the stream broke. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}
