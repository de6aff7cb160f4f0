// The three roles and what each includes. A role includes every role below it:
// an admin can do what a member can, a member what a viewer can.
//   viewer: reads everything (events, jobs, endpoints without their secrets)
//   member: everything operational (replays, bulk replays, polls, test callbacks)
//   admin:  endpoints and their secrets and verification, destinations, alert
//           channels, polling settings, the team, other people's tokens, reveals
import { z } from "zod";
import { AppError } from "@/lib/http/app-error";

export const ROLES = ["viewer", "member", "admin"] as const;

export const roleSchema = z.enum(ROLES);

export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

export function hasRole(actual: Role, needed: Role): boolean {
  return RANK[actual] >= RANK[needed];
}

/** A role as stored (a text column): anything unknown gets the least access. */
export function asRole(value: string | null | undefined): Role {
  const parsed = roleSchema.safeParse(value);
  return parsed.success ? parsed.data : "viewer";
}

/** 403 naming the role needed, so a person knows whom to ask: API routes and server actions alike. */
export function requireRole(actual: Role, needed: Role): void {
  if (!hasRole(actual, needed))
    throw new AppError("forbidden", `this needs the ${needed} role; you are a ${actual}`);
}
