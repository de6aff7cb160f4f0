// A job's callbacks and polls as observations for the sequence checks: one per delivery, so a
// callback delivered twice is seen twice. What did not change the job is left out: an
// event not applied to it, and any delivery whose signature check failed (a forged
// copy of a real callback says nothing about the job).
import type { JobState } from "@/lib/job-states/constants";
import type { Observation } from "./sequence-checks";

export type CallbackEvent = {
  id: string;
  jobId: string | null;
  state: JobState | null;
  providerTimestamp: Date | null;
  deliveries: Array<{ receivedAt: Date; verification: string }>;
};

export function callbackObservations(
  events: readonly CallbackEvent[],
  outputUrlOf: (eventId: string) => string | null,
): Observation[] {
  return events.flatMap((event) =>
    event.jobId === null
      ? []
      : event.deliveries
          .filter((delivery) => delivery.verification !== "failed")
          .map((delivery) => ({
            kind: "callback" as const,
            id: event.id,
            state: event.state,
            providerTimestamp: event.providerTimestamp,
            receivedAt: delivery.receivedAt,
            outputUrl: outputUrlOf(event.id),
          })),
  );
}

export type PollReading = {
  id: string;
  outcome: string;
  state: JobState | null;
  providerTimestamp: Date | null;
  createdAt: Date;
  outputUrl: string | null;
};

/** A job's polls as observations: only answers the preset could read say anything about the job. */
export function pollObservations(polls: readonly PollReading[]): Observation[] {
  return polls
    .filter((poll) => poll.outcome === "succeeded")
    .map((poll) => ({
      kind: "poll" as const,
      id: poll.id,
      state: poll.state,
      providerTimestamp: poll.providerTimestamp,
      receivedAt: poll.createdAt,
      outputUrl: poll.outputUrl,
    }));
}
