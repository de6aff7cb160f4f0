import { auditActorOf } from "@/lib/audit/actor";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getJobsByIds } from "@/lib/jobs/data";
import { registerJobs } from "@/lib/jobs/mutations";
import { registeredVia } from "@/lib/jobs/registrar";
import { registerJobSchema } from "@/lib/jobs/schema";
import { serializeJob } from "@/lib/jobs/serialize";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// POST /api/endpoints/<id>/jobs - { externalId, expectTerminalMinutes?, label?, metadata? }: register a job the
// provider was just given (state "expected"); 201 with it, or 200 with the job that already has this externalId.
export const POST = apiRoute("member", async (request: Request, { params }: Context, principal) => {
  const input = await parseJsonBody(request, registerJobSchema);
  const [registration] = await registerJobs((await params).id, [input], {
    actor: auditActorOf(principal),
    via: registeredVia(principal),
  });
  if (!registration) throw new Error("registration returned nothing");
  const job = (await getJobsByIds([registration.jobId])).get(registration.jobId);
  if (!job) throw new Error("the registered job is gone");
  return jsonResponse(serializeJob(job), { status: registration.created ? 201 : 200 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
