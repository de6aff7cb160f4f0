// A request body may not stall: once a sender goes quiet for INBOX_BODY_IDLE_TIMEOUT_SECONDS
// mid-body, the request is dropped (408 if nothing was answered yet, then the
// connection is closed). Node only bounds the whole request (requestTimeout, 5
// minutes), so a stranger trickling a byte now and then could hold a connection, a
// request slot and the bytes sent so far for that long. Done in the server for every
// route, not only in the ingest reader: server actions and API routes read bodies too.
// Whoever was reading the body sees the connection close and stores nothing.
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorStatus } from "./app-error";

const MESSAGE = JSON.stringify({
  error: {
    code: "request_timeout",
    message: "the request body stopped arriving; nothing was stored",
  },
});
const TIMEOUT_ANSWER = [
  `HTTP/1.1 ${errorStatus.request_timeout} Request Timeout`,
  "Content-Type: application/json",
  `Content-Length: ${Buffer.byteLength(MESSAGE)}`,
  "Connection: close",
  "",
  MESSAGE,
].join("\r\n");

function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0
  );
}

export function dropStalledBody(req: IncomingMessage, res: ServerResponse, idleMs: number): void {
  if (req.complete || !hasBody(req)) return;
  const socket = req.socket;
  // The socket's own inactivity timer: re-armed by every byte read, so a steady upload costs nothing.
  const onIdle = () => {
    // The handler has not read what already arrived (the socket is paused on our side):
    // not the sender's stall. Look again later.
    if (req.readableLength >= req.readableHighWaterMark) {
      socket.setTimeout(idleMs);
      return;
    }
    // Written on the socket, as Node answers its own timeouts: the route still owns `res`,
    // and its late answer then goes nowhere instead of failing.
    if (!res.headersSent) socket.write(TIMEOUT_ANSWER);
    socket.destroy();
  };
  req.setTimeout(idleMs, onIdle);
  const stop = () => {
    req.off("timeout", onIdle);
    res.off("timeout", stop);
    // After the answer Node sets the keep-alive timer on the same socket: leave that one be.
    if (!res.writableFinished) socket.setTimeout(0);
  };
  req.once("end", stop);
  // The whole body arrived but the handler is still at work: Node would destroy the
  // socket on our timer (it only asks `req` while the body is incomplete). Not a stall.
  res.once("timeout", stop);
}
