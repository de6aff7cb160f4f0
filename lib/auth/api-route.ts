// Wraps an /api route handler: authenticates the caller first (bearer token or
// session, lib/auth/authenticate.ts), checks they hold the role the route needs
// (lib/auth/roles.ts), turns every thrown error into the standard error body.
// The one place API permissions are checked: each route names its role here.
import type { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { errorResponse, validationError } from "@/lib/http/error-response";
import { authenticateRequest, principalRole, type Principal } from "./authenticate";
import { requireRole, type Role } from "./roles";

export function apiRoute<Ctx>(
  role: Role,
  handler: (request: Request, context: Ctx, principal: Principal) => Promise<Response>,
) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    try {
      const principal = await authenticateRequest(request);
      requireRole(principalRole(principal), role);
      return await handler(request, context, principal);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
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
