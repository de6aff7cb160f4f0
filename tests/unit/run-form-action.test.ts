// The one server-action helper (lib/forms/run-form-action.ts): a role refusal, an
// invalid field and an error from lib/ all come back as form state; Next's redirect
// still passes through; `run` sees the parsed input and the caller.
import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SignedInUser } from "@/lib/auth/session";
import { runFormAction } from "@/lib/forms/run-form-action";
import { AppError } from "@/lib/http/app-error";

const admin: SignedInUser = { id: "u1", email: "a@example.test", name: "A", role: "admin" };
const allowed = () => Promise.resolve(admin);
const refused = () =>
  Promise.reject(new AppError("forbidden", "this needs the admin role; you are a viewer"));
const schema = z.object({ name: z.string().trim().min(1, "Give it a name.") });

afterEach(() => vi.restoreAllMocks());

describe("runFormAction", () => {
  it("answers the role refusal without parsing or running", async () => {
    const run = vi.fn(async () => ({ error: null }));
    expect(await runFormAction(refused(), { schema, input: { name: "x" } }, run)).toEqual({
      error: "this needs the admin role; you are a viewer",
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers the first invalid field's message, or the form's own wording", async () => {
    const run = vi.fn(async () => ({ error: null }));
    expect(await runFormAction(allowed(), { schema, input: { name: " " } }, run)).toEqual({
      error: "Give it a name.",
    });
    const describe = () => "Choose a destination.";
    expect(await runFormAction(allowed(), { schema, input: {}, describe }, run)).toEqual({
      error: "Choose a destination.",
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("runs with the parsed input and the caller, and answers what run answers", async () => {
    const result = await runFormAction(
      allowed(),
      { schema, input: { name: "  Renders " } },
      async (fields, caller) => ({ error: null, done: `${fields.name} by ${caller.id}` }),
    );
    expect(result).toEqual({ error: null, done: "Renders by u1" });
    expect(
      await runFormAction(allowed(), async (caller) => ({ error: null, done: caller.role })),
    ).toEqual({ error: null, done: "admin" });
  });

  it("turns an AppError into its message, and anything else into the generic one", async () => {
    expect(
      await runFormAction(allowed(), async () => {
        throw new AppError("conflict", "The secrets changed meanwhile.");
      }),
    ).toEqual({ error: "The secrets changed meanwhile." });
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(
      await runFormAction(allowed(), async () => {
        throw new Error("connection string with a password in it");
      }),
    ).toEqual({ error: "something went wrong on our side; the details are in the server log" });
  });

  it("lets Next's redirect through", async () => {
    await expect(
      runFormAction(allowed(), async () => redirect("/endpoints/ep_1?created=1")),
    ).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
