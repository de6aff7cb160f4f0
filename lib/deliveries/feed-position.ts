// A position in one endpoint's delivery feed: (xact_id, id) of the last delivery a
// client saw, written "<xact_id>.<delivery id>" (the SSE message id, sent back as
// Last-Event-ID). The feed is ordered by the transaction that stored each delivery and
// only shows transactions older than every one still running (see data.ts), so a
// later delivery can never land behind a position already handed out: resuming from
// it skips nothing and repeats nothing. The id part is empty for a position between
// deliveries (where a stream started).
import { AppError } from "@/lib/http/app-error";

export type FeedPosition = {
  /** A transaction id (pg_current_xact_id), as decimal text: it may exceed 2^53. */
  xactId: string;
  /** The last delivery at that transaction, or "" for "before its first one". */
  id: string;
};

const POSITION = /^(\d{1,19})\.([A-Za-z0-9_-]{0,100})$/;
const MAX_BIGINT = 2n ** 63n - 1n;

export function encodeFeedPosition(position: FeedPosition): string {
  return `${position.xactId}.${position.id}`;
}

export function decodeFeedPosition(value: string): FeedPosition {
  const match = POSITION.exec(value.trim());
  if (!match?.[1] || match[2] === undefined || BigInt(match[1]) > MAX_BIGINT) {
    throw new AppError(
      "invalid_cursor",
      "the position (Last-Event-ID or after) is not one this stream sent",
    );
  }
  return { xactId: match[1], id: match[2] };
}
