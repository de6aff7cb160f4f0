// Wraps an /api route handler: checks the bearer token first, turns every thrown
// error into the standard error body.
import type { z } from "zod";
import { requireApiToken } from "@/lib/auth/api-token";
import { AppError } from "./app-error";
import { errorResponse, validationError } from "./error-response";

export function apiRoute<Ctx>(handler: (request: Request, context: Ctx) => Promise<Response>) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    try {
      requireApiToken(request);
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("invalid_json", "the request body must be JSON");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export function parseSearchParams<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
