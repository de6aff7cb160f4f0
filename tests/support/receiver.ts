// A real HTTP receiver on 127.0.0.1 for forwarding and replay tests: records every
// request (method, path, headers in order, exact body bytes) and answers with what
// the test's responder says (200 by default).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body: Buffer;
};
export type Reply = { status: number; headers?: Record<string, string>; body?: string };
export type Receiver = {
  url: (path?: string) => string;
  requests: ReceivedRequest[];
  /** Decides the answer to each request (a promise holds it back); the default answers 200. */
  respond: (request: ReceivedRequest, index: number) => Reply | Promise<Reply>;
  header: (request: ReceivedRequest, name: string) => string | undefined;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: () => "",
    requests: [],
    respond: () => ({ status: 200, body: "ok" }),
    header: (request, name) =>
      request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const headers: Array<[string, string]> = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
        headers.push([req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? ""]);
      const request = { method: req.method ?? "", path: req.url ?? "", headers, body };
      const index = receiver.requests.push(request) - 1;
      return Promise.resolve(receiver.respond(request, index)).then((reply) => {
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body ?? "");
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = (path = "/hook") => `http://127.0.0.1:${port}${path}`;
  server.closeIdleConnections();
  return receiver;
}

/**
 * Receivers a test file starts as it needs them, all closed after the file's tests:
 * call once at the top of the file, then `await receiver()` in each test.
 */
export function receiversClosedAfterAll(): () => Promise<Receiver> {
  const started: Receiver[] = [];
  afterAll(async () => {
    await Promise.all(started.map((r) => r.close()));
  });
  return async () => {
    const r = await startReceiver();
    started.push(r);
    return r;
  };
}
