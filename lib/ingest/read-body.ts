// Reads a request body into memory without ever holding more than `limit` bytes:
// a declared Content-Length over the cap is refused before reading, and a chunked
// body is cut off as soon as it passes the cap.
import { AppError } from "@/lib/http/app-error";

export function payloadTooLarge(limit: number): AppError {
  // The server discards the rest of the upload for a moment, then closes (scripts/start.ts).
  return new AppError("payload_too_large", `the body exceeds this endpoint's limit of ${limit} bytes; nothing was stored`);
}

export async function readBodyWithinLimit(request: Request, limit: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw payloadTooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading but leave the connection to the server, which answers first.
      reader.releaseLock();
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
