"use server";

// "Re-poll" on the job page: the same poll as POST /api/jobs/<id>/poll.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isRefusal, userOrRefusal } from "@/lib/auth/role-refusal";
import { requireUserWithRole } from "@/lib/auth/session";
import { toAppError } from "@/lib/http/error-response";
import { getPoll } from "@/lib/polling/data";
import { pollJob } from "@/lib/polling/poll-job";

export type RepollState = { error: string | null; done?: string };

export async function repollAction(jobId: string): Promise<RepollState> {
  const caller = await userOrRefusal(requireUserWithRole("member"));
  if (isRefusal(caller)) return caller;
  try {
    const id = z.string().min(1).max(100).parse(jobId);
    const result = await pollJob(id, "manual");
    const poll = await getPoll(result.pollId);
    revalidatePath(`/jobs/${id}`);
    const said = poll.state ? `the provider says ${poll.state}` : (poll.error ?? poll.outcome);
    return {
      error: null,
      done: result.missedCallback
        ? `Polled: ${said}, but that callback never came. Flagged as a missed callback.`
        : `Polled: ${said}.`,
    };
  } catch (error) {
    return { error: toAppError(error).message };
  }
}
