"use server";

// Server actions of the Inbox's bulk replay dialog: count what the filters match and
// list where it can go, then start the batch (POST /api/replays's own logic, with the
// dialog's idempotency key).
import { z } from "zod";
import type {
  BulkReplayChoice,
  BulkReplayPreview,
  BulkReplayStart,
} from "@/components/inbox/bulk-replay";
import type { InboxFilters } from "@/components/inbox/inbox-url";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { isRefusal, userOrRefusal } from "@/lib/auth/role-refusal";
import { requireUserWithRole } from "@/lib/auth/session";
import { resignModes } from "@/lib/destinations/schema";
import { listReplayDestinations } from "@/lib/destinations/data";
import { countMatchingEvents } from "@/lib/events/data";
import { eventFiltersSchema } from "@/lib/events/schema";
import { AppError } from "@/lib/http/app-error";
import { startBulkReplay } from "@/lib/replay/bulk-replay";
import { BULK_REPLAY_CAP, bulkReplaySchema, idempotencyKeySchema } from "@/lib/replay/schema";
import { idSchema } from "@/lib/ids/schema";

export async function previewBulkReplay(filters: InboxFilters): Promise<BulkReplayPreview> {
  const caller = await userOrRefusal(requireUserWithRole("member"));
  if (isRefusal(caller)) return caller;
  const parsed = eventFiltersSchema.safeParse(filters);
  if (!parsed.success)
    return { error: "The Inbox's filters are not valid; fix or clear them first." };
  const [count, destinations] = await Promise.all([
    countMatchingEvents(parsed.data, BULK_REPLAY_CAP),
    listReplayDestinations(parsed.data.endpointId),
  ]);
  return {
    matching: Math.min(count, BULK_REPLAY_CAP),
    overCap: count > BULK_REPLAY_CAP,
    destinations,
  };
}

const choiceSchema = z.object({
  target: idSchema,
  url: z.string().trim().max(2000),
  resign: z.enum(["default", ...resignModes]),
  idempotencyKey: idempotencyKeySchema,
});

export async function startBulkReplayAction(
  filters: InboxFilters,
  choice: BulkReplayChoice,
): Promise<BulkReplayStart> {
  const user = await userOrRefusal(requireUserWithRole("member"));
  if (isRefusal(user)) return user;
  const parsed = choiceSchema.safeParse(choice);
  if (!parsed.success) return { error: "Choose a destination or enter a URL." };
  const { target, url, resign, idempotencyKey } = parsed.data;
  const input = bulkReplaySchema.safeParse({
    filter: filters,
    ...(target === "url" ? { url } : { destinationId: target }),
    ...(resign === "default" ? {} : { resign }),
  });
  if (!input.success)
    return {
      error:
        input.error.issues[0]?.path[0] === "url"
          ? "Enter an absolute http(s) URL."
          : "The Inbox's filters are not valid; fix or clear them first.",
    };
  try {
    // Re-signing unsigned events is an admin's (startBulkReplay checks the role).
    return {
      id: (
        await startBulkReplay(
          input.data,
          user.id,
          idempotencyKey,
          user.role,
          auditActorOfPerson(user),
        )
      ).id,
    };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
}
