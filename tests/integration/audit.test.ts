// The audit log: each audited change leaves exactly one entry naming who did it and
// what changed, and no secret it carried appears anywhere in the stored row. Changes go
// through the API as an admin's personal token (so the actor is a person), or lib/
// where only a browser can post the dashboard's form (tests/e2e/audit-log.test.ts
// covers that form). Then GET /api/audit: filters, keyset pages, newest first. The
// set-up's entry needs an empty instance: audit-setup.test.ts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages, ingestOk } from "@/tests/support/callbacks-inbox";
import { apiJson, baseUrl, queryAppDb } from "@/tests/support/api";
import { TEST_SECRET_KEY } from "@/tests/support/app-server";
import { submitPageForm } from "@/tests/support/page-forms";
import { closeTestPeople, createTestPerson, type TestPerson } from "@/tests/support/people";

type AuditRow = {
  id: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  source_ip: string | null;
};

/** A value that must never reach the log: unique per call, so a hit cannot be a coincidence. */
const secret = (label: string) => `${label}-SECRET-${randomUUID()}`;

let admin: TestPerson;

async function asAdmin<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return { status: response.status, body: (text === "" ? null : JSON.parse(text)) as T };
}

/** The one entry of `action` about `targetId`; fails on none or several. */
async function onlyEntry(action: string, targetId: string): Promise<AuditRow> {
  const rows = await queryAppDb<AuditRow>(
    "SELECT * FROM audit_log WHERE action = $1 AND target_id = $2",
    [action, targetId],
  );
  expect(rows, `${action} entries about ${targetId}`).toHaveLength(1);
  return rows[0] as AuditRow;
}

function expectByAdmin(row: AuditRow): void {
  expect({ actorId: row.actor_id, actorLabel: row.actor_label }).toEqual({
    actorId: admin.id,
    actorLabel: admin.email,
  });
}

function expectNoSecret(row: AuditRow, ...secrets: string[]): void {
  const json = JSON.stringify(row);
  for (const value of secrets) expect(json).not.toContain(value);
}

async function newEndpoint(secrets: string[] = []): Promise<{ id: string; key: string }> {
  return (
    await asAdmin<{ id: string; key: string }>("POST", "/api/endpoints", {
      name: `audited ${randomUUID().slice(0, 6)}`,
      provider: "generic",
      secrets,
      verification:
        secrets.length > 0 ? { scheme: "token", header: "x-inbox-token" } : { scheme: "none" },
    })
  ).body;
}

beforeAll(async () => {
  // lib/ code run in this process (people.ts, the secret removal) seals with the app's key.
  process.env.INBOX_SECRET_KEY = TEST_SECRET_KEY;
  admin = await createTestPerson("admin");
});

afterAll(closeTestPeople);

describe("endpoints", () => {
  it("create, update (with the scheme change named), archive: one entry each, no secret", async () => {
    const first = secret("endpoint");
    const created = await newEndpoint([first]);
    const createdRow = await onlyEntry("endpoint.created", created.id);
    expectByAdmin(createdRow);
    expect(createdRow.details).toMatchObject({
      provider: "generic",
      verificationScheme: "token",
      secretCount: 1,
    });
    expectNoSecret(createdRow, first);

    const second = secret("rotated");
    await asAdmin("PATCH", `/api/endpoints/${created.id}`, {
      name: "renamed",
      verification: { scheme: "hmac", header: "X-Signature" },
      secrets: [second],
    });
    const updated = await onlyEntry("endpoint.updated", created.id);
    expectByAdmin(updated);
    expect(updated.details).toEqual({
      fields: ["name", "secrets", "verification"],
      verificationScheme: "token -> hmac",
      secretCount: 1,
    });
    expectNoSecret(updated, first, second);

    await asAdmin("DELETE", `/api/endpoints/${created.id}`);
    await asAdmin("DELETE", `/api/endpoints/${created.id}`);
    // Archiving twice archives once.
    expectByAdmin(await onlyEntry("endpoint.archived", created.id));
  });

  it("a secret added and one removed: an entry each, with the count, without the values", async () => {
    const kept = secret("kept");
    const endpoint = await newEndpoint([kept]);
    const added = secret("added");
    // The dashboard's add and remove (the only way to change one secret) are forms that need
    // the browser's JavaScript; tests/e2e/audit-log.test.ts adds one there. Here: lib/, as those actions call it.
    const { changeEndpointSecrets } = await import("@/lib/endpoints/mutations");
    const actor = { id: admin.id, label: admin.email };
    await changeEndpointSecrets(endpoint.id, (current) => [added, ...current], actor);
    const addedRow = await onlyEntry("endpoint.secret_added", endpoint.id);
    expect(addedRow.details).toEqual({ secretCount: 2 });
    await changeEndpointSecrets(
      endpoint.id,
      (current) => current.filter((value) => value !== kept),
      actor,
    );
    const removed = await onlyEntry("endpoint.secret_removed", endpoint.id);
    expect(removed.details).toEqual({ secretCount: 1 });
    for (const row of [addedRow, removed]) {
      expectByAdmin(row);
      expectNoSecret(row, kept, added);
    }
  });
});

describe("destinations, polling, alert channels", () => {
  it("destination create, update, delete; the signing secret and the URL's path and query never logged", async () => {
    const endpoint = await newEndpoint();
    const signingSecret = secret("signing");
    const pathToken = `path-${randomUUID()}`;
    const created = (
      await asAdmin<{ id: string }>("POST", `/api/endpoints/${endpoint.id}/destinations`, {
        url: `http://127.0.0.1:9/${pathToken}?token=${pathToken}`,
        resign: "provider",
        signingSecret,
      })
    ).body;
    const createdRow = await onlyEntry("destination.created", created.id);
    expectByAdmin(createdRow);
    expect(createdRow.details).toMatchObject({
      endpointId: endpoint.id,
      origin: "http://127.0.0.1:9",
      resign: "provider",
      hasSigningSecret: true,
    });

    await asAdmin("PATCH", `/api/endpoints/${endpoint.id}/destinations/${created.id}`, {
      enabled: false,
    });
    const updated = await onlyEntry("destination.updated", created.id);
    expect(updated.details).toEqual({ endpointId: endpoint.id, fields: ["enabled"] });

    await asAdmin("DELETE", `/api/endpoints/${endpoint.id}/destinations/${created.id}`);
    const deleted = await onlyEntry("destination.deleted", created.id);
    for (const row of [createdRow, updated, deleted]) {
      expectByAdmin(row);
      expectNoSecret(row, signingSecret, pathToken);
    }
  });

  it("polling saved (the credential only as 'replaced') and turned off", async () => {
    const endpoint = await newEndpoint();
    const credential = secret("provider-key");
    await asAdmin("PUT", `/api/endpoints/${endpoint.id}/polling`, {
      baseUrl: "http://127.0.0.1:9",
      pathTemplate: "/v1/jobs/{jobId}",
      credentialHeader: "Authorization",
      credentialPrefix: "Bearer ",
      credential,
    });
    const saved = await onlyEntry("polling.updated", endpoint.id);
    expectByAdmin(saved);
    expect(saved.details).toMatchObject({ origin: "http://127.0.0.1:9", credential: "replaced" });
    expect(saved.details.fields).toEqual(
      expect.arrayContaining(["baseUrl", "pathTemplate", "credentialHeader"]),
    );
    expectNoSecret(saved, credential);

    await asAdmin("DELETE", `/api/endpoints/${endpoint.id}/polling`);
    expectByAdmin(await onlyEntry("polling.deleted", endpoint.id));
  });

  it("alert channel create, update, delete; the channel URL (itself a credential) never logged", async () => {
    const endpoint = await newEndpoint();
    const hookPath = `T0001/B0002/${randomUUID()}`;
    const created = (
      await asAdmin<{ id: string }>("POST", `/api/endpoints/${endpoint.id}/alert-channels`, {
        kind: "slack",
        url: `https://hooks.slack.com/services/${hookPath}`,
      })
    ).body;
    const createdRow = await onlyEntry("alert_channel.created", created.id);
    expect(createdRow.details).toMatchObject({ endpointId: endpoint.id, kind: "slack" });

    const newPath = `T0001/B0003/${randomUUID()}`;
    await asAdmin("PATCH", `/api/endpoints/${endpoint.id}/alert-channels/${created.id}`, {
      url: `https://hooks.slack.com/services/${newPath}`,
      enabled: false,
    });
    const updated = await onlyEntry("alert_channel.updated", created.id);
    expect(updated.details).toEqual({ endpointId: endpoint.id, fields: ["enabled", "url"] });

    await asAdmin("DELETE", `/api/endpoints/${endpoint.id}/alert-channels/${created.id}`);
    const deleted = await onlyEntry("alert_channel.deleted", created.id);
    for (const row of [createdRow, updated, deleted]) {
      expectByAdmin(row);
      expectNoSecret(row, hookPath, newPath);
    }
  });
});

describe("team and tokens", () => {
  it("invite, revoke, role change, removal, and revoking someone else's token", async () => {
    const email = `audited-${randomUUID().slice(0, 8)}@audit.test`;
    const invited = (
      await asAdmin<{ id: string; url: string }>("POST", "/api/team/invitations", {
        email,
        role: "viewer",
      })
    ).body;
    const invitedRow = await onlyEntry("team.invited", invited.id);
    expect(invitedRow.details).toEqual({ email, role: "viewer" });
    // The link is the invitee's credential.
    expectNoSecret(invitedRow, invited.url.split("/invite/")[1] ?? invited.url);
    await asAdmin("DELETE", `/api/team/invitations/${invited.id}`);
    expect((await onlyEntry("team.invitation_revoked", invited.id)).details).toEqual({ email });

    const person = await createTestPerson("member");
    await asAdmin("PATCH", `/api/team/members/${person.id}`, { role: "viewer" });
    expect((await onlyEntry("team.role_changed", person.id)).details).toEqual({
      email: person.email,
      from: "member",
      to: "viewer",
    });

    const team = (
      await asAdmin<{ items: Array<{ id: string; tokens: Array<{ id: string }> }> }>(
        "GET",
        "/api/team/members",
      )
    ).body;
    const tokenId = team.items.find((m) => m.id === person.id)?.tokens[0]?.id ?? "";
    await asAdmin("DELETE", `/api/team/members/${person.id}/tokens/${tokenId}`);
    const revoked = await onlyEntry("token.revoked", tokenId);
    expect(revoked.details).toMatchObject({ ownerId: person.id });
    expectNoSecret(revoked, person.token);

    await asAdmin("DELETE", `/api/team/members/${person.id}`);
    expect((await onlyEntry("team.member_removed", person.id)).details).toEqual({
      email: person.email,
      role: "viewer",
    });
    for (const action of [
      "team.invited",
      "team.invitation_revoked",
      "team.role_changed",
      "token.revoked",
      "team.member_removed",
    ]) {
      const rows = await queryAppDb<AuditRow>(
        "SELECT * FROM audit_log WHERE action = $1 AND target_id IN ($2, $3, $4)",
        [action, invited.id, person.id, tokenId],
      );
      expect(rows.map((row) => row.actor_id)).toEqual([admin.id]);
    }
  });

  it("revoking your own token is not an audited event", async () => {
    const { revokeApiToken } = await import("@/lib/auth/mutations");
    const { listApiTokens } = await import("@/lib/auth/data");
    const person = await createTestPerson("viewer");
    const [own] = await listApiTokens(person.id);
    await revokeApiToken(person.id, own?.id ?? "", { id: person.id, label: person.email });
    expect((await listApiTokens(person.id))[0]?.revokedAt).not.toBeNull();
    expect(await queryAppDb("SELECT 1 FROM audit_log WHERE target_id = $1", [own?.id])).toEqual([]);
  });
});

describe("bulk replays and sign-ins", () => {
  it("a bulk replay records its filter, how many events and where to (the URL's origin only)", async () => {
    const endpoint = await newEndpoint();
    for (const n of [1, 2, 3])
      await ingestOk(endpoint, JSON.stringify({ id: `audit-${n}-${randomUUID()}` }));
    const queryToken = `q-${randomUUID()}`;
    const started = await asAdmin<{ id: string; total: number }>("POST", "/api/replays", {
      filter: { endpointId: endpoint.id },
      url: `http://127.0.0.1:9/replay?token=${queryToken}`,
    });
    expect(started.body.total).toBe(3);
    const row = await onlyEntry("replay.bulk_started", started.body.id);
    expectByAdmin(row);
    expect(row.details).toEqual({
      filter: `endpointId=${endpoint.id}`,
      count: 3,
      target: "http://127.0.0.1:9",
    });
    expectNoSecret(row, queryToken);
  });

  it("a failed sign-in records the email tried and the client address, never the password", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@audit.test`;
    const password = secret("guessed-password");
    const answer = await submitPageForm(baseUrl(), "/login", 'name="password"', {
      email,
      password,
    });
    expect(answer.status).toBeLessThan(400);
    const rows = await queryAppDb<AuditRow>(
      "SELECT * FROM audit_log WHERE action = 'sign_in.failed' AND details->>'email' = $1",
      [email],
    );
    expect(rows).toHaveLength(1);
    const row = rows[0] as AuditRow;
    expect({ actorId: row.actor_id, actorLabel: row.actor_label, target: row.target_id }).toEqual({
      actorId: null,
      actorLabel: "anonymous",
      target: null,
    });
    expect(row.source_ip).toMatch(/127\.0\.0\.1$/);
    expectNoSecret(row, password);
  });
});

describe("GET /api/audit", () => {
  it("filters by action, actor and target, and pages newest first without gaps or repeats", async () => {
    const endpoint = await newEndpoint();
    for (const name of ["one", "two", "three", "four", "five"])
      await asAdmin("PATCH", `/api/endpoints/${endpoint.id}`, { name });
    const query = new URLSearchParams({
      action: "endpoint.updated",
      actorId: admin.id,
      targetId: endpoint.id,
    });
    const pages = await allPages<{
      id: string;
      at: string;
      action: string;
      actor: { id: string; label: string };
      target: { type: string; id: string };
      details: unknown;
    }>(`/api/audit?${query}`, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const entries = pages.flat();
    expect(new Set(entries.map((e) => e.id)).size).toBe(5);
    expect(
      entries.every(
        (e) =>
          e.action === "endpoint.updated" && e.actor.id === admin.id && e.target.id === endpoint.id,
      ),
    ).toBe(true);
    expect(entries[0]).toMatchObject({
      actor: { label: admin.email },
      target: { type: "endpoint" },
      details: { fields: ["name"] },
    });
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The newest is the last change made.
    const stored = await queryAppDb<{ id: string }>(
      "SELECT id FROM audit_log WHERE target_id = $1 AND action = 'endpoint.updated' ORDER BY at DESC, id DESC LIMIT 1",
      [endpoint.id],
    );
    expect(entries[0]?.id).toBe(stored[0]?.id);
  });

  it("refuses an unknown action and a made-up cursor (400)", async () => {
    expect((await apiJson("/api/audit?action=endpoint.exploded")).status).toBe(400);
    expect((await apiJson("/api/audit?cursor=bm90LWEtY3Vyc29y")).status).toBe(400);
  });
});
