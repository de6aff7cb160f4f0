// POST /api/events/<id>/replay: one manual send, answered with its attempt (also when
// the target refused or the address was blocked). Re-signing is refused before
// anything is claimed or sent when the delivery's signature failed (or, for an
// unsigned one, when the caller is not an admin). With an Idempotency-Key the first
// request claims the key in the database before sending; a repeat (double click,
// second tab, a retry of ours) gets that same attempt back and sends nothing.
import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import { findAttemptByIdempotencyKey, getAttempt } from "@/lib/attempts/data";
import type { Role } from "@/lib/auth/roles";
import { claimAttempt, completeAttempt } from "@/lib/attempts/mutations";
import { loadForwardSource } from "@/lib/forwarding/data";
import { requireResignAllowed } from "@/lib/forwarding/resign-policy";
import { buildForwardRequest, describeRequest, sendAttempt } from "@/lib/forwarding/send-attempt";
import type { replayEventSchema } from "./schema";
import { resolveReplayTarget } from "./target";

type Attempt = Awaited<ReturnType<typeof getAttempt>>;

/** Longer than the outbound timeout: the first request of a key is then done. */
const WAIT_FOR_FIRST_MS = 20_000;

/** `role`: of whoever asks; re-signing an unsigned callback is an admin's call (resign-policy.ts). */
export async function replayEvent(
  eventId: string,
  input: z.infer<typeof replayEventSchema>,
  idempotency: { scope: string; key: string } | null,
  role: Role,
): Promise<Attempt> {
  if (idempotency) {
    const earlier = await findAttemptByIdempotencyKey(idempotency.scope, idempotency.key);
    if (earlier) return settled(earlier);
  }
  const source = await loadForwardSource(eventId, input.deliveryId);
  const target = await resolveReplayTarget(input);
  requireResignAllowed(source.delivery.verification, target.signing.mode, role);
  const request = buildForwardRequest(source, target);
  const context = {
    eventId,
    deliveryId: source.delivery.id,
    destinationId: target.destinationId,
    trigger: "manual" as const,
    attemptNumber: 1,
  };
  const id = await claimAttempt(context, describeRequest(request), idempotency);
  if (id === null) {
    // Lost the race for this key: answer with the winner's attempt.
    const winner =
      idempotency && (await findAttemptByIdempotencyKey(idempotency.scope, idempotency.key));
    if (!winner) throw new Error("idempotency key claimed but no attempt found");
    return settled(winner);
  }
  await completeAttempt(id, await sendAttempt(request));
  return getAttempt(id);
}

/** The attempt once its request is done (another request with the same key may still be sending). */
async function settled(attempt: Attempt): Promise<Attempt> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  let current = attempt;
  while (current.status === "pending" && Date.now() < deadline) {
    await sleep(100);
    current = await getAttempt(current.id);
  }
  return current;
}
