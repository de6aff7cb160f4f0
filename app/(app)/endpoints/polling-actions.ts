"use server";

// Polling settings from the endpoint page. The rules are the API's (putPollingSchema);
// this only maps the form's empty fields to "not set".
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { requireUserWithRole } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { idSchema } from "@/lib/ids/schema";
import { clearPollingSettings, savePollingSettings } from "@/lib/polling/mutations";
import { putPollingSchema } from "@/lib/polling/schema";

/** The polling form's fields are many: an invalid one is named by its path. */
const describeIssue = (error: z.ZodError) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "form"}: ${issue.message}` : "Check the form.";
};
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/** The form's fields as the API's body; empty fields are "not set". */
function pollingFields(form: FormData) {
  const credential = text(form, "credential");
  const minutes = text(form, "expectTerminalMinutes");
  return {
    baseUrl: text(form, "baseUrl"),
    pathTemplate: text(form, "pathTemplate"),
    credentialHeader: text(form, "credentialHeader") || null,
    // Not trimmed: "Bearer " needs its space.
    credentialPrefix: String(form.get("credentialPrefix") ?? ""),
    // Empty keeps the stored key (it is never shown, so the field is always empty).
    credential: form.get("removeCredential") === "on" ? null : credential || undefined,
    expectTerminalMinutes: minutes === "" ? null : Number(minutes),
  };
}

export async function savePollingAction(
  endpointId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runFormAction(
    requireUserWithRole("admin"),
    {
      schema: putPollingSchema,
      input: pollingFields(form),
      describe: describeIssue,
    },
    async (settings, caller) => {
      await savePollingSettings(idSchema.parse(endpointId), settings, auditActorOfPerson(caller));
      revalidatePath(`/endpoints/${endpointId}`);
      return {
        error: null,
        done: "Saved. Jobs of this endpoint can be re-polled from their page.",
      };
    },
  );
}

export async function clearPollingAction(endpointId: string): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async (caller) => {
    await clearPollingSettings(idSchema.parse(endpointId), auditActorOfPerson(caller));
    revalidatePath(`/endpoints/${endpointId}`);
    return { error: null, done: "Polling is off. Recorded polls stay on the jobs." };
  });
}
