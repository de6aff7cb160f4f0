// The audit actor of a caller, from however they authenticated. Routes and actions
// work it out and pass it down: lib/ mutations never read the session themselves.
import type { Principal } from "@/lib/auth/authenticate";
import type { AuditActor } from "./types";

export const ANONYMOUS: AuditActor = { id: null, label: "anonymous" };

/** A signed-in person (a server action's user, or the user behind a session or token). */
export function auditActorOfPerson(person: { id: string; email: string }): AuditActor {
  return { id: person.id, label: person.email };
}

export function auditActorOf(principal: Principal): AuditActor {
  return principal.kind === "operator"
    ? { id: null, label: "operator token" }
    : auditActorOfPerson(principal.user);
}
