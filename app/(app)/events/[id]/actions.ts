"use server";

// Server actions of the event page. Credential header values are rendered masked;
// their plain values leave the server only when an admin asks (a click on "reveal" or
// "Include credential values"), and each such reveal is recorded in the audit log.
// Replay sends the event to a destination or a URL.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { requireUserWithRole } from "@/lib/auth/session";
import { revealCredentialHeader } from "@/lib/deliveries/reveal-credential";
import { revealCredentialHeaderSchema } from "@/lib/deliveries/schema";
import { runFormAction } from "@/lib/forms/run-form-action";
import { idSchema } from "@/lib/ids/schema";
import { replayEvent } from "@/lib/replay/replay-event";
import { idempotencyKeySchema, replayEventSchema } from "@/lib/replay/schema";
import type { ReplayState } from "@/lib/replay/types";

export type { ReplayState };

/** Every value of one credential header of a delivery, in arrival order (admin; recorded). */
export async function revealCredentialValues(deliveryId: string, name: string): Promise<string[]> {
  const user = await requireUserWithRole("admin");
  const header = revealCredentialHeaderSchema.parse({ name });
  return revealCredentialHeader(idSchema.parse(deliveryId), header.name, auditActorOfPerson(user));
}

/** The `occurrence`-th value of one credential header (the headers table's reveal). */
export async function revealCredentialValue(
  deliveryId: string,
  name: string,
  occurrence: number,
): Promise<string> {
  await requireUserWithRole("admin");
  return (
    (await revealCredentialValues(deliveryId, name))[z.number().int().min(0).parse(occurrence)] ??
    ""
  );
}

const replayFormSchema = z.object({
  target: z.string().min(1),
  url: z.string().trim().max(2000).optional(),
  resign: z.literal("on").optional(),
  idempotencyKey: idempotencyKeySchema,
});

/**
 * Replay from the event page. The form carries an idempotency key made when it was
 * rendered, so a double click or a resubmitted tab sends once and shows that attempt.
 */
export async function replayAction(
  eventId: string,
  _previous: ReplayState,
  form: FormData,
): Promise<ReplayState> {
  const state = await runFormAction(
    requireUserWithRole("member"),
    {
      schema: replayFormSchema,
      input: Object.fromEntries(form),
      describe: () => "Choose a destination or enter a URL.",
    },
    async ({ target, url, resign, idempotencyKey }, user) => {
      const input = replayEventSchema.safeParse({
        ...(target === "url" ? { url } : { destinationId: target }),
        resign: resign === "on",
      });
      if (!input.success)
        return {
          error:
            input.error.issues[0]?.message === "must be an absolute http(s) URL"
              ? "Enter an absolute http(s) URL."
              : "Check the target.",
        };
      // Re-signing an unsigned callback is an admin's (replayEvent checks the role).
      const attempt = await replayEvent(
        eventId,
        input.data,
        { scope: user.id, key: idempotencyKey },
        user.role,
      );
      revalidatePath(`/events/${eventId}`);
      return {
        error: null,
        attempt: {
          id: attempt.id,
          status: attempt.status,
          responseStatus: attempt.responseStatus,
          error: attempt.error,
        },
      };
    },
  );
  return { attempt: null, ...state };
}
