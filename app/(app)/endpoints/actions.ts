"use server";

// Endpoint changes from the dashboard: admins only, except the test callback (a
// member's). Each action checks its role first and returns errors as form state; lib/ does the validation that the API shares.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { requireUserWithRole } from "@/lib/auth/session";
import {
  createDestination,
  deleteDestination,
  updateDestination,
} from "@/lib/destinations/mutations";
import { createDestinationSchema, forwardFilters } from "@/lib/destinations/schema";
import {
  archiveEndpoint,
  changeEndpointSecrets,
  createEndpoint,
  updateEndpoint,
} from "@/lib/endpoints/mutations";
import { MAX_BODY_LIMIT_BYTES, MAX_RATE_LIMIT_PER_SECOND } from "@/lib/endpoints/schema";
import { sendTestCallback, type TestCallbackResult } from "@/lib/ingest/test-callback";
import { firstIssue, type FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { AppError } from "@/lib/http/app-error";
import { idSchema } from "@/lib/ids/schema";
import { MAX_EXPECT_TERMINAL_MINUTES } from "@/lib/jobs/schema";
import { extractionConfigSchema, providerIdSchema } from "@/lib/providers/schema";
import { MAX_RETENTION_DAYS } from "@/lib/retention/policy";

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
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runFormAction(
    requireUserWithRole("admin"),
    { schema: createSchema, input: Object.fromEntries(form) },
    async (fields, caller) => {
      const { name, provider, secret, bodyLimitKib, jobIdPath, statePath, eventTypePath } = fields;
      const paths = { jobIdPath, statePath, eventTypePath };
      const hasPaths = Object.values(paths).some((path) => path !== undefined);
      // The same schema as the API's: "data..id" is refused here with the API's message.
      const extraction = hasPaths ? extractionConfigSchema.safeParse(paths) : null;
      if (extraction && !extraction.success)
        return { error: `Job fields: ${firstIssue(extraction.error)}` };
      const { id } = await createEndpoint(
        {
          name,
          provider,
          secrets: secret ? [secret] : [],
          bodyLimitBytes: bodyLimitKib * KIB,
          ...(extraction?.success ? { extraction: extraction.data } : {}),
        },
        auditActorOfPerson(caller),
      );
      revalidatePath("/endpoints");
      redirect(`/endpoints/${id}?created=1`);
    },
  );
}

const newSecretSchema = z.string().trim().min(1, "Paste the new secret.").max(1024);

export async function addSecretAction(
  endpointId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runFormAction(
    requireUserWithRole("admin"),
    { schema: newSecretSchema, input: form.get("secret") },
    async (secret, caller) => {
      // Newest first: test callbacks sign with it, and old senders keep verifying with the rest.
      await changeEndpointSecrets(
        idSchema.parse(endpointId),
        (current) => [secret, ...current],
        auditActorOfPerson(caller),
      );
      revalidatePath(`/endpoints/${endpointId}`);
      return { error: null, done: "Secret added. Callbacks signed with any active secret verify." };
    },
  );
}

const positionSchema = z.number().int().min(0).max(100);

export async function removeSecretAction(
  endpointId: string,
  index: number,
  expectedCount: number,
): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async (caller) => {
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
    revalidatePath(`/endpoints/${endpointId}`);
    return { error: null, done: "Secret removed." };
  });
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

/** An empty field means "not set": only registered jobs become overdue. */
const overdueAfterSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  z.coerce
    .number("Enter the minutes after which a job is overdue, or leave it empty.")
    .int("Enter a whole number of minutes.")
    .min(1, "Overdue after at least 1 minute; leave it empty for not set.")
    .max(MAX_EXPECT_TERMINAL_MINUTES, "Overdue after at most 43,200 minutes (30 days).")
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
  overdueAfterMinutes: overdueAfterSchema,
});

export async function updateSettingsAction(
  endpointId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runFormAction(
    requireUserWithRole("admin"),
    { schema: settingsSchema, input: Object.fromEntries(form) },
    async ({ name, bodyLimitKib, rateLimitPerSecond, overdueAfterMinutes }, caller) => {
      const retention = retentionSchema.safeParse(Object.fromEntries(form));
      if (!retention.success) return { error: firstIssue(retention.error) };
      await updateEndpoint(
        idSchema.parse(endpointId),
        {
          name,
          bodyLimitBytes: bodyLimitKib * KIB,
          rateLimitPerSecond,
          overdueAfterMinutes,
          retentionDays: retention.data,
        },
        auditActorOfPerson(caller),
      );
      revalidatePath(`/endpoints/${endpointId}`);
      revalidatePath("/endpoints");
      return { error: null, done: "Saved." };
    },
  );
}

export async function archiveEndpointAction(endpointId: string): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async (caller) => {
    await archiveEndpoint(idSchema.parse(endpointId), auditActorOfPerson(caller));
    revalidatePath("/endpoints");
    redirect("/endpoints?archived=true");
  });
}

export type TestCallbackState = FormState<{ result?: TestCallbackResult }>;

export async function sendTestCallbackAction(endpointId: string): Promise<TestCallbackState> {
  return runFormAction(requireUserWithRole("member"), async () => {
    const result = await sendTestCallback(idSchema.parse(endpointId));
    revalidatePath(`/endpoints/${endpointId}`);
    return { error: null, result };
  });
}

const addDestinationSchema = z.object({
  url: z.string().trim().min(1, "Enter the receiver's URL."),
  forward: z.enum(forwardFilters),
  resign: z.enum(["none", "standard-webhooks", "provider"]),
  signingSecret: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined),
    z.string().max(1024).optional(),
  ),
});

/** Adds a forwarding destination; the URL rule and the secret rules are the API's. */
export async function addDestinationAction(
  endpointId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runFormAction(
    requireUserWithRole("admin"),
    { schema: addDestinationSchema, input: Object.fromEntries(form) },
    async (fields, caller) => {
      const input = createDestinationSchema.safeParse(fields);
      if (!input.success) return { error: `URL: ${firstIssue(input.error)}` };
      await createDestination(endpointId, input.data, auditActorOfPerson(caller));
      revalidatePath(`/endpoints/${endpointId}`);
      return { error: null, done: "Destination added: new events are forwarded to it." };
    },
  );
}

export async function setDestinationEnabledAction(
  endpointId: string,
  destinationId: string,
  enabled: boolean,
): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async (caller) => {
    await updateDestination(endpointId, destinationId, { enabled }, auditActorOfPerson(caller));
    revalidatePath(`/endpoints/${endpointId}`);
    return { error: null };
  });
}

export async function removeDestinationAction(
  endpointId: string,
  destinationId: string,
): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async (caller) => {
    await deleteDestination(endpointId, destinationId, auditActorOfPerson(caller));
    revalidatePath(`/endpoints/${endpointId}`);
    return { error: null };
  });
}
