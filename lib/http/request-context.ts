// What only the raw Node request knows (headers in arrival order with their case,
// the socket's address, the URL before any normalisation, the body as a Node
// stream), carried from our custom
// server (scripts/start.ts) into route handlers. The store lives on globalThis under
// a registered symbol because the launcher and Next's compiled route bundles load
// separate copies of this module.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Readable } from "node:stream";
import type { IngestAdmission } from "@/lib/ingest/in-flight-budget";

export type RawRequestInfo = {
  rawHeaders: readonly string[];
  remoteAddress: string | null;
  rawUrl: string;
  /**
   * The request body, unread. Reading it here skips the Web-stream adapters Next
   * wraps around it (a measurable share of ingest CPU); whoever reads it must not
   * also read the Fetch Request's body.
   */
  body: Readable;
  /** X-Request-Id of this request (lib/http/request-id.ts): answered to the caller and put on log lines. */
  requestId?: string;
  /** An ingest request's share of the process's in-flight budget (lib/ingest/in-flight-budget.ts). */
  admission?: IngestAdmission;
};

const STORE_KEY = Symbol.for("webhook-inbox.raw-request");
const holder = globalThis as typeof globalThis & {
  [STORE_KEY]?: AsyncLocalStorage<RawRequestInfo>;
};

export const rawRequestStore: AsyncLocalStorage<RawRequestInfo> = (holder[STORE_KEY] ??=
  new AsyncLocalStorage<RawRequestInfo>());

export function currentRawRequest(): RawRequestInfo | undefined {
  return rawRequestStore.getStore();
}

/** The id of the HTTP request being handled (X-Request-Id), for log lines about it. */
export const currentRequestId = (): string | undefined => currentRawRequest()?.requestId;
