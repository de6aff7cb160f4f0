// The audit actor of a caller, from however they authenticated.
import type { Principal } from "@/lib/auth/authenticate";
import type { AuditActor } from "./types";

export const ANONYMOUS: AuditActor = { id: null, label: "anonymous" };

export function auditActorOf(principal: Principal): AuditActor {
  return principal.kind === "operator" ? { id: null, label: "operator token" } : { id: principal.user.id, label: principal.user.email };
}
