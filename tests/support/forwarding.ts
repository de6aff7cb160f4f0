// Forwarding end to end against an app server this test started: an endpoint whose
// callbacks go to a receiver, and the judgement "forwarded exactly once", which only
// means something once nothing is left that could still send the event again.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { expect } from "vitest";
import { FORWARD_TASK } from "@/lib/queue/tasks";
import { TEST_API_TOKEN } from "./app-server";
import { queryDatabase } from "./fresh-database";
import type { Receiver } from "./receiver";

async function createResource<T>(
  baseUrl: string,
  path: string,
  body: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as T;
}

/**
 * A generic endpoint with one destination that forwards every callback to `destinationUrl`.
 * Unlimited, so that storing a callback is one statement: the crash test freezes the
 * database right before it (a rate-limit token would be taken first; the limit has its own tests).
 */
export async function createForwardingEndpoint(
  baseUrl: string,
  destinationUrl: string,
): Promise<{ id: string; key: string; destinationId: string }> {
  const endpoint = await createResource<{ id: string; key: string }>(baseUrl, "/api/endpoints", {
    name: `forward-${randomUUID()}`,
    provider: "generic",
    rateLimitPerSecond: null,
  });
  const destination = await createResource<{ id: string }>(
    baseUrl,
    `/api/endpoints/${endpoint.id}/destinations`,
    { url: destinationUrl, forward: "all" },
  );
  return { id: endpoint.id, key: endpoint.key, destinationId: destination.id };
}

export const sendCallback = (baseUrl: string, key: string, body: string) =>
  fetch(`${baseUrl}/in/${key}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

export type ForwardChecks = {
  /** Requests the receiver got for the event so far. */
  forwardsOf(eventId: string): number;
  /** The statuses of the event's attempts, oldest first. */
  attemptStatuses(eventId: string): Promise<string[]>;
  /** Waits until the event's forwarding is done, then checks it went out exactly once. */
  expectForwardedOnce(eventId: string): Promise<void>;
};

export function forwardChecks(
  databaseUrl: string,
  receiver: Receiver,
  poll: { timeout: number; interval: number },
): ForwardChecks {
  const sql = <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
    queryDatabase<R>(databaseUrl, text, params);
  const forwardsOf = (eventId: string) =>
    receiver.requests.filter((r) => receiver.header(r, "x-inbox-event-id") === eventId).length;
  const attemptStatuses = async (eventId: string) =>
    (
      await sql<{ status: string }>(
        `SELECT status FROM attempts WHERE event_id = $1 ORDER BY created_at`,
        [eventId],
      )
    ).map((a) => a.status);

  /**
   * No forward job left anywhere in the test's own queue (a stray duplicate counts too,
   * whatever its key), nothing waiting in the forward outbox (a row moved twice would
   * show there), and the event's forward recorded as sent: nothing more will go out.
   */
  const forwardingDone = async (eventId: string) => {
    const jobs = await sql(`SELECT id FROM graphile_worker.jobs WHERE task_identifier = $1`, [
      FORWARD_TASK,
    ]);
    const waiting = await sql(`SELECT id FROM forward_outbox`);
    return (
      jobs.length === 0 &&
      waiting.length === 0 &&
      (await attemptStatuses(eventId)).includes("succeeded")
    );
  };

  return {
    forwardsOf,
    attemptStatuses,
    async expectForwardedOnce(eventId) {
      await expect
        .poll(() => forwardingDone(eventId), {
          ...poll,
          message: `event ${eventId} was never forwarded`,
        })
        .toBe(true);
      expect(forwardsOf(eventId)).toBe(1);
      expect(await attemptStatuses(eventId)).toEqual(["succeeded"]);
    },
  };
}
