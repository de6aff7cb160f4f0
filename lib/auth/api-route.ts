// Wraps an /api route handler: authenticates the caller first (bearer token or
// session, lib/auth/authenticate.ts), checks they may call the route (authorize),
// turns every thrown error into the standard error body. The one place API
// permissions are checked: each route names its access here, a role (lib/auth/roles.ts)
// or "metrics".
import type { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { errorResponse, validationError } from "@/lib/http/error-response";
import { authenticateRequest, principalRole, type Caller, type Principal } from "./authenticate";
import { requireRole, type Role } from "./roles";

/**
 * "metrics": GET /api/metrics, for the metrics token (INBOX_METRICS_TOKEN) and the
 * operator token. Not for people, whatever their role: the scrape describes the whole
 * instance (endpoint ids, volumes) and is meant for a machine with a credential of its own.
 */
export type Access = Role | "metrics";

type MetricsScraper = Exclude<Caller, Principal> | Extract<Principal, { kind: "operator" }>;
type Handler<Ctx, Who> = (request: Request, context: Ctx, caller: Who) => Promise<Response>;

/** 403 when the caller's credential does not reach this route (401s come from authenticateRequest). */
export function authorize(caller: Caller, access: "metrics"): MetricsScraper;
export function authorize(caller: Caller, access: Role): Principal;
export function authorize(caller: Caller, access: Access): Caller {
  if (access === "metrics") {
    if (caller.kind === "user")
      throw new AppError(
        "forbidden",
        "metrics are read with the metrics token (INBOX_METRICS_TOKEN) or the operator token, not a person's session or token",
      );
    return caller;
  }
  if (caller.kind === "metrics-scraper")
    throw new AppError("forbidden", "the metrics token reads GET /api/metrics only");
  requireRole(principalRole(caller), access);
  return caller;
}

export function apiRoute<Ctx>(
  access: "metrics",
  handler: Handler<Ctx, MetricsScraper>,
): (request: Request, context: Ctx) => Promise<Response>;
export function apiRoute<Ctx>(
  access: Role,
  handler: Handler<Ctx, Principal>,
): (request: Request, context: Ctx) => Promise<Response>;
export function apiRoute<Ctx>(
  access: Access,
  handler: Handler<Ctx, MetricsScraper> | Handler<Ctx, Principal>,
) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    try {
      const caller = await authenticateRequest(request);
      // The overloads pair each access with the caller type authorize returns for it,
      // so each handler gets the caller its own access admits.
      const allowed = access === "metrics" ? authorize(caller, access) : authorize(caller, access);
      return await (handler as Handler<Ctx, Caller>)(request, context, allowed);
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
