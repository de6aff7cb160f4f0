// The guarded outbound client against real listeners on 127.0.0.1 and ::1: every
// blocked address form is refused before any connection reaches a listener; an
// allow-listed address gets the exact request; redirects are not followed; bodies are
// capped after decompression; a silent target times out. Connections are kept alive
// and reused, a stale one is retried once on a fresh connection, and an idle pooled
// connection does not keep the process alive.
import { spawn } from "node:child_process";
import { EventEmitter, once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllowList } from "@/lib/net/address-ranges";
import { parseOutboundUrl, sendOutbound } from "@/lib/outbound/guarded-fetch";

type Receiver = {
  port: number;
  /** Connections accepted so far. */
  connections: number;
  requests: Array<{ method: string; url: string; rawHeaders: string[]; body: Buffer }>;
  /** Resolves once `count` connections have closed. */
  closedConnections(count: number): Promise<void>;
  close(): Promise<void>;
};

/** `nth` is the request's place on its connection: 1 for the first, 2 for a reuse... */
type Respond = (req: http.IncomingMessage, res: http.ServerResponse, nth: number) => void;

async function receiver(host: string, respond: Respond): Promise<Receiver> {
  const state = { connections: 0, closed: 0, requests: [] as Receiver["requests"] };
  const served = new WeakMap<object, number>();
  const closings = new EventEmitter();
  const server = http.createServer(async (req, res) => {
    const nth = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, nth);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    state.requests.push({
      method: req.method ?? "",
      url: req.url ?? "",
      rawHeaders: req.rawHeaders,
      body: Buffer.concat(chunks),
    });
    respond(req, res, nth);
  });
  server.on("connection", (socket) => {
    state.connections += 1;
    socket.on("close", () => {
      state.closed += 1;
      closings.emit("closed");
    });
  });
  server.listen(0, host);
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return state.connections;
    },
    requests: state.requests,
    async closedConnections(count) {
      while (state.closed < count) await once(closings, "closed");
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const ok = (_req: http.IncomingMessage, res: http.ServerResponse) => res.end("ok");
const allowLoopback = parseAllowList("127.0.0.1");

describe("addresses that are refused", () => {
  let v4: Receiver;
  let v6: Receiver;
  beforeAll(async () => {
    v4 = await receiver("127.0.0.1", ok);
    v6 = await receiver("::1", ok);
  });
  afterAll(async () => {
    await v4.close();
    await v6.close();
  });

  // Forms that would reach a listener on this machine if the check let them through.
  const loopbackForms = (port: number, port6: number) => [
    `http://127.0.0.1:${port}/`,
    `http://127.1:${port}/`,
    `http://0x7f.1:${port}/`,
    `http://017700000001:${port}/`,
    `http://2130706433:${port}/`,
    `http://0x7f000001:${port}/`,
    `http://127.000.000.001:${port}/`,
    `http://localhost:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[::ffff:7f00:1]:${port}/`,
    `http://[::1]:${port6}/`,
    `http://0.0.0.0:${port}/`,
    `http://0:${port}/`,
    `http://[::]:${port6}/`,
  ];

  it("refuses every loopback spelling, and no connection reaches a listener", async () => {
    for (const url of loopbackForms(v4.port, v6.port)) {
      const result = await sendOutbound({
        url,
        method: "POST",
        headers: [],
        body: Buffer.from("x"),
      });
      expect(result.outcome, url).toBe("blocked");
    }
    expect(v4.connections).toBe(0);
    expect(v6.connections).toBe(0);
  });

  it.each([
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.0.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.100.100.200", "carrier-grade NAT"],
    ["168.63.129.16", "metadata"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["[fd00:ec2::254]", "unique-local"],
    ["[fc00::1]", "unique-local"],
    ["[fe80::1]", "link-local"],
    ["[64:ff9b::a00:1]", "NAT64"],
    ["[2002:a00:1::]", "6to4"],
    ["[::ffff:a00:1]", "IPv4 address written as IPv6"],
    ["[::7f00:1]", "IPv4-compatible"],
    ["[::a00:1]", "IPv4-compatible"],
    ["[::a9fe:a9fe]", "IPv4-compatible"],
  ])("refuses %s (%s) without trying to connect", async (host, words) => {
    const result = await sendOutbound({
      url: `http://${host}/hook`,
      method: "POST",
      headers: [],
      timeoutMs: 2_000,
    });
    expect(result).toMatchObject({ outcome: "blocked" });
    expect(result.outcome === "blocked" && result.reason).toContain(words);
  });

  it("says which name resolved to which address", async () => {
    const result = await sendOutbound({
      url: `http://localhost:${v4.port}/`,
      method: "GET",
      headers: [],
    });
    expect(result).toMatchObject({
      outcome: "blocked",
      reason: expect.stringMatching(
        /^localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
      ),
    });
  });

  it("refuses what is not http(s) or not a URL", async () => {
    for (const url of [
      "ftp://example.com/x",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "not a url",
      "http://user:pw@example.com/",
    ]) {
      expect(() => parseOutboundUrl(url), url).toThrow(
        expect.objectContaining({ code: "validation_failed" }),
      );
      expect((await sendOutbound({ url, method: "GET", headers: [] })).outcome, url).toBe(
        "blocked",
      );
    }
  });
});

describe("an allow-listed receiver", () => {
  let target: Receiver;
  let moved: Receiver;
  beforeAll(async () => {
    moved = await receiver("127.0.0.1", ok);
    target = await receiver("127.0.0.1", (req, res) => {
      if (req.url === "/redirect") {
        res.writeHead(302, { location: `http://127.0.0.1:${moved.port}/elsewhere` }).end();
      } else if (req.url === "/big") {
        res
          .writeHead(200, { "content-encoding": "gzip" })
          .end(zlib.gzipSync(Buffer.alloc(1024 * 1024, "a")));
      } else if (req.url === "/silent") {
        // Never answers.
      } else {
        res.writeHead(201, { "x-seen": "yes" }).end("created");
      }
    });
  });
  afterAll(async () => {
    await target.close();
    await moved.close();
  });

  it("receives the exact bytes, method and headers in order; the answer is kept", async () => {
    const body = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]);
    const result = await sendOutbound(
      {
        url: `http://127.0.0.1:${target.port}/hook?a=1`,
        method: "PUT",
        headers: [
          ["Content-Type", "application/json"],
          ["X-Dup", "1"],
          ["X-Dup", "2"],
        ],
        body,
      },
      { allow: allowLoopback },
    );
    expect(result).toMatchObject({ outcome: "response", status: 201, truncated: false });
    expect(result.outcome === "response" && result.body.toString()).toBe("created");
    expect(result.outcome === "response" && result.headers).toContainEqual(["x-seen", "yes"]);
    const seen = target.requests.at(-1);
    expect(seen?.method).toBe("PUT");
    expect(seen?.url).toBe("/hook?a=1");
    expect(seen?.body.equals(body)).toBe(true);
    const names = (seen?.rawHeaders ?? []).filter((_, i) => i % 2 === 0);
    // Node adds "Connection: keep-alive" itself.
    expect(names).toEqual([
      "Host",
      "Content-Type",
      "X-Dup",
      "X-Dup",
      "Content-Length",
      "Connection",
    ]);
  });

  it("does not follow a redirect: the 302 is the answer and the new location sees nothing", async () => {
    const result = await sendOutbound(
      {
        url: `http://127.0.0.1:${target.port}/redirect`,
        method: "POST",
        headers: [],
        body: Buffer.from("x"),
      },
      { allow: allowLoopback },
    );
    expect(result).toMatchObject({ outcome: "response", status: 302 });
    expect(moved.connections).toBe(0);
  });

  it("keeps the first 64 KiB of a decompressed answer and stops reading", async () => {
    const result = await sendOutbound(
      { url: `http://127.0.0.1:${target.port}/big`, method: "GET", headers: [] },
      { allow: allowLoopback },
    );
    expect(result).toMatchObject({ outcome: "response", status: 200, truncated: true });
    expect(result.outcome === "response" && result.body.byteLength).toBe(64 * 1024);
    expect(result.outcome === "response" && result.body.every((byte) => byte === 0x61)).toBe(true);
  });

  it("gives up on a target that never answers", async () => {
    const result = await sendOutbound(
      {
        url: `http://127.0.0.1:${target.port}/silent`,
        method: "POST",
        headers: [],
        timeoutMs: 300,
      },
      { allow: allowLoopback },
    );
    expect(result).toMatchObject({ outcome: "error", error: "no complete answer within 0.3 s" });
  });

  it("reports a refused connection as an error, not as blocked", async () => {
    const closed = await receiver("127.0.0.1", ok);
    const port = closed.port;
    await closed.close();
    const result = await sendOutbound(
      { url: `http://127.0.0.1:${port}/`, method: "GET", headers: [] },
      { allow: allowLoopback },
    );
    expect(result).toMatchObject({ outcome: "error", error: "connection refused" });
  });
});

describe("kept-alive connections", () => {
  const get = (port: number, path = "/") =>
    sendOutbound(
      { url: `http://127.0.0.1:${port}${path}`, method: "GET", headers: [] },
      { allow: allowLoopback },
    );
  const receivers: Receiver[] = [];
  const listen = async (respond: Respond) => {
    const started = await receiver("127.0.0.1", respond);
    receivers.push(started);
    return started;
  };
  afterAll(async () => {
    for (const started of receivers) await started.close();
  });

  it("sends one request after another over one connection", async () => {
    const target = await listen(ok);
    for (let i = 0; i < 5; i++)
      expect(await get(target.port)).toMatchObject({ outcome: "response", status: 200 });
    expect(target.connections).toBe(1);
  });

  it("opens a connection per concurrent request, and reuses them for the next ones", async () => {
    const target = await listen(ok);
    const batch = async () => {
      for (const result of await Promise.all([1, 2, 3, 4].map(() => get(target.port))))
        expect(result).toMatchObject({ outcome: "response", status: 200 });
    };
    await batch();
    expect(target.connections).toBe(4);
    await batch();
    await batch();
    expect(target.connections).toBe(4);
  });

  it("sends again on a fresh connection when a kept-alive one was dropped before answering", async () => {
    // Like a receiver closing an idle connection just as the next request arrives on it.
    const target = await listen((req, res, nth) =>
      nth === 2 ? req.socket.destroy() : res.end("ok"),
    );
    expect(await get(target.port)).toMatchObject({ outcome: "response", status: 200 });
    const result = await get(target.port, "/second");
    expect(result).toMatchObject({ outcome: "response", status: 200 });
    expect(target.connections).toBe(2);
    expect(target.requests.map((seen) => seen.url)).toEqual(["/", "/second", "/second"]);
  });

  it("does not send again once an answer began, even on a kept-alive connection", async () => {
    // The receiver acted on the request: a second delivery would be a duplicate.
    const target = await listen((req, res, nth) =>
      nth === 2 ? req.socket.end("HTTP/1.1 200 OK\r\ncontent-le") : res.end("ok"),
    );
    expect(await get(target.port)).toMatchObject({ outcome: "response", status: 200 });
    expect(await get(target.port, "/second")).toMatchObject({ outcome: "error" });
    expect(target.connections).toBe(1);
    expect(target.requests.map((seen) => seen.url)).toEqual(["/", "/second"]);
  });

  it("does not send again when a fresh connection is dropped", async () => {
    const target = await listen((req) => req.socket.destroy());
    expect(await get(target.port)).toMatchObject({ outcome: "error" });
    expect(target.connections).toBe(1);
    expect(target.requests).toHaveLength(1);
  });

  it("closes a connection whose answer was cut off at the cap; the next requests get a clean one", async () => {
    // An answer without end: only the client closing the connection ends it. Neither
    // parked in the pool mid-body nor drained in the background, it must be closed.
    const endless = (res: http.ServerResponse) => {
      const chunk = Buffer.alloc(64 * 1024, "a");
      const more = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on("drain", more);
      more();
    };
    const target = await listen((req, res) =>
      req.url === "/endless" ? endless(res) : res.end("ok"),
    );
    expect(await get(target.port, "/endless")).toMatchObject({
      outcome: "response",
      status: 200,
      truncated: true,
    });
    await target.closedConnections(1);
    for (let i = 0; i < 2; i++) {
      const result = await get(target.port);
      expect(result).toMatchObject({ outcome: "response", status: 200, truncated: false });
      expect(result.outcome === "response" && result.body.toString()).toBe("ok");
    }
    expect(target.connections).toBe(2);
  });

  it("does not keep the process alive with an idle pooled connection", async () => {
    const target = await listen(ok);
    // A process of its own: what keeps this test process's event loop alive is not the client's.
    const script = `
      const { sendOutbound } = await import(${JSON.stringify(`${process.cwd()}/lib/outbound/guarded-fetch.ts`)});
      const { parseAllowList } = await import(${JSON.stringify(`${process.cwd()}/lib/net/address-ranges.ts`)});
      const send = () => sendOutbound({ url: process.argv[1], method: "GET", headers: [] }, { allow: parseAllowList("127.0.0.1") });
      const outcomes = [(await send()).outcome, (await send()).outcome];
      console.log(JSON.stringify({ outcomes, keepingAlive: process.getActiveResourcesInfo() }));`;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script, `http://127.0.0.1:${target.port}/`],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code, output).toBe(0);
    const seen = JSON.parse(output) as { outcomes: string[]; keepingAlive: string[] };
    expect(seen.outcomes).toEqual(["response", "response"]);
    // Both went over one connection, so it was idle in the pool when the child looked,
    // yet no TCP handle held the child's event loop.
    expect(target.connections).toBe(1);
    expect(seen.keepingAlive).not.toContain("TCPSocketWrap");
  });
});
