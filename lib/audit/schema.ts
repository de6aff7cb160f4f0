// Query of GET /api/audit and the Settings tab: keyset pages, newest first, optional filters.
import { z } from "zod";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { AUDIT_ACTIONS } from "./constants";

export const listAuditSchema = pageParamsSchema.extend({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.string().min(1).max(100).optional(),
  targetId: z.string().min(1).max(100).optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditSchema>;
