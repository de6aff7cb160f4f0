// Bearer-token check for /api/*. Users and personal tokens come later; for now the
// operator's INBOX_API_TOKEN is the credential.
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

export function requireApiToken(request: Request): void {
  const expected = getEnv().INBOX_API_TOKEN;
  if (!expected) throw new AppError("unauthorized", "the server has no INBOX_API_TOKEN configured");
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match?.[1]) throw new AppError("unauthorized", "send Authorization: Bearer <token>");
  // Hash both sides first: equal lengths for timingSafeEqual, and no length leak.
  if (!timingSafeEqual(digest(match[1]), digest(expected))) throw new AppError("unauthorized", "the API token is not valid");
}
