// A live stream is authorised when it opens and then again every few seconds: once its
// token is revoked, its session signed out or its person removed, it ends (the server
// promises within 30 s), while a stream whose credential still holds stays open.
// Revocations are made as the product makes them (revokeApiToken sets revoked_at,
// signing out deletes the session row, removing a member deletes the user and, by
// cascade, its sessions and tokens); the Settings buttons are in the e2e tests.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baseUrl, createEndpoint, queryAppDb } from "@/tests/support/api";
import { TEST_ADMIN } from "@/tests/support/app-server";
import { sessionCookieOf, submitPageForm } from "@/tests/support/page-forms";
import { nextMessage, sseMessages, type SseMessage } from "@/tests/support/sse";

const ENDS_WITHIN_MS = 45_000;

async function personalToken(cookie: string): Promise<{ token: string; name: string }> {
  const name = `stream ${randomUUID()}`;
  const response = await submitPageForm(
    baseUrl(),
    "/settings",
    'id="token-name"',
    { name },
    cookie,
  );
  const match = /data-testid="shown-once"[^>]*>(inbox_pat_[A-Za-z0-9_-]+)</.exec(
    await response.text(),
  );
  if (!match?.[1]) throw new Error("the settings page did not show the new token");
  return { token: match[1], name };
}

const signIn = async (email: string, password: string) =>
  sessionCookieOf(
    await submitPageForm(baseUrl(), "/login", 'name="password"', { email, password }),
  );

/** Opens a stream and waits for its first message, so it is known to be live. */
async function openStream(
  path: string,
  headers: Record<string, string>,
  abort: AbortController,
): Promise<AsyncGenerator<SseMessage>> {
  const response = await fetch(`${baseUrl()}${path}`, { headers, signal: abort.signal });
  expect(response.status, path).toBe(200);
  if (!response.body) throw new Error("no body");
  const stream = sseMessages(response.body);
  await nextMessage(stream, () => true);
  return stream;
}

/** Resolves "ended" when the server ends the stream, "open" if it is still going after `ms`. */
async function endsWithin(
  stream: AsyncGenerator<SseMessage>,
  ms: number,
): Promise<"ended" | "open"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ended = nextMessage(stream, () => false).then(
    () => "open" as const,
    (error: unknown) =>
      error instanceof Error && error.message === "stream ended"
        ? ("ended" as const)
        : Promise.reject(error),
  );
  const open = new Promise<"open">((resolve) => (timer = setTimeout(() => resolve("open"), ms)));
  try {
    return await Promise.race([ended, open]);
  } finally {
    clearTimeout(timer);
  }
}

describe("live streams after their credential is revoked", () => {
  it("end for a revoked token, a signed-out session and a removed member; a valid one stays open", async () => {
    const admin = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const revoked = await personalToken(admin);
    const kept = await personalToken(admin);
    const endpoint = await createEndpoint({
      name: `stream revocation ${randomUUID()}`,
      provider: "clipzy",
    });

    // A member to remove, with a token of their own (created as an accepted invitation would).
    const memberEmail = `member-${randomUUID().slice(0, 8)}@stream.test`;
    const invite = await submitPageForm(
      baseUrl(),
      "/settings",
      'id="invite-email"',
      { email: memberEmail, role: "member" },
      admin,
    );
    const inviteUrl = /(\/invite\/[A-Za-z0-9_-]+)/.exec(await invite.text())?.[1];
    if (!inviteUrl) throw new Error("no invitation link on the settings page");
    const memberPassword = "member-password-123";
    const joined = await submitPageForm(baseUrl(), inviteUrl, 'name="confirm"', {
      name: "Member",
      password: memberPassword,
      confirm: memberPassword,
    });
    const memberCookie = sessionCookieOf(joined);
    const memberToken = await personalToken(memberCookie);

    const signedOut = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const abort = new AbortController();
    try {
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
      const streams = {
        revokedToken: await openStream("/api/events/stream", bearer(revoked.token), abort),
        revokedTokenDeliveries: await openStream(
          `/api/endpoints/${endpoint.id}/deliveries/stream`,
          bearer(revoked.token),
          abort,
        ),
        signedOutSession: await openStream("/api/events/stream", { cookie: signedOut }, abort),
        removedMember: await openStream("/api/events/stream", bearer(memberToken.token), abort),
        removedMemberSession: await openStream(
          "/api/events/stream",
          { cookie: memberCookie },
          abort,
        ),
        keptToken: await openStream("/api/events/stream", bearer(kept.token), abort),
      };

      await queryAppDb("UPDATE api_tokens SET revoked_at = now() WHERE name = $1", [revoked.name]);
      await queryAppDb("DELETE FROM sessions WHERE token = $1", [
        decodeURIComponent(signedOut.split("=")[1] ?? "").split(".")[0],
      ]);
      await queryAppDb("DELETE FROM users WHERE email = $1", [memberEmail]);

      const outcomes = await Promise.all(
        Object.entries(streams).map(
          async ([name, stream]) =>
            [
              name,
              await endsWithin(
                stream,
                name === "keptToken" ? ENDS_WITHIN_MS - 5_000 : ENDS_WITHIN_MS,
              ),
            ] as const,
        ),
      );
      expect(Object.fromEntries(outcomes)).toEqual({
        revokedToken: "ended",
        revokedTokenDeliveries: "ended",
        signedOutSession: "ended",
        removedMember: "ended",
        removedMemberSession: "ended",
        keptToken: "open",
      });
    } finally {
      abort.abort();
    }
  }, 90_000);
});
