// /in/<key>[/<any sub-path>] - the hosted ingest URL providers send callbacks to.
import { errorResponse, jsonResponse, toAppError } from "@/lib/http/error-response";
import { currentRequestId } from "@/lib/http/request-context";
import { getLogger } from "@/lib/log/logger";
import { appMetrics } from "@/lib/metrics/app-metrics";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { receiveCallback } from "@/lib/ingest/receive-callback";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string }> };

// A few dozen bytes that no sender reads twice: gzipping them (Next compresses any
// answer a client accepts gzip for) cost CPU under load for nothing (README, "Benchmark" >
// "Numbers behind the code").
const NOT_COMPRESSED = { "cache-control": "no-store, no-transform" };

const VERIFICATION_FAILED_MESSAGE = "the signature could not be verified";

// POST/PUT/PATCH /in/<key>/... - store the callback, answer once it is committed.
async function ingest(request: Request, context: Context): Promise<Response> {
  const started = performance.now();
  try {
    const { key } = await context.params;
    const result = await receiveCallback(request, key);
    logIngest(started, "stored", {
      endpointId: result.endpointId,
      deliveryId: result.deliveryId,
      eventId: result.eventId,
      verification: result.verification,
      status: result.status,
    });
    if (result.status === 401) {
      // The reason (secret count, tolerance, header names) is stored for the team; a
      // sender, who may be a forger, learns only that it failed.
      return jsonResponse(
        {
          error: { code: "verification_failed", message: VERIFICATION_FAILED_MESSAGE },
          deliveryId: result.deliveryId,
        },
        { status: 401, headers: NOT_COMPRESSED },
      );
    }
    return jsonResponse(
      {
        ok: true,
        deliveryId: result.deliveryId,
        eventId: result.eventId,
        verification: result.verification,
      },
      { headers: NOT_COMPRESSED },
    );
  } catch (error) {
    const appError = toAppError(error);
    appMetrics().callbacksRejected.inc({ reason: appError.code });
    logIngest(started, "rejected", { status: appError.status, error: appError.code });
    return errorResponse(appError);
  }
}

/**
 * One line per callback: ids, verification outcome, the status answered and how long it
 * took; never the body or headers. And its duration in the metrics (the counts are
 * kept where the callback is stored, lib/ingest/receive-callback.ts).
 */
function logIngest(
  started: number,
  result: "stored" | "rejected",
  fields: Record<string, unknown>,
): void {
  const ms = performance.now() - started;
  appMetrics().ingestDuration.observe({ result }, ms / 1000);
  getLogger().info(
    { requestId: currentRequestId(), ...fields, durationMs: Math.round(ms) },
    "ingest",
  );
}

export const POST = ingest;
export const PUT = ingest;
export const PATCH = ingest;

export const { GET, DELETE } = otherMethods("POST", "PUT", "PATCH");
