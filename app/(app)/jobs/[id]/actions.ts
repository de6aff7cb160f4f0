"use server";

// "Re-poll" on the job page: the same poll as POST /api/jobs/<id>/poll.
import { revalidatePath } from "next/cache";
import { requireUserWithRole } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { idSchema } from "@/lib/ids/schema";
import { getPoll } from "@/lib/polling/data";
import { pollJob } from "@/lib/polling/poll-job";

export async function repollAction(jobId: string): Promise<FormState> {
  return runFormAction(requireUserWithRole("member"), async () => {
    const id = idSchema.parse(jobId);
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
  });
}
