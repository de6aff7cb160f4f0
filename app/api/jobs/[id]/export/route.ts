import { getJobFixture } from "@/lib/fixtures/data";
import { apiRoute } from "@/lib/auth/api-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/jobs/<id>/export - the job's whole story as a fixture file (lib/fixtures/schema.ts):
// { version, exportedAt, job, deliveries: [{ receivedAt, providerTime, method, path, query,
// headers, maskedHeaders, bodyBase64, ... }] } in provider order, credential values masked.
// A download (Content-Disposition); `webhook-inbox replay-fixture` sends it to a local receiver.
export const GET = apiRoute(
  "viewer",
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const fixture = await getJobFixture((await params).id);
    const name = `job-${fixture.job.externalId}`.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 120);
    return new Response(`${JSON.stringify(fixture, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.json"`,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      },
    });
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
