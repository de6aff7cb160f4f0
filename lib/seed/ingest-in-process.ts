// Feeds a seeded callback through the ingest path's own steps (lib/ingest/
// verify-and-store.ts), in process, so the seed can date a callback in the past: over
// HTTP every delivery would be "now".
import type { HeaderList } from "@/lib/http/header-list";
import { verifyAndStore, type StoredCallback } from "@/lib/ingest/verify-and-store";
import type { SeedEndpoint } from "./seed-endpoints";

export type SeedCallback = {
  receivedAt: Date;
  headers: HeaderList;
  body: Buffer;
  sourceIp: string;
};

export type IngestedCallback = StoredCallback;

export function ingestInProcess(
  endpoint: SeedEndpoint,
  callback: SeedCallback,
): Promise<IngestedCallback> {
  return verifyAndStore(
    endpoint,
    { ...callback, method: "POST", path: "", query: "" },
    { limited: false },
  );
}
