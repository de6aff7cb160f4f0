"use client";

import { useEffect, useRef, useState } from "react";
import { STREAM_EVENTS, STREAM_RESET, storedEventsMessageSchema } from "@/lib/live/messages";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "paused";

/** After the server refused the stream (EventSource then stops retrying), try again this much later. */
const RETRY_CLOSED_MS = 5_000;

/**
 * Listens to GET /api/events/stream while `enabled` and calls `onChange` when the
 * newest page may have changed: an announced event (of the filtered endpoint, when
 * there is one), or a reset/reconnect after which announcements may have been missed.
 */
export function useLiveInbox({
  enabled,
  endpointId,
  onChange,
}: {
  enabled: boolean;
  endpointId: string | undefined;
  onChange: () => void;
}): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>(enabled ? "connecting" : "paused");
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!enabled) {
      setStatus("paused");
      return;
    }
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let hadError = false;

    const open = () => {
      setStatus(hadError ? "reconnecting" : "connecting");
      source = new EventSource("/api/events/stream");
      source.onopen = () => {
        setStatus("live");
        // Whatever was stored while we were away would otherwise be missed.
        if (hadError) onChangeRef.current();
      };
      source.onerror = () => {
        hadError = true;
        setStatus("reconnecting");
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retryTimer = setTimeout(open, RETRY_CLOSED_MS);
        }
      };
      source.addEventListener(STREAM_EVENTS, (message) => {
        const parsed = storedEventsMessageSchema.safeParse(
          safeJson((message as MessageEvent<string>).data),
        );
        if (!parsed.success) return;
        if (endpointId && !parsed.data.events.some((event) => event.endpointId === endpointId))
          return;
        onChangeRef.current();
      });
      source.addEventListener(STREAM_RESET, () => onChangeRef.current());
    };
    open();
    return () => {
      if (retryTimer) clearTimeout(retryTimer);
      source?.close();
    };
  }, [enabled, endpointId]);

  return status;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
