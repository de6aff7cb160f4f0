// Every answer carries X-Request-Id, and every log line about the request the same id,
// so a caller's report ("request abc failed") finds its lines. A caller's or proxy's
// own id is kept when it is a short plain token; anything else (long, odd characters
// that could forge log structure) is replaced by a fresh one.
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
