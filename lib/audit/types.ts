import type { AuditAction } from "./constants";

/** Who acted: a person (by id, and their email at the time), the operator token, or nobody signed in. */
export type AuditActor = { id: string | null; label: string };

export type AuditEntryInput = {
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id: string };
  /** What changed, by name (field names, ids, counts): never a secret value or a body. */
  details?: Record<string, string | number | boolean | null | string[]>;
  sourceIp?: string | null;
};
