"use server";

// Endpoint changes from the dashboard: admins only, except the test callback (a
// member's). Each action checks its role first and returns errors as form state; lib/ does the validation that the API shares.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { isRefusal, userOrRefusal } from "@/lib/auth/role-refusal";
import { requireUserWithRole } from "@/lib/auth/session";
import {
  createDestination,
  deleteDestination,
  updateDestination,
} from "@/lib/destinations/mutations";
import { createDestinationSchema } from "@/lib/destinations/schema";
import {
  archiveEndpoint,
  changeEndpointSecrets,
  createEndpoint,
  updateEndpoint,
} from "@/lib/endpoints/mutations";
import { MAX_BODY_LIMIT_BYTES, MAX_RATE_LIMIT_PER_SECOND } from "@/lib/endpoints/schema";
import { sendTestCallback, type TestCallbackResult } from "@/lib/endpoints/test-callback";
import { AppError } from "@/lib/http/app-error";
import { toAppError } from "@/lib/http/error-response";
import { extractionConfigSchema, providerIdSchema } from "@/lib/providers/schema";
import { MAX_RETENTION_DAYS } from "@/lib/retention/policy";

export type ActionState = { error: string | null; done?: string };

const failed = (error: unknown): ActionState => ({ error: toAppError(error).message });
const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? "Check the form.";

const KIB = 1024;
/** The form asks for KiB: the numbers people think in for JSON callbacks. */
const bodyLimitKibSchema = z.coerce
  .number("Enter the body cap in KiB.")
  .int("Enter a whole number of KiB.")
  .min(1, "The body cap is at least 1 KiB.")
  .max(MAX_BODY_LIMIT_BYTES / KIB, `The body cap is at most ${MAX_BODY_LIMIT_BYTES / KIB} KiB.`);

/** An empty path field means "not configured". */
const optionalPath = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined),
  z.string().optional(),
);

const createSchema = z.object({
  name: z.string().trim().min(1, "Give the endpoint a name.").max(200),
  provider: providerIdSchema,
  secret: z.string().trim().max(1024).optional(),
  bodyLimitKib: bodyLimitKibSchema,
  jobIdPath: optionalPath,
  statePath: optionalPath,
  eventTypePath: optionalPath,
});

export async function createEndpointAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  const parsed = createSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const { name, provider, secret, bodyLimitKib, jobIdPath, statePath, eventTypePath } = parsed.data;
  const paths = { jobIdPath, statePath, eventTypePath };
  const hasPaths = Object.values(paths).some((path) => path !== undefined);
  // The same schema as the API's: "data..id" is refused here with the API's message.
  const extraction = hasPaths ? extractionConfigSchema.safeParse(paths) : null;
  if (extraction && !extraction.success)
    return { error: `Job fields: ${firstIssue(extraction.error)}` };
  let id: string;
  try {
    ({ id } = await createEndpoint(
      {
        name,
        provider,
        secrets: secret ? [secret] : [],
        bodyLimitBytes: bodyLimitKib * KIB,
        ...(extraction?.success ? { extraction: extraction.data } : {}),
      },
      auditActorOfPerson(caller),
    ));
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/endpoints");
  redirect(`/endpoints/${id}?created=1`);
}

const idSchema = z.string().min(1).max(100);

export async function addSecretAction(
  endpointId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  const secret = z
    .string()
    .trim()
    .min(1, "Paste the new secret.")
    .max(1024)
    .safeParse(form.get("secret"));
  if (!secret.success) return { error: firstIssue(secret.error) };
  try {
    // Newest first: test callbacks sign with it, and old senders keep verifying with the rest.
    await changeEndpointSecrets(
      idSchema.parse(endpointId),
      (current) => [secret.data, ...current],
      auditActorOfPerson(caller),
    );
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/endpoints/${endpointId}`);
  return { error: null, done: "Secret added. Callbacks signed with any active secret verify." };
}

const positionSchema = z.number().int().min(0).max(100);

export async function removeSecretAction(
  endpointId: string,
  index: number,
  expectedCount: number,
): Promise<ActionState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  try {
    const [position, count] = [positionSchema.parse(index), positionSchema.parse(expectedCount)];
    await changeEndpointSecrets(
      idSchema.parse(endpointId),
      (current) => {
        // The page knew `count` secrets; if that changed meanwhile, `position` may name another one.
        if (current.length !== count)
          throw new AppError(
            "conflict",
            "The secrets changed meanwhile; reload the page and try again.",
          );
        return current.filter((_, i) => i !== position);
      },
      auditActorOfPerson(caller),
    );
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/endpoints/${endpointId}`);
  return { error: null, done: "Secret removed." };
}

/** An empty field means "no limit". */
const rateLimitSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  z.coerce
    .number("Enter the rate limit in callbacks a second, or leave it empty for no limit.")
    .int("Enter a whole number of callbacks a second.")
    .min(1, "The rate limit is at least 1 callback a second; leave it empty for no limit.")
    .max(
      MAX_RATE_LIMIT_PER_SECOND,
      `The rate limit is at most ${MAX_RATE_LIMIT_PER_SECOND.toLocaleString("en")} callbacks a second.`,
    )
    .nullable(),
);

/** The form's retention: a mode ("default" | "days" | "forever") and the days for "days". */
const retentionSchema = z
  .object({
    retentionMode: z.enum(["default", "days", "forever"]).default("default"),
    retentionDays: z.string().optional(),
  })
  .transform((value, context): number | null | "default" => {
    if (value.retentionMode === "default") return "default";
    if (value.retentionMode === "forever") return null;
    const days = Number(value.retentionDays?.trim() || Number.NaN);
    if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
      context.addIssue({
        code: "custom",
        message: `Enter the days to keep deliveries: a whole number from 1 to ${MAX_RETENTION_DAYS.toLocaleString("en")}.`,
      });
      return z.NEVER;
    }
    return days;
  });

const settingsSchema = z.object({
  name: z.string().trim().min(1, "Give the endpoint a name.").max(200),
  bodyLimitKib: bodyLimitKibSchema,
  rateLimitPerSecond: rateLimitSchema,
});

export async function updateSettingsAction(
  endpointId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  const parsed = settingsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const retention = retentionSchema.safeParse(Object.fromEntries(form));
  if (!retention.success) return { error: firstIssue(retention.error) };
  try {
    const { name, bodyLimitKib, rateLimitPerSecond } = parsed.data;
    await updateEndpoint(
      idSchema.parse(endpointId),
      {
        name,
        bodyLimitBytes: bodyLimitKib * KIB,
        rateLimitPerSecond,
        retentionDays: retention.data,
      },
      auditActorOfPerson(caller),
    );
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/endpoints/${endpointId}`);
  revalidatePath("/endpoints");
  return { error: null, done: "Saved." };
}

export async function archiveEndpointAction(endpointId: string): Promise<ActionState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  try {
    await archiveEndpoint(idSchema.parse(endpointId), auditActorOfPerson(caller));
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/endpoints");
  redirect("/endpoints?archived=true");
}

export type TestCallbackState = { error: string | null; result?: TestCallbackResult };

export async function sendTestCallbackAction(endpointId: string): Promise<TestCallbackState> {
  const caller = await userOrRefusal(requireUserWithRole("member"));
  if (isRefusal(caller)) return caller;
  try {
    const result = await sendTestCallback(idSchema.parse(endpointId));
    revalidatePath(`/endpoints/${endpointId}`);
    return { error: null, result };
  } catch (error) {
    return { error: toAppError(error).message };
  }
}

const addDestinationSchema = z.object({
  url: z.string().trim().min(1, "Enter the receiver's URL."),
  forward: z.enum(["verified", "all"]),
  resign: z.enum(["none", "standard-webhooks", "provider"]),
  signingSecret: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined),
    z.string().max(1024).optional(),
  ),
});

/** Adds a forwarding destination; the URL rule and the secret rules are the API's. */
export async function addDestinationAction(
  endpointId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  const parsed = addDestinationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const input = createDestinationSchema.safeParse(parsed.data);
  if (!input.success) return { error: `URL: ${firstIssue(input.error)}` };
  try {
    await createDestination(endpointId, input.data, auditActorOfPerson(caller));
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/endpoints/${endpointId}`);
  return { error: null, done: "Destination added: new events are forwarded to it." };
}

export async function setDestinationEnabledAction(
  endpointId: string,
  destinationId: string,
  enabled: boolean,
): Promise<ActionState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  try {
    await updateDestination(endpointId, destinationId, { enabled }, auditActorOfPerson(caller));
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/endpoints/${endpointId}`);
  return { error: null };
}

export async function removeDestinationAction(
  endpointId: string,
  destinationId: string,
): Promise<ActionState> {
  const caller = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(caller)) return caller;
  try {
    await deleteDestination(endpointId, destinationId, auditActorOfPerson(caller));
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/endpoints/${endpointId}`);
  return { error: null };
}
