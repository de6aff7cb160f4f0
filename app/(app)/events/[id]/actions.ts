"use server";

// Server actions of the event page. Credential header values leave the server only
// when a signed-in person asks for them (a click on "reveal" or "Include credential
// values"): the page is rendered with those values blanked, so they are not in its HTML
// or its React payload. Replay sends the event to a destination or a URL.
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireUser, requireUserWithRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isCredentialHeader } from "@/lib/http/credential-headers";
import { AppError } from "@/lib/http/app-error";
import type { HeaderList } from "@/lib/http/header-list";
import { replayEvent } from "@/lib/replay/replay-event";
import { idempotencyKeySchema, replayEventSchema } from "@/lib/replay/schema";

const deliveryIdSchema = z.string().min(1).max(100);

async function storedHeaders(deliveryId: string): Promise<HeaderList> {
  await requireUser();
  const delivery = await getDb().delivery.findUnique({ where: { id: deliveryIdSchema.parse(deliveryId) }, select: { headers: true } });
  return (delivery?.headers ?? []) as unknown as HeaderList;
}

/** Every credential header value of a delivery, by its position in the header list. */
export async function revealCredentials(deliveryId: string): Promise<Record<number, string>> {
  const headers = await storedHeaders(deliveryId);
  return Object.fromEntries(headers.flatMap(([name, value], index) => (isCredentialHeader(name) ? [[index, value]] : [])));
}

/** One credential header value (empty when the position holds no credential). */
export async function revealCredential(deliveryId: string, index: number): Promise<string> {
  return (await revealCredentials(deliveryId))[z.number().int().min(0).parse(index)] ?? "";
}

export type ReplayState = { error: string | null; attempt: { id: string; status: string; responseStatus: number | null; error: string | null } | null };

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
export async function replayAction(eventId: string, _previous: ReplayState, form: FormData): Promise<ReplayState> {
  try {
    // The API's roles: replaying is a member's; re-signing an unsigned callback an admin's (replayEvent).
    const user = await requireUserWithRole("member");
    const parsed = replayFormSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { error: "Choose a destination or enter a URL.", attempt: null };
    const { target, url, resign, idempotencyKey } = parsed.data;
    const input = replayEventSchema.safeParse({
      ...(target === "url" ? { url } : { destinationId: target }),
      resign: resign === "on",
    });
    if (!input.success) return { error: input.error.issues[0]?.message === "must be an absolute http(s) URL" ? "Enter an absolute http(s) URL." : "Check the target.", attempt: null };
    const attempt = await replayEvent(eventId, input.data, { scope: user.id, key: idempotencyKey }, user.role);
    revalidatePath(`/events/${eventId}`);
    return { error: null, attempt: { id: attempt.id, status: attempt.status, responseStatus: attempt.responseStatus, error: attempt.error } };
  } catch (error) {
    unstable_rethrow(error); // the redirect to /login of a signed-out caller
    if (error instanceof AppError) return { error: error.message, attempt: null };
    throw error;
  }
}
