// One LISTEN connection per process and channel set. Postgres NOTIFY reaches every
// app process, which is what keeps per-process caches (and later live views) correct
// when the app is scaled out. When the connection drops, subscribers are told to
// forget what they cached (`onReset`), and the next `ensure()` reconnects.
import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";

export type Subscription = {
  channel: string;
  onMessage: (payload: string) => void;
  /** Called when notifications may have been missed (connection lost or just opened). */
  onReset: () => void;
};

const RECONNECT_DELAY_MS = 2_000;

export class NotificationListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private lastFailureAt = 0;
  private readonly subscriptions: Subscription[] = [];

  constructor(private readonly connectionString: () => string = requireDatabaseUrl) {}

  get isListening(): boolean {
    return this.client !== null;
  }

  subscribe(subscription: Subscription): void {
    this.subscriptions.push(subscription);
  }

  /** Starts listening in the background if not already; never throws. */
  ensure(): void {
    if (this.client || this.connecting) return;
    if (Date.now() - this.lastFailureAt < RECONNECT_DELAY_MS) return;
    this.connecting = this.connect().finally(() => {
      this.connecting = null;
    });
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString(),
      connectionTimeoutMillis: 3_000,
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.lastFailureAt = Date.now();
      this.resetAll();
      client.end().catch(() => {});
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      for (const s of this.subscriptions)
        if (s.channel === message.channel) s.onMessage(message.payload ?? "");
    });
    try {
      await client.connect();
      for (const channel of new Set(this.subscriptions.map((s) => s.channel))) {
        await client.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      }
      this.client = client;
      this.resetAll();
    } catch {
      this.lastFailureAt = Date.now();
      client.end().catch(() => {});
    }
  }

  private resetAll(): void {
    for (const s of this.subscriptions) s.onReset();
  }
}
