"use server";

// Polling settings from the endpoint page. The rules are the API's (putPollingSchema);
// this only maps the form's empty fields to "not set".
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { isRefusal, userOrRefusal } from "@/lib/auth/role-refusal";
import { requireUserWithRole } from "@/lib/auth/session";
import { toAppError } from "@/lib/http/error-response";
import { clearPollingSettings, savePollingSettings } from "@/lib/polling/mutations";
import { putPollingSchema } from "@/lib/polling/schema";

export type PollingFormState = { error: string | null; done?: string };

const idSchema = z.string().min(1).max(100);
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

export async function savePollingAction(
  endpointId: string,
  _previous: PollingFormState,
  form: FormData,
): Promise<PollingFormState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  const credential = text(form, "credential");
  const minutes = text(form, "expectTerminalMinutes");
  const parsed = putPollingSchema.safeParse({
    baseUrl: text(form, "baseUrl"),
    pathTemplate: text(form, "pathTemplate"),
    credentialHeader: text(form, "credentialHeader") || null,
    // Not trimmed: "Bearer " needs its space.
    credentialPrefix: String(form.get("credentialPrefix") ?? ""),
    // Empty keeps the stored key (it is never shown, so the field is always empty).
    credential: form.get("removeCredential") === "on" ? null : credential || undefined,
    expectTerminalMinutes: minutes === "" ? null : Number(minutes),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      error: issue ? `${issue.path.join(".") || "form"}: ${issue.message}` : "Check the form.",
    };
  }
  try {
    await savePollingSettings(idSchema.parse(endpointId), parsed.data, auditActorOfPerson(caller));
  } catch (error) {
    return { error: toAppError(error).message };
  }
  revalidatePath(`/endpoints/${endpointId}`);
  return { error: null, done: "Saved. Jobs of this endpoint can be re-polled from their page." };
}

export async function clearPollingAction(endpointId: string): Promise<PollingFormState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  try {
    await clearPollingSettings(idSchema.parse(endpointId), auditActorOfPerson(caller));
  } catch (error) {
    return { error: toAppError(error).message };
  }
  revalidatePath(`/endpoints/${endpointId}`);
  return { error: null, done: "Polling is off. Recorded polls stay on the jobs." };
}
