// Slows password guessing, for every app process at once (the counts live in
// Postgres): after 5 failed sign-ins for one email from one client address within 15
// minutes, that client's attempts for that email wait until the window ends; after 20
// for one email from any addresses, every attempt for it waits (rotating addresses
// does not help a guesser). The client address is the one lib/http/client-address.ts
// believes, so behind a trusted proxy one guesser does not pause everyone behind it.
//
// An attempt is counted before the password is checked and taken back if it was
// right, so attempts racing each other cannot slip past the limit together.
import { createHash } from "node:crypto";
import {
  countSignInAttempt,
  forgetEndedSignInWindows,
  forgetSignInFailures,
  uncountSignInAttempt,
  type ThrottleCount,
} from "./mutations";

export const SIGN_IN_LIMITS = { perClient: 5, perEmail: 20, windowSeconds: 15 * 60 } as const;

export type SignInClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Hashed: bounded keys whatever was typed, and no plain emails or addresses in the table. */
const throttleKey = (...parts: string[]) =>
  createHash("sha256").update(parts.join("\u0000")).digest("hex");
const clientKey = (client: string | null, email: string) =>
  throttleKey("client", client ?? "unknown", email);
const emailKey = (email: string) => throttleKey("email", email);

function secondsLeft(count: ThrottleCount, now: number): number {
  return Math.max(
    1,
    Math.ceil((count.windowStartedAt.getTime() + SIGN_IN_LIMITS.windowSeconds * 1000 - now) / 1000),
  );
}

/** Counts an attempt; refused while this client, or this email overall, is over its limit. */
export async function claimSignInAttempt(
  client: string | null,
  email: string,
): Promise<SignInClaim> {
  const perClient = await countSignInAttempt(
    clientKey(client, email),
    SIGN_IN_LIMITS.windowSeconds,
  );
  if (perClient.failures > SIGN_IN_LIMITS.perClient)
    return { allowed: false, retryAfterSeconds: secondsLeft(perClient, Date.now()) };
  // Only attempts a client may still make count for the email: one guesser who keeps
  // trying after being paused must not pause the email for everyone else.
  const perEmail = await countSignInAttempt(emailKey(email), SIGN_IN_LIMITS.windowSeconds);
  if (perEmail.failures > SIGN_IN_LIMITS.perEmail)
    return { allowed: false, retryAfterSeconds: secondsLeft(perEmail, Date.now()) };
  return { allowed: true };
}

/** After a claimed attempt: a right password clears this client's failures. */
export async function settleSignInAttempt(
  client: string | null,
  email: string,
  succeeded: boolean,
): Promise<void> {
  if (succeeded) {
    await forgetSignInFailures(clientKey(client, email));
    await uncountSignInAttempt(emailKey(email));
  } else {
    await forgetEndedSignInWindows(SIGN_IN_LIMITS.windowSeconds);
  }
}
