// The receiving side: one LISTEN connection per process (lib/db/notifications) fans
// announcements out to every open Inbox stream of this process. Because NOTIFY
// reaches every listening process, a callback ingested by any app process shows up
// on streams served by all of them.
import { NotificationListener } from "@/lib/db/notifications";
import { INBOX_EVENTS_CHANNEL, storedEventsMessageSchema, type StoredEvent } from "./messages";
import { getLogger } from "@/lib/log/logger";

export type FeedSubscriber = {
  onEvents: (events: StoredEvent[]) => void;
  /** Announcements may have been missed (the LISTEN connection was (re)opened). */
  onReset: () => void;
};
// Every subscriber gets one onReset when it starts receiving (immediately, or once the
// LISTEN connection is up) and another after every reconnect.

/** While anyone listens, a lost LISTEN connection is re-opened this often. */
const RECONNECT_CHECK_MS = 2_000;

class InboxFeed {
  private readonly listener = new NotificationListener();
  private readonly subscribers = new Set<FeedSubscriber>();
  private reconnectTimer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    this.listener.subscribe({
      channel: INBOX_EVENTS_CHANNEL,
      onMessage: (payload) => this.deliver(payload),
      onReset: () => {
        for (const subscriber of this.subscribers) subscriber.onReset();
      },
    });
  }

  subscribe(subscriber: FeedSubscriber): () => void {
    this.subscribers.add(subscriber);
    // A new subscriber learns when announcements start reaching it: now, or on connect.
    if (this.listener.isListening) subscriber.onReset();
    else this.listener.ensure();
    this.reconnectTimer ??= setInterval(() => this.listener.ensure(), RECONNECT_CHECK_MS);
    this.reconnectTimer.unref?.();
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0 && this.reconnectTimer) {
        clearInterval(this.reconnectTimer);
        this.reconnectTimer = null;
      }
    };
  }

  private deliver(payload: string): void {
    let parsed;
    try {
      parsed = storedEventsMessageSchema.safeParse(JSON.parse(payload));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      getLogger().warn({ length: payload.length }, "live inbox: ignoring a malformed notification");
      return;
    }
    for (const subscriber of this.subscribers) subscriber.onEvents(parsed.data.events);
  }
}

const holder = globalThis as typeof globalThis & { __inboxFeed?: InboxFeed };

export function subscribeToInboxFeed(subscriber: FeedSubscriber): () => void {
  holder.__inboxFeed ??= new InboxFeed();
  return holder.__inboxFeed.subscribe(subscriber);
}
