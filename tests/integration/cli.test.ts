// The `webhook-inbox` command, run as a child process (the bin shim, from a directory
// outside the project) against the running app and real receivers on 127.0.0.1:
// forward re-sends byte for byte and survives a server restart without losing or
// repeating a delivery; simulate plays every preset so that the inbox verifies each
// callback and the job ends in the state asked for; bad input fails clearly.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { providerIds, type ProviderId } from "@/lib/providers/schema";
import { PAYLOAD_EXTRACTION } from "@/lib/seed/job-callbacks";
import { baseUrl, createEndpoint } from "@/tests/support/api";
import { startAppServer, TEST_API_TOKEN, type AppServer } from "@/tests/support/app-server";
import { eventsOf, jobOf } from "@/tests/support/callbacks-inbox";
import { clipzyJob } from "@/tests/support/callbacks-payloads";
import { newStandardWebhooksSecret } from "@/tests/support/callbacks-signing";
import { runCli, startCli, type RunningCli } from "@/tests/support/cli";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { sendRaw } from "@/tests/support/ingest-http";
import { startReceiver } from "@/tests/support/receiver";

const inboxEnv = (url = baseUrl()) => ({ INBOX_URL: url, INBOX_TOKEN: TEST_API_TOKEN });
const lineCount = (count: number) => (text: string) =>
  text.split("\n").filter(Boolean).length >= count;
const name = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

/**
 * A port nothing listens on (bound and released), for "cannot connect" cases and a fixed
 * restart port. Chosen below the kernel's ephemeral range (32768+), so the outgoing
 * connections of other tests cannot take it while the app restarts (seen: EADDRINUSE).
 */
async function freePort(): Promise<number> {
  for (;;) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    const server = net.createServer();
    const bound = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(candidate, "127.0.0.1", () => resolve(true));
    });
    if (!bound) continue;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return candidate;
  }
}

async function stopped(cli: RunningCli): Promise<void> {
  expect(await cli.interrupt(), cli.stderr()).toBe(0);
}

describe("webhook-inbox --help and --version", () => {
  it("lists the commands and prints the package version", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: webhook-inbox/);
    expect(help.stdout).toMatch(/forward \[options\]/);
    expect(help.stdout).toMatch(/simulate \[options\]/);

    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const printed = await runCli(["--version"]);
    expect(printed).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("explains each command's options, their environment fallbacks and the presets", async () => {
    const forward = await runCli(["forward", "--help"]);
    expect(forward.code).toBe(0);
    for (const option of [
      "--endpoint <id>",
      "--to <url>",
      "--inbox <url>",
      "--token <token>",
      "--since <when>",
      "env:",
      "INBOX_URL",
      "INBOX_TOKEN",
    ]) {
      expect(forward.stdout).toContain(option);
    }
    const simulate = await runCli(["simulate", "--help"]);
    expect(simulate.code).toBe(0);
    for (const option of [
      "--provider <preset>",
      "--to <url>",
      "--secret <secret>",
      "--fail",
      ...providerIds,
    ])
      expect(simulate.stdout).toContain(option);
  });
});

describe("webhook-inbox forward", () => {
  it(
    "re-sends each delivery with its exact bytes, method, sub-path, query and headers in order (less credentials), one line each",
    { timeout: 120_000 },
    async () => {
      const endpoint = await createEndpoint({ name: name("cli forward"), provider: "clipzy" });
      const receiver = await startReceiver();
      receiver.respond = (request) =>
        request.path.includes("/broken") ? { status: 500, body: "boom" } : { status: 202 };
      const cli = startCli(
        ["forward", "--endpoint", endpoint.id, "--to", receiver.url("/hook?local=1")],
        inboxEnv(),
      );
      try {
        await cli.waitFor("stderr", (text) => text.includes("Connected; waiting for deliveries."));
        const sent: Array<{
          method: string;
          target: string;
          headers: Array<[string, string]>;
          body: Buffer;
        }> = [
          {
            method: "POST",
            target: "",
            headers: [
              ["Content-Type", "application/json"],
              ["Authorization", "Bearer provider-token"],
              ["X-Request-Id", "r-1"],
            ],
            body: Buffer.from(JSON.stringify(clipzyJob(`cli-${randomUUID()}`, "completed"))),
          },
          {
            method: "PUT",
            // A credential in the query is masked by the stream and left out, like a header.
            target: "/renders/7?attempt=2&token=provider-query-token&q=%20x",
            headers: [
              ["content-type", "application/octet-stream"],
              ["X-Dup", "one"],
              ["x-MiXeD", "Case"],
              ["X-Dup", "two"],
            ],
            body: Buffer.concat([
              Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]),
              randomBytes(200),
            ]),
          },
          {
            method: "POST",
            target: "/large",
            headers: [["Content-Type", "application/octet-stream"]],
            body: randomBytes(150_000),
          },
          {
            method: "POST",
            target: "/broken",
            headers: [["Content-Type", "text/plain"]],
            body: Buffer.from("plain text"),
          },
        ];
        const deliveryIds: string[] = [];
        for (const request of sent) {
          const answer = await sendRaw(baseUrl(), `/in/${endpoint.key}${request.target}`, {
            method: request.method,
            headers: request.headers,
            body: request.body,
          });
          expect(answer.status).toBe(200);
          deliveryIds.push(answer.json<{ deliveryId: string }>().deliveryId);
        }
        await cli.waitFor("stdout", lineCount(sent.length));

        expect(receiver.requests).toHaveLength(sent.length);
        for (const [index, request] of sent.entries()) {
          const received = receiver.requests[index];
          const deliveryId = deliveryIds[index];
          if (!received || !deliveryId) throw new Error(`request ${index} missing`);
          const [subPath = "", query = ""] = request.target
            .replace("&token=provider-query-token", "")
            .split("?");
          expect(received.method).toBe(request.method);
          expect(received.path).toBe(
            `/hook${subPath}?${["local=1", query].filter(Boolean).join("&")}`,
          );
          expect(received.body.equals(request.body)).toBe(true);
          // The sender's headers in their order and case, then the inbox ids; Host,
          // Content-Length and Connection are the new hop's. Credentials are not re-sent:
          // the stream has them masked only (issue 10).
          const hop = new Set(["host", "content-length", "connection"]);
          expect(receiver.header(received, "authorization")).toBeUndefined();
          expect(received.headers.filter(([header]) => !hop.has(header.toLowerCase()))).toEqual([
            ...request.headers.filter(([header]) => header !== "Authorization"),
            ["X-Inbox-Event-Id", expect.stringMatching(/^evt_/)],
            ["X-Inbox-Delivery-Id", deliveryId],
          ]);
          expect(receiver.header(received, "content-length")).toBe(String(request.body.length));
        }

        const lines = cli.stdout().trim().split("\n");
        expect(lines).toHaveLength(sent.length);
        expect(lines[0]).toMatch(
          new RegExp(
            `^\\d\\d:\\d\\d:\\d\\d  POST /hook\\?local=1  ${deliveryIds[0]}  -> 202  \\d+ ms$`,
          ),
        );
        expect(lines[1]).toContain(
          `PUT /hook/renders/7?local=1&attempt=2&q=%20x  ${deliveryIds[1]}  -> 202`,
        );
        expect(lines[2]).toContain(`${deliveryIds[2]}  -> 202`);
        expect(lines[3]).toContain(`${deliveryIds[3]}  -> 500`);
      } finally {
        await stopped(cli);
        await receiver.close();
      }
      expect(cli.stderr()).toContain("Stopped; forwarded 4 deliveries.");
    },
  );

  it("reports a local app that is not running and goes on with the next delivery", async () => {
    const endpoint = await createEndpoint({ name: name("cli forward down"), provider: "clipzy" });
    const closedPort = await freePort();
    const cli = startCli(
      ["forward", "--endpoint", endpoint.id, "--to", `http://127.0.0.1:${closedPort}/hook`],
      inboxEnv(),
    );
    try {
      await cli.waitFor("stderr", (text) => text.includes("Connected"));
      for (let i = 0; i < 2; i += 1) {
        const answer = await sendRaw(baseUrl(), `/in/${endpoint.key}`, {
          body: JSON.stringify(clipzyJob(`down-${randomUUID()}`, "failed")),
        });
        expect(answer.status).toBe(200);
      }
      await cli.waitFor("stdout", lineCount(2));
      expect(cli.stdout().trim().split("\n")).toEqual([
        expect.stringMatching(/-> error: connection refused$/),
        expect.stringMatching(/-> error: connection refused$/),
      ]);
    } finally {
      await stopped(cli);
    }
  });

  it("with --since, first re-sends what arrived before it started", async () => {
    const endpoint = await createEndpoint({ name: name("cli since"), provider: "clipzy" });
    const earlier = await sendRaw(baseUrl(), `/in/${endpoint.key}`, {
      body: JSON.stringify(clipzyJob(`since-${randomUUID()}`, "completed")),
    });
    const receiver = await startReceiver();
    const cli = startCli(
      ["forward", "--endpoint", endpoint.id, "--to", receiver.url(), "--since", "10m"],
      inboxEnv(),
    );
    try {
      await cli.waitFor("stdout", lineCount(1));
      expect(cli.stdout()).toContain(earlier.json<{ deliveryId: string }>().deliveryId);
      expect(receiver.requests).toHaveLength(1);
    } finally {
      await stopped(cli);
      await receiver.close();
    }
  });

  it(
    "loses and repeats nothing across a server restart, including what arrived while it was disconnected",
    { timeout: 300_000 },
    async () => {
      const database = await createFreshDatabase("cli_restart");
      const port = await freePort();
      const servers: AppServer[] = [];
      const receiver = await startReceiver();
      let cli: RunningCli | undefined;
      try {
        // The inbox the CLI talks to, always on one port, and a second process on the same
        // database that keeps taking callbacks while the first is down. One after the
        // other: two first starts on an empty database race to create the admin.
        const primary = await startAppServer(database.url, { PORT: String(port) });
        servers.push(primary);
        const other = await startAppServer(database.url);
        servers.push(other);
        const created = await fetch(`${primary.baseUrl}/api/endpoints`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${TEST_API_TOKEN}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ name: "restart", provider: "clipzy" }),
        });
        const endpoint = (await created.json()) as { id: string; key: string };
        const ingestVia = async (server: AppServer, label: string) => {
          const answer = await sendRaw(server.baseUrl, `/in/${endpoint.key}`, {
            body: JSON.stringify(clipzyJob(`restart-${label}`, "completed")),
          });
          expect(answer.status).toBe(200);
          return answer.json<{ deliveryId: string }>().deliveryId;
        };

        cli = startCli(
          ["forward", "--endpoint", endpoint.id, "--to", receiver.url()],
          inboxEnv(primary.baseUrl),
        );
        const running = cli;
        await running.waitFor("stderr", (text) => text.includes("Connected"));
        const sent = [await ingestVia(primary, "1"), await ingestVia(primary, "2")];
        await running.waitFor("stdout", lineCount(2));

        await primary.stop();
        await running.waitFor("stderr", (text) => text.includes("Connection lost"));
        for (const label of ["3", "4", "5"]) sent.push(await ingestVia(other, label));

        const restarted = await startAppServer(database.url, { PORT: String(port) });
        servers.push(restarted);
        await running.waitFor("stderr", (text) =>
          text.includes(`Reconnected; resuming after delivery ${sent[1]}.`),
        );
        sent.push(await ingestVia(restarted, "6"));
        await running.waitFor("stdout", lineCount(sent.length));

        const forwarded = receiver.requests.map((request) =>
          receiver.header(request, "x-inbox-delivery-id"),
        );
        expect(forwarded).toEqual(sent);
        expect(
          running
            .stdout()
            .trim()
            .split("\n")
            .map((line) => line.split("  ")[2]),
        ).toEqual(sent);
      } finally {
        if (cli) await stopped(cli);
        for (const server of servers) await server.stop();
        await receiver.close();
        await database.drop();
      }
    },
  );
});

describe("webhook-inbox forward: clear errors and a non-zero exit", () => {
  it(
    "for a wrong token, an unknown endpoint, an unreachable inbox, a server that is no inbox and a bad URL",
    { timeout: 120_000 },
    async () => {
      const endpoint = await createEndpoint({ name: name("cli errors"), provider: "clipzy" });
      const to = ["--to", "http://127.0.0.1:4000/webhook"];

      const wrongToken = await runCli(["forward", "--endpoint", endpoint.id, ...to], {
        INBOX_URL: baseUrl(),
        INBOX_TOKEN: "wrong-token-0123456789",
      });
      expect(wrongToken.code).toBe(1);
      expect(wrongToken.stderr).toContain(
        `webhook-inbox: the inbox at ${baseUrl()} refused the API token (--token or INBOX_TOKEN)`,
      );

      const unknown = await runCli(["forward", "--endpoint", "ep_doesnotexist", ...to], inboxEnv());
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain(
        `webhook-inbox: endpoint ep_doesnotexist not found on the inbox at ${baseUrl()}`,
      );

      const closedPort = await freePort();
      const unreachable = await runCli(
        ["forward", "--endpoint", endpoint.id, ...to, "--inbox", `http://127.0.0.1:${closedPort}`],
        { INBOX_TOKEN: TEST_API_TOKEN },
      );
      expect(unreachable.code).toBe(1);
      expect(unreachable.stderr).toContain(
        `webhook-inbox: cannot reach the inbox at http://127.0.0.1:${closedPort}: connection refused`,
      );

      const somethingElse = await startReceiver();
      try {
        const origin = new URL(somethingElse.url()).origin;
        const notInbox = await runCli(["forward", "--endpoint", endpoint.id, ...to], {
          INBOX_URL: origin,
          INBOX_TOKEN: TEST_API_TOKEN,
        });
        expect(notInbox.code).toBe(1);
        expect(notInbox.stderr).toContain(
          `webhook-inbox: ${origin} does not answer like a Webhook Inbox`,
        );
      } finally {
        await somethingElse.close();
      }

      const badUrl = await runCli(
        ["forward", "--endpoint", endpoint.id, "--to", "localhost:4000/webhook"],
        inboxEnv(),
      );
      expect(badUrl.code).toBe(1);
      expect(badUrl.stderr).toMatch(
        /option '--to <url>' argument 'localhost:4000\/webhook' is invalid\. only http and https URLs work/,
      );

      const noToken = await runCli(["forward", "--endpoint", endpoint.id, ...to], {
        INBOX_URL: baseUrl(),
      });
      expect(noToken.code).toBe(1);
      expect(noToken.stderr).toContain("required option '--token <token>' not specified");
    },
  );
});

/** The secret each preset's default scheme needs (none for unsigned presets). */
function secretFor(provider: ProviderId): string | null {
  switch (provider) {
    case "aspect":
    case "standard-webhooks":
      return newStandardWebhooksSecret();
    case "scriptix":
    case "json2video":
      return `${provider}-secret-${randomUUID()}`;
    // Descript takes only a callback_url (no header): its default checks nothing.
    case "descript":
    case "clipzy":
    case "generic":
      return null;
  }
}

describe("webhook-inbox simulate", () => {
  const cases = providerIds.flatMap((provider) =>
    (["completed", "failed"] as const).map((fate) => ({ provider, fate })),
  );

  it.each(cases)(
    "$provider: a signed sequence the inbox verifies, ending $fate",
    { timeout: 60_000 },
    async ({ provider, fate }) => {
      const secret = secretFor(provider);
      const extraction = PAYLOAD_EXTRACTION[provider];
      const endpoint = await createEndpoint({
        name: name(`simulate ${provider}`),
        provider,
        ...(secret ? { secrets: [secret] } : {}),
        ...(extraction ? { extraction } : {}),
      });
      const args = [
        "simulate",
        "--provider",
        provider,
        "--to",
        endpoint.ingestUrl,
        ...(secret ? ["--secret", secret] : []),
        ...(fate === "failed" ? ["--fail"] : []),
      ];

      const result = await runCli(args);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const header = /job (\S+): (\d+) callbacks?, ending (\w+)/.exec(result.stdout);
      if (!header?.[1] || !header[2]) throw new Error(`no job line in:\n${result.stdout}`);
      expect(header[3]).toBe(fate);
      const [, externalId, count] = header;

      const job = await jobOf(endpoint.id, externalId);
      expect(job.state).toBe(fate);
      const events = await eventsOf(endpoint.id);
      expect(events).toHaveLength(Number(count));
      const expected = secret ? "verified" : "unsigned";
      expect(events.map((event) => event.verification)).toEqual(
        Array(Number(count)).fill(expected),
      );
      expect(events.every((event) => event.jobId === job.id)).toBe(true);
      // One answer line per callback, each with the inbox's verdict.
      expect(
        result.stdout.split("\n").filter((line) => / -> 200  dlv_\S+  /.test(line)),
      ).toHaveLength(Number(count));
      expect(result.stdout).toContain(`  ${expected}`);
    },
  );

  it("shows the inbox refusing a wrong secret and exits 1", async () => {
    const endpoint = await createEndpoint({
      name: name("simulate wrong secret"),
      provider: "scriptix",
      secrets: ["the-real-secret"],
    });
    const result = await runCli([
      "simulate",
      "--provider",
      "scriptix",
      "--to",
      endpoint.ingestUrl,
      "--secret",
      "not-the-secret",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/-> 401  dlv_\S+  failed/);
    expect((await eventsOf(endpoint.id)).map((event) => event.verification)).toEqual(["failed"]);
  });

  it("refuses a missing secret, an unknown preset and an unreachable URL with a clear message", async () => {
    const missing = await runCli([
      "simulate",
      "--provider",
      "aspect",
      "--to",
      `${baseUrl()}/in/whatever`,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("webhook-inbox: aspect signs every callback");

    const unknown = await runCli([
      "simulate",
      "--provider",
      "mux",
      "--to",
      `${baseUrl()}/in/whatever`,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      "Allowed choices are aspect, scriptix, json2video, descript, clipzy, standard-webhooks, generic",
    );

    const closedPort = await freePort();
    const unreachable = await runCli([
      "simulate",
      "--provider",
      "clipzy",
      "--to",
      `http://127.0.0.1:${closedPort}/in/whatever`,
    ]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(
      `webhook-inbox: cannot reach http://127.0.0.1:${closedPort}: connection refused`,
    );

    const wrongKey = await runCli([
      "simulate",
      "--provider",
      "clipzy",
      "--to",
      `${baseUrl()}/in/no-such-endpoint-key`,
    ]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toMatch(/-> 404 +no endpoint has this ingest URL/);
  });
});
