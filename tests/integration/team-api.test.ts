// Team management through the API (admin only): invite -> accept through the link the
// API answered -> listed -> role changed -> removed; the self and last-admin rules; and
// a member or viewer gets 403 from every team and audit route, with real ids, so a
// route that skipped the check would change data rather than answer a lucky 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "@/tests/support/api";
import {
  startAppServer,
  TEST_ADMIN,
  TEST_API_TOKEN,
  type AppServer,
} from "@/tests/support/app-server";
import { expectApiError } from "@/tests/support/callbacks-inbox";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { sessionCookieOf, submitPageForm } from "@/tests/support/page-forms";
import { closeTestPeople, createTestPerson, type TestPerson } from "@/tests/support/people";

type Member = {
  id: string;
  email: string;
  role: string;
  tokens: Array<{ id: string; name: string }>;
};
type Invitation = { id: string; email: string; role: string; invitedBy: string };
type Team = { items: Member[]; invitations: Invitation[] };

async function call(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  base = baseUrl(),
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
}

const unique = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@team-api.test`;

async function team(token: string): Promise<Team> {
  const { status, body } = await call(token, "GET", "/api/team/members");
  expect(status, JSON.stringify(body)).toBe(200);
  return body as Team;
}

let admin: TestPerson;
let member: TestPerson;
let viewer: TestPerson;

beforeAll(async () => {
  [admin, member, viewer] = await Promise.all([
    createTestPerson("admin"),
    createTestPerson("member"),
    createTestPerson("viewer"),
  ]);
});

afterAll(closeTestPeople);

describe("the team round trip", () => {
  it("invite -> accept through the URL the API gave -> listed -> role changed -> removed", async () => {
    const email = unique("newcomer");
    const invited = await call(admin.token, "POST", "/api/team/invitations", {
      email,
      role: "member",
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const { id, url, expiresAt } = invited.body as { id: string; url: string; expiresAt: string };
    expect(Object.keys(invited.body as object).sort()).toEqual(["expiresAt", "id", "url"]);
    // On the origin the caller reached us by, like the Settings page's link.
    expect(url.startsWith(`${baseUrl()}/invite/`), url).toBe(true);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await team(admin.token)).invitations).toContainEqual(
      expect.objectContaining({ id, email, role: "member", invitedBy: admin.email }),
    );

    // The link works in a browser-less form post, as the invitee's browser would submit it.
    const password = "newcomer-password-1";
    const accepted = await submitPageForm(baseUrl(), new URL(url).pathname, 'name="token"', {
      name: "New Comer",
      password,
      confirm: password,
    });
    expect(sessionCookieOf(accepted)).toMatch(/session_token=/);

    const afterAccept = await team(admin.token);
    expect(afterAccept.invitations.map((i) => i.id)).not.toContain(id);
    const joined = afterAccept.items.find((m) => m.email === email);
    expect(joined).toMatchObject({ role: "member" });
    const joinedId = joined?.id ?? "";

    const demoted = await call(admin.token, "PATCH", `/api/team/members/${joinedId}`, {
      role: "viewer",
    });
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
    expect(demoted.body).toMatchObject({ id: joinedId, email, role: "viewer" });
    expect((await team(admin.token)).items.find((m) => m.id === joinedId)).toMatchObject({
      role: "viewer",
    });

    expect((await call(admin.token, "DELETE", `/api/team/members/${joinedId}`)).status).toBe(204);
    expect((await team(admin.token)).items.map((m) => m.id)).not.toContain(joinedId);
    expect((await call(admin.token, "DELETE", `/api/team/members/${joinedId}`)).status).toBe(404);
  });

  it("a revoked invitation's link stops working and a second revoke is 404", async () => {
    const invited = await call(TEST_API_TOKEN, "POST", "/api/team/invitations", {
      email: unique("revoked"),
      role: "viewer",
    });
    expect(invited.status).toBe(201);
    const { id, url } = invited.body as { id: string; url: string };
    // The operator token invites as nobody's account.
    expect((await team(TEST_API_TOKEN)).invitations).toContainEqual(
      expect.objectContaining({ id, invitedBy: "operator token" }),
    );
    expect((await call(TEST_API_TOKEN, "DELETE", `/api/team/invitations/${id}`)).status).toBe(204);
    expect((await team(TEST_API_TOKEN)).invitations.map((i) => i.id)).not.toContain(id);
    const revokedAgain = await call(TEST_API_TOKEN, "DELETE", `/api/team/invitations/${id}`);
    expect(revokedAgain.status).toBe(404);
    expectApiError(revokedAgain.body, "not_found");
    const page = await (await fetch(url)).text();
    expect(page).not.toContain('name="token"');
  });

  it("refuses a bad invitation (400) and an email that already has an account (409)", async () => {
    const bad = await call(admin.token, "POST", "/api/team/invitations", {
      email: "not an email",
      role: "member",
    });
    expect(bad.status).toBe(400);
    const badRole = await call(admin.token, "POST", "/api/team/invitations", {
      email: unique("role"),
      role: "owner",
    });
    expect(badRole.status).toBe(400);
    const taken = await call(admin.token, "POST", "/api/team/invitations", {
      email: member.email,
      role: "member",
    });
    expect(taken.status).toBe(409);
    expectApiError(taken.body, "conflict");
  });

  it("an admin revokes someone else's token: it stops working at once", async () => {
    const person = await createTestPerson("member");
    expect((await call(person.token, "GET", "/api/endpoints")).status).toBe(200);
    const listed = (await team(admin.token)).items.find((m) => m.id === person.id);
    const tokenId = listed?.tokens[0]?.id ?? "";
    expect(listed?.tokens).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(person.token);
    expect(
      (await call(admin.token, "DELETE", `/api/team/members/${person.id}/tokens/${tokenId}`))
        .status,
    ).toBe(204);
    expect((await call(person.token, "GET", "/api/endpoints")).status).toBe(401);
    // Another member's id with this token id: not theirs, so not found.
    expect(
      (await call(admin.token, "DELETE", `/api/team/members/${member.id}/tokens/${tokenId}`))
        .status,
    ).toBe(404);
  });
});

describe("the rules that protect the team", () => {
  it("nobody changes their own role or removes themselves (403), and nothing changes", async () => {
    const demote = await call(admin.token, "PATCH", `/api/team/members/${admin.id}`, {
      role: "member",
    });
    expect(demote.status).toBe(403);
    expectApiError(demote.body, "forbidden");
    const remove = await call(admin.token, "DELETE", `/api/team/members/${admin.id}`);
    expect(remove.status).toBe(403);
    expect((await team(admin.token)).items.find((m) => m.id === admin.id)).toMatchObject({
      role: "admin",
    });
  });

  it("an unknown role or extra fields in PATCH are refused", async () => {
    expect(
      (await call(admin.token, "PATCH", `/api/team/members/${member.id}`, { role: "owner" }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(admin.token, "PATCH", `/api/team/members/${member.id}`, {
          role: "member",
          email: "x@y.z",
        })
      ).status,
    ).toBe(400);
  });

  describe("on an instance whose only admin is the one from the environment", () => {
    let server: AppServer;
    let database: { url: string; drop(): Promise<void> };
    let onlyAdminId: string;

    beforeAll(async () => {
      database = await createFreshDatabase("team_api_last_admin");
      server = await startAppServer(database.url);
      const rows = await queryDatabase<{ id: string }>(
        database.url,
        "SELECT id FROM users WHERE email = $1",
        [TEST_ADMIN.email],
      );
      onlyAdminId = rows[0]?.id ?? "";
    }, 180_000);

    afterAll(async () => {
      await server?.stop();
      await database?.drop();
    });

    it("the last admin can be neither demoted nor removed (409), even by the operator token", async () => {
      const demote = await call(
        TEST_API_TOKEN,
        "PATCH",
        `/api/team/members/${onlyAdminId}`,
        { role: "member" },
        server.baseUrl,
      );
      expect(demote.status).toBe(409);
      expectApiError(demote.body, "conflict");
      const remove = await call(
        TEST_API_TOKEN,
        "DELETE",
        `/api/team/members/${onlyAdminId}`,
        undefined,
        server.baseUrl,
      );
      expect(remove.status).toBe(409);
      const rows = await queryDatabase(database.url, "SELECT role FROM users WHERE id = $1", [
        onlyAdminId,
      ]);
      expect(rows).toEqual([{ role: "admin" }]);
      // Making them admin again is allowed: it leaves an admin.
      expect(
        (
          await call(
            TEST_API_TOKEN,
            "PATCH",
            `/api/team/members/${onlyAdminId}`,
            { role: "admin" },
            server.baseUrl,
          )
        ).status,
      ).toBe(200);
    });
  });
});

describe("only admins", () => {
  let invitationId: string;
  let tokenId: string;

  beforeAll(async () => {
    const invited = await call(admin.token, "POST", "/api/team/invitations", {
      email: unique("pending"),
      role: "member",
    });
    invitationId = (invited.body as { id: string }).id;
    tokenId = (await team(admin.token)).items.find((m) => m.id === viewer.id)?.tokens[0]?.id ?? "";
  });

  const routes: Array<{ method: string; path: () => string; body?: unknown }> = [
    { method: "GET", path: () => "/api/team/members" },
    {
      method: "POST",
      path: () => "/api/team/invitations",
      body: { email: "sneaky@team-api.test", role: "admin" },
    },
    { method: "DELETE", path: () => `/api/team/invitations/${invitationId}` },
    { method: "PATCH", path: () => `/api/team/members/${viewer.id}`, body: { role: "admin" } },
    { method: "DELETE", path: () => `/api/team/members/${viewer.id}` },
    { method: "DELETE", path: () => `/api/team/members/${viewer.id}/tokens/${tokenId}` },
    { method: "GET", path: () => "/api/audit" },
  ];

  describe.each(["member", "viewer"] as const)("a %s", (role) => {
    it.each(routes)(
      "gets 403 forbidden naming the admin role from $method $path",
      async (route) => {
        const person = role === "member" ? member : viewer;
        const { status, body } = await call(person.token, route.method, route.path(), route.body);
        expect(status).toBe(403);
        expectApiError(body, "forbidden");
        expect((body as { error: { message: string } }).error.message).toContain("admin");
      },
    );
  });

  it("and nothing the refused calls asked for happened", async () => {
    const now = await team(admin.token);
    expect(now.invitations.map((i) => i.id)).toContain(invitationId);
    expect(now.invitations.map((i) => i.email)).not.toContain("sneaky@team-api.test");
    expect(now.items.find((m) => m.id === viewer.id)).toMatchObject({
      role: "viewer",
      tokens: [expect.objectContaining({ id: tokenId })],
    });
    expect((await call(viewer.token, "GET", "/api/endpoints")).status).toBe(200);
  });
});
