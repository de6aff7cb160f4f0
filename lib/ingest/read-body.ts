// Reads a request body into memory without ever holding more than `limit` bytes:
// a declared Content-Length over the cap is refused before reading, and a chunked
// body is cut off as soon as it passes the cap. Behind our server the bytes also count
// against the process's in-flight budget (503 past it, in-flight-budget.ts); a body
// that stalls is dropped by the server itself (lib/http/stalled-body.ts).
import type { Readable } from "node:stream";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { currentRawRequest } from "@/lib/http/request-context";
import { serverBusy, type IngestAdmission } from "./in-flight-budget";

export function payloadTooLarge(limit: number): AppError {
  // The server discards the rest of the upload for a moment, then closes (scripts/start.ts).
  return new AppError(
    "payload_too_large",
    `the body exceeds this endpoint's limit of ${limit} bytes; nothing was stored`,
  );
}

export async function readBodyWithinLimit(request: Request, limit: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw payloadTooLarge(limit);
  // Behind our server the Node stream is at hand and cheaper to read than the
  // Fetch body; `next dev` alone only has the latter.
  const raw = currentRawRequest();
  const admission = raw?.admission;
  if (admission && declared !== null && !admission.fits(Number(declared))) throw busy();
  return raw ? readNodeStream(raw.body, limit, admission) : readWebStream(request.body, limit);
}

const busy = () => serverBusy(getEnv().INBOX_RETRY_AFTER_SECONDS);

function readNodeStream(
  body: Readable,
  limit: number,
  admission: IngestAdmission | undefined,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const settle = (error: Error | null) => {
      body.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, total));
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        // Stop reading but leave the connection to the server, which answers first.
        body.pause();
        settle(payloadTooLarge(limit));
        return;
      }
      if (admission && !admission.take(chunk.byteLength)) {
        body.pause();
        settle(busy());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(null);
    const onError = (error: Error) =>
      settle(
        new AppError("body_incomplete", "the body could not be read; nothing was stored", {
          cause: error,
        }),
      );
    // The sender went away mid-body: nothing complete to store, and (as the socket is
    // gone) nobody to read the answer; not a server fault, so not logged as one.
    const onClose = () =>
      settle(
        new AppError(
          "body_incomplete",
          "the connection closed before the whole body arrived; nothing was stored",
        ),
      );
    body.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

async function readWebStream(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.releaseLock();
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
