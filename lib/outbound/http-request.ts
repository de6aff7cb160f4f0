// The one HTTP exchange both outbound clients are built on: the server's guarded client
// (guarded-fetch.ts: forwarding, replay, polling, alerts) and the CLI's (lib/cli/
// send-request.ts, on the developer's own machine). node:http rather than fetch: fetch
// lower-cases, sorts and merges headers, and a re-sent delivery keeps them as they
// arrived (order, case, repeated names). One deadline covers the whole exchange; the
// answer is read up to a cap; the outcome is a value, never an exception (the first of
// error, timeout and end settles it). What a caller adds (the address check, the pool,
// the wording of failures) it passes in or makes of the outcome.
import http from "node:http";
import https from "node:https";
import net from "node:net";
import zlib from "node:zlib";
import { pairRawHeaders, withRequestFraming, type HeaderList } from "@/lib/http/header-list";

export type HttpExchange = {
  url: URL;
  /** The request target as it should go out (not re-encoded); default: the URL's path and query. */
  path?: string | undefined;
  method: string;
  headers: HeaderList;
  body?: Uint8Array | undefined;
  /** Deadline for the whole exchange (connect, send, headers, body). */
  timeoutMs: number;
  /** How much of the (decompressed) response body to keep. */
  maxResponseBytes: number;
  /** Undo gzip, deflate and br before the cap applies. */
  decompress?: boolean;
  /** The socket's DNS lookup (the guarded client checks addresses there). */
  lookup?: net.LookupFunction | undefined;
  /** The connection pool; default Node's global agent. */
  agent?: http.Agent | false | undefined;
};

export type HttpOutcome =
  | {
      kind: "response";
      status: number;
      headers: Array<[string, string]>;
      body: Buffer;
      truncated: boolean;
    }
  | { kind: "timeout" }
  | { kind: "network-error"; error: NodeJS.ErrnoException }
  /** The answer began but its body could not be read (or decompressed). */
  | { kind: "body-error"; error: Error };

/** The host name as Node's request wants it: an IPv6 literal without its brackets. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

export function sendHttpRequest(exchange: HttpExchange): Promise<HttpOutcome> {
  const { url, timeoutMs, maxResponseBytes: cap } = exchange;
  const host = bareHostname(url);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<HttpOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    let outgoing: http.ClientRequest;
    const deadline = setTimeout(() => {
      finish({ kind: "timeout" });
      outgoing.destroy();
    }, timeoutMs);

    const send = (agent: http.Agent | false | undefined) => {
      outgoing = client.request({
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: exchange.path ?? `${url.pathname}${url.search}`,
        method: exchange.method,
        // Flat [name, value, ...]: order and repeated names go out as given. In this form
        // Node adds only Connection itself, so Host and the body's length are filled in here.
        headers: withRequestFraming(exchange.headers, url.host, exchange.body).flat(),
        // Runs only when this request opens a new socket; a pooled one passed it on connecting.
        ...(exchange.lookup ? { lookup: exchange.lookup } : {}),
        ...(agent === undefined ? {} : { agent }),
        // Node's TLS checks the certificate against the name; keep SNI on the host name.
        ...(url.protocol === "https:" && !net.isIP(host) ? { servername: host } : {}),
      });
      const attempt = outgoing;
      // A reused socket's byte count carries on from earlier answers: mark where this one starts.
      let bytesReadBefore = 0;
      attempt.on("socket", (socket) => (bytesReadBefore = socket.bytesRead));

      attempt.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the receiver closed while it sat idle (a race the idle timeout
        // narrows but cannot rule out) fails on the next write or read. Nothing of an answer
        // came, so the receiver most likely never saw the request: send it once more on a
        // fresh connection, as Node's docs advise: one outside the pool, which may hold more
        // sockets gone stale alike. Not after a response began (the receiver acted on it),
        // and not when a fresh connection fails (that is the receiver's answer).
        const stale =
          !settled &&
          attempt.reusedSocket &&
          (error.code === "ECONNRESET" || error.code === "EPIPE") &&
          attempt.socket?.bytesRead === bytesReadBefore;
        if (stale) return send(false);
        finish({ kind: "network-error", error });
      });
      attempt.on("response", (response) => {
        const headers = pairRawHeaders(response.rawHeaders);
        const body = exchange.decompress ? decoded(response) : response;
        const chunks: Buffer[] = [];
        let kept = 0;
        let truncated = false;
        const done = () =>
          finish({
            kind: "response",
            status: response.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks, kept),
            truncated,
          });
        body.on("data", (chunk: Buffer) => {
          if (truncated) return;
          const room = cap - kept;
          if (chunk.byteLength > room) {
            chunks.push(chunk.subarray(0, room));
            kept += room;
            truncated = true;
            // Enough read: stop the transfer (and any decompression) now. Node destroys the
            // socket of a response not read to its end, so a half-read connection never goes
            // back to the pool.
            done();
            response.destroy();
            return;
          }
          chunks.push(chunk);
          kept += chunk.byteLength;
        });
        body.on("end", done);
        body.on("error", (error: Error) => {
          // The rest of the answer is not wanted: close the connection rather than leave it
          // stuck mid-body.
          response.destroy();
          finish({ kind: "body-error", error });
        });
      });
      attempt.end(exchange.body);
    };
    send(exchange.agent);
  });
}

function decoded(response: http.IncomingMessage): NodeJS.ReadableStream {
  const encoding = String(response.headers["content-encoding"] ?? "")
    .trim()
    .toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(zlib.createGunzip());
  if (encoding === "deflate") return response.pipe(zlib.createInflate());
  if (encoding === "br") return response.pipe(zlib.createBrotliDecompress());
  return response;
}
