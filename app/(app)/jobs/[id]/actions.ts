"use server";

// "Re-poll" on the job page: the same poll as POST /api/jobs/<id>/poll. "Replay this
// job": the same replay as POST /api/jobs/<id>/replay.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { isRefusal, userOrRefusal } from "@/lib/auth/role-refusal";
import { requireUserWithRole } from "@/lib/auth/session";
import { startJobReplay } from "@/lib/replay/job-replay";
import { jobReplaySchema } from "@/lib/replay/schema";
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

export type JobReplayState = { error: string | null };

const jobReplayFormSchema = z.object({
  target: z.string().min(1).max(100),
  url: z.string().max(2000).optional(),
  timing: z.enum(["original", "none"]),
  speed: z.coerce.number().optional(),
  resign: z.literal("on").optional(),
});

/** Starts the replay, then shows its progress on the job page (?replay=<batch id>). */
export async function replayJobAction(
  jobId: string,
  _previous: JobReplayState,
  form: FormData,
): Promise<JobReplayState> {
  const user = await userOrRefusal(requireUserWithRole("member"));
  if (isRefusal(user)) return user;
  const parsed = jobReplayFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: "Choose a destination or enter a URL, and a timing." };
  const { target, url, timing, speed, resign } = parsed.data;
  const input = jobReplaySchema.safeParse({
    ...(target === "url" ? { url } : { destinationId: target }),
    timing,
    ...(speed === undefined || timing === "none" ? {} : { speed }),
    resign: resign === "on",
  });
  if (!input.success) {
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
  let started: { id: string };
  try {
    const id = z.string().min(1).max(100).parse(jobId);
    started = await startJobReplay(id, input.data, user.id, user.role, auditActorOfPerson(user));
  } catch (error) {
    return { error: toAppError(error).message };
  }
  redirect(`/jobs/${encodeURIComponent(jobId)}?replay=${encodeURIComponent(started.id)}#replay`);
}
