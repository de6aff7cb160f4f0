"use server";

// Alert channel changes from the endpoint page (admins only). Each action checks its
// role first and returns errors as form state; lib/alerts does the validation the API shares.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  alertTriggers,
  channelKinds,
  MAX_BURST_MINUTES,
  MAX_BURST_THRESHOLD,
} from "@/lib/alerts/constants";
import { createAlertChannel, deleteAlertChannel, updateAlertChannel } from "@/lib/alerts/mutations";
import { createAlertChannelSchema } from "@/lib/alerts/schema";
import { sendTestAlert } from "@/lib/alerts/send-alert";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { requireUserWithRole } from "@/lib/auth/session";
import { firstIssue, type FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";

const formSchema = z.object({
  kind: z.enum(channelKinds, "Choose Slack or webhook."),
  url: z.string().trim().min(1, "Paste the channel's URL."),
  triggers: z.array(z.enum(alertTriggers)).min(1, "Choose at least one thing to be alerted about."),
  burstThreshold: z.coerce
    .number("Enter how many failed verifications make a burst.")
    .int("Enter a whole number of failures.")
    .min(1, "A burst is more than at least 1 failure.")
    .max(
      MAX_BURST_THRESHOLD,
      `A burst is more than at most ${MAX_BURST_THRESHOLD.toLocaleString("en")} failures.`,
    ),
  burstMinutes: z.coerce
    .number("Enter the burst window in minutes.")
    .int("Enter whole minutes.")
    .min(1, "The window is at least 1 minute.")
    .max(
      MAX_BURST_MINUTES,
      `The window is at most ${MAX_BURST_MINUTES.toLocaleString("en")} minutes (a day).`,
    ),
});

/** Adds a channel; the URL rule is the API's. */
export async function addAlertChannelAction(
  endpointId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runFormAction(
    requireUserWithRole("admin"),
    {
      schema: formSchema,
      input: { ...Object.fromEntries(form), triggers: form.getAll("triggers") },
    },
    async (fields, caller) => {
      const input = createAlertChannelSchema.safeParse(fields);
      if (!input.success) return { error: `URL: ${firstIssue(input.error)}` };
      await createAlertChannel(endpointId, input.data, auditActorOfPerson(caller));
      revalidatePath(`/endpoints/${endpointId}`);
      return { error: null, done: "Channel added. Send a test to check it." };
    },
  );
}

export async function sendTestAlertAction(
  endpointId: string,
  channelId: string,
): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async () => {
    const alert = await sendTestAlert(endpointId, channelId);
    revalidatePath(`/endpoints/${endpointId}`);
    if (alert.status === "sent")
      return { error: null, done: `Test message sent (HTTP ${alert.responseStatus ?? "?"}).` };
    return {
      error: `The test message was not delivered (${alert.status}): ${alert.error ?? "no reason recorded"}`,
    };
  });
}

export async function setAlertChannelEnabledAction(
  endpointId: string,
  channelId: string,
  enabled: boolean,
): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async (caller) => {
    await updateAlertChannel(endpointId, channelId, { enabled }, auditActorOfPerson(caller));
    revalidatePath(`/endpoints/${endpointId}`);
    return { error: null };
  });
}

export async function removeAlertChannelAction(
  endpointId: string,
  channelId: string,
): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async (caller) => {
    await deleteAlertChannel(endpointId, channelId, auditActorOfPerson(caller));
    revalidatePath(`/endpoints/${endpointId}`);
    return { error: null };
  });
}
