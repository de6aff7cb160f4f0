import { z } from "zod";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { jobStates } from "./constants";

export const listJobsSchema = pageParamsSchema.extend({
  endpointId: z.string().min(1).max(100).optional(),
  state: z.enum(jobStates).optional(),
});
export type ListJobsQuery = z.infer<typeof listJobsSchema>;
