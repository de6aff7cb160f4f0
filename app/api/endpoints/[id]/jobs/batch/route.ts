import { auditActorOf } from "@/lib/audit/actor";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getJobsByIds } from "@/lib/jobs/data";
import { registerJobs } from "@/lib/jobs/mutations";
import { registeredVia } from "@/lib/jobs/registrar";
import { registerJobsBatchSchema, type RegisteredJobsResponse } from "@/lib/jobs/schema";
import { serializeJob } from "@/lib/jobs/serialize";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// POST /api/endpoints/<id>/jobs/batch - { jobs: [...] } (up to 1,000): register many in one statement; 200 with
// each job in input order and whether it was created, plus the counts.
export const POST = apiRoute("member", async (request: Request, { params }: Context, principal) => {
  const { jobs } = await parseJsonBody(request, registerJobsBatchSchema);
  const registrations = await registerJobs((await params).id, jobs, {
    actor: auditActorOf(principal),
    via: registeredVia(principal),
  });
  const rows = await getJobsByIds(registrations.map((r) => r.jobId));
  const items = registrations.map((registration) => {
    const job = rows.get(registration.jobId);
    if (!job) throw new Error("a registered job is gone");
    return { ...serializeJob(job), created: registration.created };
  });
  const created = new Set(registrations.filter((r) => r.created).map((r) => r.jobId)).size;
  const total = new Set(registrations.map((r) => r.jobId)).size;
  return jsonResponse({
    jobs: items,
    created,
    existing: total - created,
  } satisfies RegisteredJobsResponse);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
