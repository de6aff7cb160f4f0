// Who the client is, for the sign-in throttle and the source address stored with a
// delivery: the socket's peer, or behind a trusted proxy (INBOX_TRUSTED_PROXIES) the
// X-Forwarded-For entry that proxy vouches for. And the throttle holds across app
// processes on one database. Three servers of their own on one database: two that
// trust no proxy, one that trusts 127.0.0.1 (the test, acting as the proxy).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-throttle";
import {
  startAppServer,
  TEST_ADMIN,
  TEST_API_TOKEN,
  type AppServer,
} from "@/tests/support/app-server";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { submitPageForm } from "@/tests/support/page-forms";

let database: { url: string; drop(): Promise<void> };
let direct: AppServer;
let directToo: AppServer;
let proxied: AppServer;

beforeAll(async () => {
  database = await createFreshDatabase("client_address");
  // One at a time: each start applies migrations and resets the env admin.
  direct = await startAppServer(database.url);
  directToo = await startAppServer(database.url);
  proxied = await startAppServer(database.url, {
    INBOX_TRUSTED_PROXIES: "10.9.0.0/16, 127.0.0.1/32",
  });
});

afterAll(async () => {
  await Promise.all([direct?.stop(), directToo?.stop(), proxied?.stop()]);
  await database?.drop();
});

const uniqueEmail = () => `nobody-${randomUUID().slice(0, 8)}@throttle.test`;

type SignIn = "signed-in" | "wrong" | "throttled";

async function signIn(
  server: AppServer,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<SignIn> {
  const response = await submitPageForm(
    server.baseUrl,
    "/login",
    'name="password"',
    { email, password },
    undefined,
    undefined,
    forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  );
  if (response.status === 303) return "signed-in";
  const html = await response.text();
  if (html.includes("Too many failed attempts")) return "throttled";
  if (html.includes("do not match")) return "wrong";
  throw new Error(`unexpected sign-in answer ${response.status}: ${html.slice(0, 300)}`);
}

describe("the sign-in throttle", () => {
  it("counts failures of one email and client across app processes", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < SIGN_IN_LIMITS.perClient; i++) {
      expect(await signIn(i % 2 ? direct : directToo, email, "wrong-password")).toBe("wrong");
    }
    expect(await signIn(direct, email, "wrong-password")).toBe("throttled");
    expect(await signIn(directToo, email, "wrong-password")).toBe("throttled");
  });

  it("behind a trusted proxy keys on the forwarded client: one client is paused, the others still sign in", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perClient; i++) {
      expect(await signIn(proxied, TEST_ADMIN.email, "wrong-password", "198.51.100.7")).toBe(
        "wrong",
      );
    }
    // Even the right password waits: the pause is what makes guessing impractical.
    expect(await signIn(proxied, TEST_ADMIN.email, TEST_ADMIN.password, "198.51.100.7")).toBe(
      "throttled",
    );
    // A proxy appends the address it saw: the rightmost untrusted entry is the client.
    expect(
      await signIn(
        proxied,
        TEST_ADMIN.email,
        TEST_ADMIN.password,
        "203.0.113.50, 198.51.100.7, 10.9.1.1",
      ),
    ).toBe("throttled");
    expect(await signIn(proxied, TEST_ADMIN.email, TEST_ADMIN.password, "198.51.100.8")).toBe(
      "signed-in",
    );
    // A client cannot escape by putting another address before its own.
    expect(
      await signIn(proxied, TEST_ADMIN.email, TEST_ADMIN.password, "198.51.100.8, 198.51.100.7"),
    ).toBe("throttled");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < SIGN_IN_LIMITS.perClient; i++) {
      expect(await signIn(direct, email, "wrong-password", `192.0.2.${i + 1}`)).toBe("wrong");
    }
    expect(await signIn(direct, email, "wrong-password", "192.0.2.200")).toBe("throttled");
  });

  it("pauses an email guessed at from many addresses, with a looser limit", async () => {
    const email = uniqueEmail();
    expect(SIGN_IN_LIMITS.perEmail).toBeGreaterThan(SIGN_IN_LIMITS.perClient);
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      expect(await signIn(proxied, email, "wrong-password", `198.18.0.${i + 1}`)).toBe("wrong");
    }
    expect(await signIn(proxied, email, "wrong-password", "198.18.1.1")).toBe("throttled");
    // Other emails behind the same proxy are not affected.
    expect(await signIn(proxied, uniqueEmail(), "wrong-password", "198.18.1.1")).toBe("wrong");
  });
});

describe("the source address stored with a delivery", () => {
  async function sourceOf(server: AppServer, forwardedFor: string): Promise<string | null> {
    const auth = { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" };
    const created = await fetch(`${server.baseUrl}/api/endpoints`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ name: `source ${randomUUID()}`, provider: "clipzy" }),
    });
    const endpoint = (await created.json()) as { key: string };
    const answer = await fetch(`${server.baseUrl}/in/${endpoint.key}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ job_id: randomUUID(), status: "completed" }),
    });
    expect(answer.status).toBe(200);
    const { eventId } = (await answer.json()) as { eventId: string };
    const event = (await (
      await fetch(`${server.baseUrl}/api/events/${eventId}`, { headers: auth })
    ).json()) as { deliveries: Array<{ sourceIp: string | null }> };
    return event.deliveries[0]?.sourceIp ?? null;
  }

  it("is the forwarded client behind a trusted proxy", async () => {
    expect(await sourceOf(proxied, "203.0.113.9")).toBe("203.0.113.9");
    expect(await sourceOf(proxied, "6.6.6.6, 203.0.113.9, 10.9.0.1")).toBe("203.0.113.9");
  });

  it("is the socket's peer when that peer is not a trusted proxy", async () => {
    expect(await sourceOf(direct, "203.0.113.9")).toBe("127.0.0.1");
  });
});
