// Raw HTTP for ingest tests, where fetch cannot say what a provider's client sends:
// headers as an ordered [name, value] list (original case, repeated names kept apart),
// bodies without Content-Length, and uploads the server may cut off half-way.
import http from "node:http";
import net from "node:net";

export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

export type RawResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json<T = Record<string, unknown>>(): T;
};

export type RawRequestOptions = {
  method?: string;
  headers?: HeaderPairs;
  body?: string | Uint8Array;
  /** Leave out Content-Length, so Node sends the body with Transfer-Encoding: chunked. */
  chunked?: boolean;
};

function toResponse(status: number, headers: http.IncomingHttpHeaders, body: Buffer): RawResponse {
  return { status, headers, body, json: <T>() => JSON.parse(body.toString("utf8")) as T };
}

/**
 * Sends one request with exactly the given header list (plus Host, and Content-Length
 * unless `chunked` or already listed) and the path exactly as written (no dot-segment
 * or percent-escape clean-up, which `new URL` would do). A server that answers and closes before reading
 * the whole body is fine: the answer counts, the write error does not.
 */
export function sendRaw(
  baseUrl: string,
  path: string,
  options: RawRequestOptions = {},
): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: string[] = (options.headers ?? []).flatMap(([name, value]) => [name, value]);
  const has = (name: string) => (options.headers ?? []).some(([n]) => n.toLowerCase() === name);
  if (!has("host")) headers.push("Host", url.host);
  if (body && !options.chunked && !has("content-length"))
    headers.push("Content-Length", String(body.length));

  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? "POST",
        path,
        headers,
        agent: false,
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve(toResponse(response.statusCode ?? 0, response.headers, Buffer.concat(chunks))),
        );
        response.on("error", reject);
      },
    );
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    request.end(body);
  });
}

export type StreamOutcome = {
  /** The status line's code, or null when the connection ended before an answer was read. */
  status: number | null;
  /** The answer's raw head and body, as far as it arrived. */
  responseText: string;
  /** Body bytes handed to the socket before the upload stopped. */
  bodyBytesWritten: number;
  /** The socket error that ended the upload (e.g. ECONNRESET), if any. */
  socketError: string | null;
};

/**
 * Uploads `totalBytes` of filler as fast as the server takes them, over a raw socket:
 * chunked unless `contentLength` is given (then that header is declared instead, and
 * may promise more than `totalBytes`: the upload then waits for the answer). Stops
 * when an answer arrives or the server closes the connection, so the result tells how
 * much the server let in. This process never holds more than one chunk.
 */
export function streamUpload(
  baseUrl: string,
  path: string,
  options: {
    totalBytes: number;
    contentLength?: number;
    chunkBytes?: number;
    idleTimeoutMs?: number;
  },
): Promise<StreamOutcome> {
  const url = new URL(path, baseUrl);
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const filler = Buffer.alloc(chunkBytes, "a");
  const chunked = options.contentLength === undefined;
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: ${url.host}`,
    "Content-Type: application/octet-stream",
    chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${options.contentLength}`,
    "",
    "",
  ].join("\r\n");

  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    let written = 0;
    let stopped = false;
    let responseText = "";

    const finish = (error?: Error) => {
      if (stopped) return;
      stopped = true;
      const match = /^HTTP\/1\.1 (\d{3})/.exec(responseText);
      const socketError = error ? ((error as NodeJS.ErrnoException).code ?? error.message) : null;
      resolve({
        status: match?.[1] ? Number(match[1]) : null,
        responseText,
        bodyBytesWritten: written,
        socketError,
      });
      socket.destroy();
    };

    // One chunk at a time, yielding to the event loop in between, so an answer the server
    // sends early is read before the next write. (When the server resets the connection
    // right after answering, a write can still fail first and Node drops the unread
    // answer: that shows as socketError EPIPE/ECONNRESET with no status.)
    const pump = () => {
      if (stopped) return;
      if (written >= options.totalBytes) {
        if (chunked) socket.write("0\r\n\r\n");
        return;
      }
      const size = Math.min(chunkBytes, options.totalBytes - written);
      const data = size === chunkBytes ? filler : filler.subarray(0, size);
      const frame = chunked
        ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), data, Buffer.from("\r\n")])
        : data;
      written += size;
      socket.write(frame, (error) => {
        if (!error) setImmediate(pump);
      });
    };

    // A server that neither answers nor reads for this long is not going to.
    socket.setTimeout(options.idleTimeoutMs ?? 10_000, () => finish(new Error("timeout")));
    socket.on("connect", () => {
      socket.write(head);
      pump();
    });
    socket.on("data", (chunk: Buffer) => {
      responseText += chunk.toString("latin1");
      if (isCompleteResponse(responseText)) finish();
    });
    socket.on("error", finish);
    socket.on("close", () => finish());
  });
}

/** True once the head and the whole body (by Content-Length, or the last chunk) are in. */
function isCompleteResponse(text: string): boolean {
  const headEnd = text.indexOf("\r\n\r\n");
  if (headEnd === -1) return false;
  const head = text.slice(0, headEnd);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
  if (length !== undefined) return text.length >= headEnd + 4 + Number(length);
  return /\r\ntransfer-encoding: *chunked/i.test(head) && text.endsWith("0\r\n\r\n");
}

/**
 * Writes `requestText` (a request head and part of its body) over a raw socket, then
 * drops the connection as a crashing sender would. Resolves with whatever was answered.
 */
export function sendThenDisconnect(
  baseUrl: string,
  requestText: string,
  holdMs = 200,
): Promise<string> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    let answered = "";
    const socket = net.connect({ host: url.hostname, port: Number(url.port) }, () => {
      socket.write(requestText);
      setTimeout(() => {
        socket.destroy();
        resolve(answered);
      }, holdMs);
    });
    socket.on("data", (chunk: Buffer) => (answered += chunk.toString("latin1")));
    socket.on("error", () => resolve(answered));
  });
}

export type SlowSender = {
  /** Settles when the server answered (whole answer read) or closed the connection. */
  outcome: Promise<{ status: number | null; responseText: string }>;
  /** Sends the rest of the request at once. */
  finish(): void;
  /** Drops the connection (test clean-up). */
  abort(): void;
};

/**
 * A sender on a slow link: the request head and `initialBytes` of a `totalBytes` body
 * (declared with Content-Length, or chunked), then one more byte every `trickleMs`
 * (or nothing, with `trickleMs: null`: a stalled body) until finish(). With
 * `headersOnly`, even the head never completes: a byte of a header every `trickleMs`.
 */
export function slowSender(
  baseUrl: string,
  path: string,
  options: {
    totalBytes: number;
    initialBytes: number;
    chunked?: boolean;
    trickleMs: number | null;
    headersOnly?: boolean;
  },
): SlowSender {
  const url = new URL(path, baseUrl);
  const chunked = options.chunked ?? false;
  const socket = net.connect({ host: url.hostname, port: Number(url.port) });
  const frame = (size: number) => {
    const data = Buffer.alloc(size, "a");
    return chunked
      ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), data, Buffer.from("\r\n")])
      : data;
  };
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  let responseText = "";
  const outcome = new Promise<{ status: number | null; responseText: string }>((resolve) => {
    const settle = () => {
      clearInterval(timer);
      const match = /^HTTP\/1\.1 (\d{3})/.exec(responseText);
      resolve({ status: match?.[1] ? Number(match[1]) : null, responseText });
      socket.destroy();
    };
    socket.on("data", (chunk: Buffer) => {
      responseText += chunk.toString("latin1");
      if (isCompleteResponse(responseText)) settle();
    });
    socket.on("error", settle);
    socket.on("close", settle);
  });
  const write = (data: string | Buffer) => {
    if (!socket.destroyed) socket.write(data);
  };
  socket.on("connect", () => {
    if (options.headersOnly) {
      write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nX-Slow: `);
    } else {
      const length = chunked
        ? "Transfer-Encoding: chunked"
        : `Content-Length: ${options.totalBytes}`;
      write(
        `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/octet-stream\r\n${length}\r\n\r\n`,
      );
      if (options.initialBytes > 0) write(frame(options.initialBytes));
      sent = options.initialBytes;
    }
    if (options.trickleMs === null) return;
    timer = setInterval(() => {
      if (options.headersOnly) return write("a");
      if (sent >= options.totalBytes - 1) return;
      write(frame(1));
      sent += 1;
    }, options.trickleMs);
  });
  return {
    outcome,
    finish() {
      clearInterval(timer);
      const rest = options.totalBytes - sent;
      if (rest > 0) write(frame(rest));
      if (chunked) write("0\r\n\r\n");
      sent = options.totalBytes;
    },
    abort: () => socket.destroy(),
  };
}
