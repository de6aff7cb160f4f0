import { auditActorOf } from "@/lib/audit/actor";
import { apiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { runRetentionNow } from "@/lib/retention/mutations";
import type { RetentionRunResponse } from "@/lib/retention/schema";

export const dynamic = "force-dynamic";

// POST /api/retention/run - deletes what is past each endpoint's window now (the queue
// does it hourly) and answers how many of each kind it removed; 409 while a run is on.
export const POST = apiRoute("admin", async (_request: Request, _context: unknown, principal) => {
  const { deliveries, events, jobs, attempts, polls, alerts, ...run } = await runRetentionNow(
    auditActorOf(principal),
  );
  return jsonResponse({
    removed: { deliveries, events, jobs, attempts, polls, alerts },
    ...run,
  } satisfies RetentionRunResponse);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
