// Query of GET /api/audit and the Settings tab: keyset pages, newest first, optional filters.
import { z } from "zod";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { AUDIT_ACTIONS } from "./constants";
import { idSchema } from "@/lib/ids/schema";
import { jsonValueSchema, timestampSchema } from "@/lib/http/response-schemas";

export const listAuditSchema = pageParamsSchema.extend({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: idSchema.optional(),
  targetId: idSchema.optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditSchema>;

export const auditEntryResponseSchema = z.object({
  id: z.string(),
  at: timestampSchema,
  /** id null: the operator token or the system; label names it either way. */
  actor: z.object({ id: z.string().nullable(), label: z.string() }),
  action: z.string().meta({ description: "one of the audit actions (the action filter)" }),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  details: jsonValueSchema,
  sourceIp: z.string().nullable(),
});
export type AuditEntryResponse = z.infer<typeof auditEntryResponseSchema>;
