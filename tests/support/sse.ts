// A minimal Server-Sent Events reader for tests, written from the spec apart from the
// CLI's own reader (lib/cli/sse-reader.ts), so the server's stream is checked by an
// independent client. Comments (heartbeats) are skipped.
export type SseMessage = { id: string | undefined; event: string; data: string };

export async function* sseMessages(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = block.split("\n").filter((line) => !line.startsWith(":"));
        const field = (name: string) =>
          fields.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
        const event = field("event");
        const data = field("data");
        if (event !== undefined && data !== undefined) yield { id: field("id"), event, data };
      }
    }
  } finally {
    reader.releaseLock();
  }
}

export async function nextMessage(
  stream: AsyncGenerator<SseMessage>,
  accept: (message: SseMessage) => boolean,
): Promise<SseMessage> {
  for (;;) {
    const { value, done } = await stream.next();
    if (done) throw new Error("stream ended");
    if (accept(value)) return value;
  }
}
