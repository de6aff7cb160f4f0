"use server";

// Server actions of the event page. Credential header values are rendered masked;
// their plain values leave the server only when an admin asks (a click on "reveal" or
// "Include credential values"), and each such reveal is recorded in the audit log.
// Replay sends the event to a destination or a URL.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ReplayState } from "@/components/event/replay-form";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { isRefusal, userOrRefusal } from "@/lib/auth/role-refusal";
import { requireUserWithRole } from "@/lib/auth/session";
import { revealCredentialHeader } from "@/lib/deliveries/reveal-credential";
import { revealCredentialHeaderSchema } from "@/lib/deliveries/schema";
import { AppError } from "@/lib/http/app-error";
import { replayEvent } from "@/lib/replay/replay-event";
import { idempotencyKeySchema, replayEventSchema } from "@/lib/replay/schema";

const deliveryIdSchema = z.string().min(1).max(100);

/** Every value of one credential header of a delivery, in arrival order (admin; recorded). */
export async function revealCredentialValues(deliveryId: string, name: string): Promise<string[]> {
  const user = await requireUserWithRole("admin");
  const header = revealCredentialHeaderSchema.parse({ name });
  return revealCredentialHeader(
    deliveryIdSchema.parse(deliveryId),
    header.name,
    auditActorOfPerson(user),
  );
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
  const user = await userOrRefusal(requireUserWithRole("member"));
  if (isRefusal(user)) return { ...user, attempt: null };
  const parsed = replayFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: "Choose a destination or enter a URL.", attempt: null };
  const { target, url, resign, idempotencyKey } = parsed.data;
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
      attempt: null,
    };
  try {
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
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, attempt: null };
    throw error;
  }
}
