// The one place that turns a thrown error into an HTTP answer.
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log/logger";
import { AppError } from "./app-error";
import { currentRequestId } from "./request-context";

export function jsonResponse(body: unknown, init?: ResponseInit): Response {
  return Response.json(body, {
    ...init,
    headers: { "cache-control": "no-store", ...init?.headers },
  });
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return jsonResponse(
    {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details ? { details: appError.details } : {}),
      },
    },
    { status: appError.status, headers: appError.headers },
  );
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  if (isDatabaseUnavailable(error))
    return databaseUnavailable("the database is unavailable; retry shortly", error);
  getLogger().error({ err: error, requestId: currentRequestId() }, "unexpected error");
  return new AppError(
    "internal_error",
    "something went wrong on our side; the details are in the server log",
  );
}

/** 503 with Retry-After: the caller (often a provider's retry logic) should come back. */
export function databaseUnavailable(message: string, cause?: unknown): AppError {
  return new AppError("database_unavailable", message, {
    headers: { "retry-after": String(getEnv().INBOX_RETRY_AFTER_SECONDS) },
    cause,
  });
}

export function validationError(error: ZodError): AppError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  const first = issues[0];
  const message = first
    ? `${first.path ? `${first.path}: ` : ""}${first.message}`
    : "invalid input";
  return new AppError("validation_failed", message, { details: { issues } });
}
