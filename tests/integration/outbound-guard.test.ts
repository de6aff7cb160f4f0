// The guarded outbound client against real listeners on 127.0.0.1 and ::1: every
// blocked address form is refused before any connection reaches a listener; an
// allow-listed address gets the exact request; redirects are not followed; bodies are
// capped after decompression; a silent target times out.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllowList } from "@/lib/outbound/address-policy";
import { parseOutboundUrl, sendOutbound } from "@/lib/outbound/guarded-fetch";

type Receiver = { port: number; connections: number; requests: Array<{ method: string; url: string; rawHeaders: string[]; body: Buffer }>; close(): Promise<void> };

async function receiver(host: string, respond: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Receiver> {
  const state = { connections: 0, requests: [] as Receiver["requests"] };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    state.requests.push({ method: req.method ?? "", url: req.url ?? "", rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) });
    respond(req, res);
  });
  server.on("connection", () => (state.connections += 1));
  server.listen(0, host);
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return state.connections;
    },
    requests: state.requests,
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
      const result = await sendOutbound({ url, method: "POST", headers: [], body: Buffer.from("x") });
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
  ])("refuses %s (%s) without trying to connect", async (host, words) => {
    const result = await sendOutbound({ url: `http://${host}/hook`, method: "POST", headers: [], timeoutMs: 2_000 });
    expect(result).toMatchObject({ outcome: "blocked" });
    expect(result.outcome === "blocked" && result.reason).toContain(words);
  });

  it("says which name resolved to which address", async () => {
    const result = await sendOutbound({ url: `http://localhost:${v4.port}/`, method: "GET", headers: [] });
    expect(result).toMatchObject({ outcome: "blocked", reason: expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/) });
  });

  it("refuses what is not http(s) or not a URL", async () => {
    for (const url of ["ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "not a url", "http://user:pw@example.com/"]) {
      expect(() => parseOutboundUrl(url), url).toThrow(expect.objectContaining({ code: "validation_failed" }));
      expect((await sendOutbound({ url, method: "GET", headers: [] })).outcome, url).toBe("blocked");
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
        res.writeHead(200, { "content-encoding": "gzip" }).end(zlib.gzipSync(Buffer.alloc(1024 * 1024, "a")));
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
      { url: `http://127.0.0.1:${target.port}/hook?a=1`, method: "PUT", headers: [["Content-Type", "application/json"], ["X-Dup", "1"], ["X-Dup", "2"]], body },
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
    // Node adds "Connection: close" itself (one connection per request).
    expect(names).toEqual(["Host", "Content-Type", "X-Dup", "X-Dup", "Content-Length", "Connection"]);
  });

  it("does not follow a redirect: the 302 is the answer and the new location sees nothing", async () => {
    const result = await sendOutbound({ url: `http://127.0.0.1:${target.port}/redirect`, method: "POST", headers: [], body: Buffer.from("x") }, { allow: allowLoopback });
    expect(result).toMatchObject({ outcome: "response", status: 302 });
    expect(moved.connections).toBe(0);
  });

  it("keeps the first 64 KiB of a decompressed answer and stops reading", async () => {
    const result = await sendOutbound({ url: `http://127.0.0.1:${target.port}/big`, method: "GET", headers: [] }, { allow: allowLoopback });
    expect(result).toMatchObject({ outcome: "response", status: 200, truncated: true });
    expect(result.outcome === "response" && result.body.byteLength).toBe(64 * 1024);
    expect(result.outcome === "response" && result.body.every((byte) => byte === 0x61)).toBe(true);
  });

  it("gives up on a target that never answers", async () => {
    const result = await sendOutbound({ url: `http://127.0.0.1:${target.port}/silent`, method: "POST", headers: [], timeoutMs: 300 }, { allow: allowLoopback });
    expect(result).toMatchObject({ outcome: "error", error: "no complete answer within 0.3 s" });
  });

  it("reports a refused connection as an error, not as blocked", async () => {
    const closed = await receiver("127.0.0.1", ok);
    const port = closed.port;
    await closed.close();
    const result = await sendOutbound({ url: `http://127.0.0.1:${port}/`, method: "GET", headers: [] }, { allow: allowLoopback });
    expect(result).toMatchObject({ outcome: "error", error: "connection refused" });
  });
});
