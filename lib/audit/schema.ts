// Query of GET /api/audit and the Settings tab: keyset pages, newest first, optional filters.
import { z } from "zod";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { AUDIT_ACTIONS } from "./constants";
import { idSchema } from "@/lib/ids/schema";

export const listAuditSchema = pageParamsSchema.extend({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: idSchema.optional(),
  targetId: idSchema.optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditSchema>;
