"use server";

// "Re-poll" on the job page: the same poll as POST /api/jobs/<id>/poll. "Replay this
// job": the same replay as POST /api/jobs/<id>/replay.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { requireUserWithRole } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { idSchema } from "@/lib/ids/schema";
import { getPoll } from "@/lib/polling/data";
import { pollJob } from "@/lib/polling/poll-job";
import { startJobReplay } from "@/lib/replay/job-replay";
import { jobReplaySchema } from "@/lib/replay/schema";

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

const jobReplayFormSchema = z.object({
  target: idSchema.or(z.literal("url")),
  url: z.string().max(2000).optional(),
  timing: z.enum(["original", "none"]),
  speed: z.coerce.number().optional(),
  resign: z.literal("on").optional(),
});

/** The form's fields as the API's replay request; an invalid one worded for the form. */
function toJobReplay(form: z.infer<typeof jobReplayFormSchema>) {
  const input = jobReplaySchema.safeParse({
    ...(form.target === "url" ? { url: form.url } : { destinationId: form.target }),
    timing: form.timing,
    ...(form.speed === undefined || form.timing === "none" ? {} : { speed: form.speed }),
    resign: form.resign === "on",
  });
  if (input.success) return { request: input.data };
  const issue = input.error.issues[0];
  return {
    error:
      issue?.path[0] === "speed"
        ? "Speed: a number above 0 (10 = ten times faster)."
        : issue?.message === "must be an absolute http(s) URL"
          ? "Enter an absolute http(s) URL."
          : "Check the target.",
  };
}

/** Starts the replay, then shows its progress on the job page (?replay=<batch id>). */
export async function replayJobAction(
  jobId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runFormAction(
    requireUserWithRole("member"),
    {
      schema: jobReplayFormSchema,
      input: Object.fromEntries(form),
      describe: () => "Choose a destination or enter a URL, and a timing.",
    },
    async (fields, user) => {
      const replay = toJobReplay(fields);
      if (!replay.request) return { error: replay.error };
      const id = idSchema.parse(jobId);
      const started = await startJobReplay(
        id,
        replay.request,
        user.id,
        user.role,
        auditActorOfPerson(user),
      );
      redirect(`/jobs/${encodeURIComponent(id)}?replay=${encodeURIComponent(started.id)}#replay`);
    },
  );
}
