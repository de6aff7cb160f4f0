// Per-process cache of endpoints by key: every callback needs its endpoint, and a
// cache hit saves a database round trip on the hot path. It is only trusted while
// this process is LISTENing for changes (lib/db/notifications); without that
// connection every lookup reads through. Unknown keys are never cached, so a flood
// of random keys cannot grow memory.
import { NotificationListener } from "@/lib/db/notifications";
import { findIngestEndpoint } from "./data";
import type { IngestEndpoint } from "./types";

const MAX_ENTRIES = 10_000;
export const ENDPOINT_CHANNEL = "inbox_endpoint_changed";

class EndpointCache {
  private readonly entries = new Map<string, IngestEndpoint>();
  /** Bumped on every change notice, so a read that raced a change is not cached. */
  private generation = 0;
  private readonly listener = new NotificationListener();

  constructor() {
    this.listener.subscribe({
      channel: ENDPOINT_CHANNEL,
      onMessage: (key) => this.forget(key),
      onReset: () => this.forgetAll(),
    });
  }

  async find(key: string): Promise<IngestEndpoint | null> {
    this.listener.ensure();
    const trusted = this.listener.isListening;
    if (trusted) {
      const hit = this.entries.get(key);
      if (hit) return hit;
    }
    const generation = this.generation;
    const endpoint = await findIngestEndpoint(key);
    if (endpoint && trusted && this.listener.isListening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, endpoint);
    }
    return endpoint;
  }

  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  private forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }
}

const holder = globalThis as typeof globalThis & { __inboxEndpointCache?: EndpointCache };

function cache(): EndpointCache {
  holder.__inboxEndpointCache ??= new EndpointCache();
  return holder.__inboxEndpointCache;
}

export function findEndpointForIngest(key: string): Promise<IngestEndpoint | null> {
  return cache().find(key);
}

/**
 * Called by the process that changed an endpoint, before it answers: NOTIFY reaches
 * this process's listener a moment later, and a callback sent right after the
 * change's response must already see it. Other processes rely on NOTIFY.
 */
export function forgetCachedEndpoint(key: string): void {
  cache().forget(key);
}
