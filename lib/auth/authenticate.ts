// Who is calling an /api route. Every route asks this itself (no middleware to forget):
//   - Authorization: Bearer <INBOX_API_TOKEN>  -> the operator (automation, CI)
//   - Authorization: Bearer <INBOX_METRICS_TOKEN> -> the metrics scraper (Prometheus),
//     which may read GET /api/metrics and nothing else (api-route.ts, authorize)
//   - Authorization: Bearer inbox_pat_...      -> the person who owns that token
//   - the session cookie of a signed-in person -> that person; a state-changing
//     request must then come from our own pages (same origin), against CSRF.
// A request that sends an Authorization header is judged by it alone, never by a cookie.
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { publicOrigin } from "@/lib/http/public-origin";
import type { TokenOwner } from "./api-tokens";
import { findApiTokenOwner } from "./data";
import { getAuth } from "./auth";
import { asRole, type Role } from "./roles";

/** Who acts on the inbox's data: what route handlers, the audit and replays see. */
export type Principal =
  { kind: "operator" } | { kind: "user"; via: "session" | "token"; user: TokenOwner };

/** Every credential a request can carry: a principal, or the metrics scraper's token. */
export type Caller = Principal | { kind: "metrics-scraper" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const digest = (value: string) => createHash("sha256").update(value).digest();

export async function authenticateRequest(request: Request): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) return authenticateBearer(authorization);
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session)
    throw new AppError("unauthorized", "sign in, or send Authorization: Bearer <token>");
  if (!SAFE_METHODS.has(request.method)) requireSameOrigin(request);
  const { id, email, name, role } = session.user;
  return { kind: "user", via: "session", user: { id, email, name, role: asRole(role) } };
}

/** The operator token (INBOX_API_TOKEN) is the instance's own key: admin. */
export function principalRole(principal: Principal): Role {
  return principal.kind === "operator" ? "admin" : principal.user.role;
}

/**
 * For answers that outlive their request (live streams): whether the request's
 * credential still stands for the same caller. Only a refusal says no; a check that
 * fails otherwise (database away) says yes, to be asked again later.
 */
export async function isStillAuthenticated(
  request: Request,
  principal: Principal,
): Promise<boolean> {
  try {
    const current = await authenticateRequest(request);
    if (current.kind === "operator" || principal.kind === "operator")
      return current.kind === principal.kind;
    return current.kind === "user" && current.user.id === principal.user.id;
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") return false;
    return true;
  }
}

/** Constant time: hash both sides first (equal lengths for timingSafeEqual, and no length leak). */
const sameToken = (token: string, expected: string | undefined) =>
  expected !== undefined && timingSafeEqual(digest(token), digest(expected));

async function authenticateBearer(header: string): Promise<Caller> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header.trim())?.[1];
  if (!token) throw new AppError("unauthorized", "send Authorization: Bearer <token>");
  const env = getEnv();
  if (sameToken(token, env.INBOX_API_TOKEN)) return { kind: "operator" };
  if (sameToken(token, env.INBOX_METRICS_TOKEN)) return { kind: "metrics-scraper" };
  const owner = await findApiTokenOwner(token);
  if (!owner)
    throw new AppError("unauthorized", "the API token is not valid (revoked or never issued)");
  return { kind: "user", via: "token", user: owner };
}

/**
 * Cookies ride along on cross-site requests; the Origin header (sent by browsers on
 * every non-GET fetch and form post) says where a request really came from.
 */
function requireSameOrigin(request: Request): void {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") throw csrfRejected();
  const origin = request.headers.get("origin");
  if (!origin || origin !== publicOrigin(request)) throw csrfRejected();
}

const csrfRejected = () =>
  new AppError(
    "forbidden",
    "cross-site request refused: changes made with a session cookie must come from this app's own pages",
  );
