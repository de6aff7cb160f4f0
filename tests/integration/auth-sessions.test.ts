// How /api and the pages treat people over plain HTTP: a session cookie obtained by
// posting the login form (as a browser without JavaScript would), personal tokens
// created through the settings form, CSRF protection of cookie-authenticated
// changes, and the redirect of signed-out page requests.
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, queryAppDb } from "@/tests/support/api";
import {
  submitPageForm as submitForm,
  sessionCookieOf,
  signInCookie,
} from "@/tests/support/page-forms";

const submitPageForm = (
  path: string,
  marker: string,
  fields: Record<string, string>,
  cookie?: string,
  postAs = cookie,
) => submitForm(baseUrl(), path, marker, fields, cookie, postAs);

const postEndpoint = (headers: Record<string, string>) =>
  fetch(`${baseUrl()}/api/endpoints`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ name: `auth-sessions ${Date.now()}`, provider: "clipzy" }),
  });

let cookie: string;

beforeAll(async () => {
  cookie = await signInCookie(baseUrl());
});

describe("a session cookie on /api", () => {
  it("reads without an Origin header (GET is safe)", async () => {
    const response = await fetch(`${baseUrl()}/api/endpoints`, { headers: { cookie } });
    expect(response.status).toBe(200);
  });

  it("refuses a POST without an Origin header with 403 forbidden (CSRF)", async () => {
    const response = await postEndpoint({ cookie });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  });

  it("refuses a POST from another origin with 403 forbidden", async () => {
    const response = await postEndpoint({ cookie, origin: "http://evil.example" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  });

  it("accepts a POST whose Origin is the server's own with 201", async () => {
    const response = await postEndpoint({ cookie, origin: baseUrl() });
    expect(response.status).toBe(201);
  });

  it("without the cookie the same request is 401", async () => {
    const response = await postEndpoint({ origin: baseUrl() });
    expect(response.status).toBe(401);
  });
});

describe("personal API tokens", () => {
  let token: string;
  const name = `integration ${Date.now()}`;

  beforeAll(async () => {
    const response = await submitPageForm("/settings", 'id="token-name"', { name }, cookie);
    expect(response.status).toBe(200);
    // The no-JavaScript answer is the settings page rendered with the form's state: the token, shown once.
    const match = /data-testid="shown-once"[^>]*>(inbox_pat_[A-Za-z0-9_-]+)</.exec(
      await response.text(),
    );
    if (!match?.[1]) throw new Error("the settings page did not show the new token");
    token = match[1];
    const rows = await queryAppDb<{ token_hash: string; token_prefix: string }>(
      "SELECT token_hash, token_prefix FROM api_tokens WHERE name = $1",
      [name],
    );
    expect(rows).toHaveLength(1);
    // Stored hashed: the clear token is nowhere in the row.
    expect(rows[0]?.token_hash).not.toContain(token);
    expect(token.startsWith(rows[0]?.token_prefix ?? "?")).toBe(true);
  });

  it("authenticates /api calls as Bearer, with no Origin needed", async () => {
    const list = await fetch(`${baseUrl()}/api/endpoints`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.status).toBe(200);
    const created = await postEndpoint({ authorization: `Bearer ${token}` });
    expect(created.status).toBe(201);
  });

  it("is refused with 401 once revoked", async () => {
    // Revoked as the settings page does it (revokeApiToken sets revoked_at); the UI path is in the e2e tests.
    await queryAppDb("UPDATE api_tokens SET revoked_at = now() WHERE name = $1", [name]);
    const response = await fetch(`${baseUrl()}/api/endpoints`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "unauthorized",
    );
  });

  it("an Authorization header is judged alone: a revoked token plus a valid cookie is still 401", async () => {
    const response = await fetch(`${baseUrl()}/api/endpoints`, {
      headers: { authorization: `Bearer ${token}`, cookie },
    });
    expect(response.status).toBe(401);
  });
});

describe("team actions are for admins", () => {
  it("a member who replays the admin's invite form gets an error and creates nothing", async () => {
    const suffix = Date.now();
    const invited = await submitPageForm(
      "/settings",
      'id="invite-email"',
      { email: `member-${suffix}@inbox.test`, role: "member" },
      cookie,
    );
    const link = /data-testid="shown-once"[^>]*>(https?:\/\/[^<]+\/invite\/[A-Za-z0-9_-]+)</.exec(
      await invited.text(),
    )?.[1];
    if (!link) throw new Error("the settings page did not show the invitation link");
    const invitePath = new URL(link).pathname;
    const member = sessionCookieOf(
      await submitPageForm(invitePath, 'name="password"', {
        name: "Member",
        password: "member-password-1",
        confirm: "member-password-1",
      }),
    );
    expect(
      await queryAppDb("SELECT role FROM users WHERE email = $1", [`member-${suffix}@inbox.test`]),
    ).toEqual([{ role: "member" }]);

    // The same server action, posted with the member's session: refused, visibly.
    const replayed = await submitPageForm(
      "/settings",
      'id="invite-email"',
      { email: `sneaky-${suffix}@inbox.test`, role: "admin" },
      cookie,
      member,
    );
    expect(await replayed.text()).toContain("this needs the admin role; you are a member");
    expect(
      await queryAppDb("SELECT id FROM invitations WHERE email = $1", [
        `sneaky-${suffix}@inbox.test`,
      ]),
    ).toEqual([]);

    // The link was single use.
    expect(await (await fetch(`${baseUrl()}${invitePath}`)).text()).toContain(
      "This invitation link is not valid",
    );
  });
});

describe("signed-out page requests", () => {
  it.each(["/endpoints", "/endpoints/new", "/settings"])(
    "%s redirects to /login?next=<the page>",
    async (path) => {
      const response = await fetch(`${baseUrl()}${path}?x=1`, { redirect: "manual" });
      expect([303, 307]).toContain(response.status);
      const location = new URL(response.headers.get("location") ?? "", baseUrl());
      expect(location.pathname).toBe("/login");
      expect(location.searchParams.get("next")).toBe(`${path}?x=1`);
    },
  );

  it("the invitation page is public and says an unknown link is not valid", async () => {
    const response = await fetch(`${baseUrl()}/invite/not-a-real-token`, { redirect: "manual" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("This invitation link is not valid");
  });
});
