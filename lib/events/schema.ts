import { z } from "zod";
import { pageParamsSchema } from "@/lib/pagination/cursor";

const idSchema = z.string().min(1).max(100);

export const listEventsSchema = pageParamsSchema.extend({
  endpointId: idSchema.optional(),
  jobId: idSchema.optional(),
  verification: z.enum(["verified", "failed", "unsigned"]).optional(),
  type: z.string().min(1).max(200).optional(),
});
export type ListEventsQuery = z.infer<typeof listEventsSchema>;
