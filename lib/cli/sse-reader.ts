// Reads a Server-Sent Events body (HTML spec, "event stream interpretation") into
// messages. Node 20 has no EventSource, and ours would not do anyway: the CLI needs
// its own reconnect policy (backoff, an idle watchdog, fatal answers) around it.

export type SseEvent = {
  /** The stream's last event id after this message (what Last-Event-ID would send). */
  lastEventId: string;
  event: string;
  data: string;
};

export async function* readSseEvents(
  body: ReadableStream<Uint8Array>,
  onBytes: () => void = () => {},
): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  let lastEventId = "";
  let event = "";
  let data: string[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    onBytes();
    buffer += decoder.decode(chunk, { stream: true });
    let newline: RegExpExecArray | null;
    const lineEnd = /\r\n|\r|\n/g;
    let consumed = 0;
    while ((newline = lineEnd.exec(buffer)) !== null) {
      // A lone \r at the very end may be the first half of \r\n: wait for more.
      if (newline[0] === "\r" && newline.index === buffer.length - 1) break;
      const line = buffer.slice(consumed, newline.index);
      consumed = newline.index + newline[0].length;
      if (line === "") {
        if (data.length > 0)
          yield { lastEventId, event: event || "message", data: data.join("\n") };
        event = "";
        data = [];
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
      else if (field === "id" && !value.includes("\0")) lastEventId = value;
    }
    buffer = buffer.slice(consumed);
  }
}
