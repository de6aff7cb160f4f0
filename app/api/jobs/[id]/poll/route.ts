import { apiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getPoll } from "@/lib/polling/data";
import { pollJob } from "@/lib/polling/poll-job";
import { serializePoll } from "@/lib/polling/serialize";

export const dynamic = "force-dynamic";

// POST /api/jobs/<id>/poll - ask the provider's status API now; 200 with the poll, also when the provider refused.
export const POST = apiRoute(
  "member",
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const result = await pollJob((await params).id, "manual");
    return jsonResponse({
      poll: serializePoll(await getPoll(result.pollId)),
      missedCallback: result.missedCallback,
    });
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
