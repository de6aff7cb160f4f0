// Checks on what we learned about one job, in the order we learned it: the mistakes a
// receiver trips over (a second terminal callback, a completion without its output, a
// state that goes back, callbacks that overtake each other). They read a list of
// observations rather than events so that polls of the provider's status API can join
// the callbacks later; the checks that are about what the provider *sent* look at
// callbacks only.
import { isTerminalState, type JobState } from "@/lib/job-states/constants";
import { jobStateRank } from "./state-machine";

export type ObservationKind = "callback" | "poll";

/** One thing we learned about a job: one delivery of a callback, or one poll. */
export type Observation = {
  kind: ObservationKind;
  /** The event of a callback (every delivery of one event shares it), or the poll's id. */
  id: string;
  state: JobState | null;
  providerTimestamp: Date | null;
  receivedAt: Date;
  outputUrl: string | null;
};

export type ObservationRef = { kind: ObservationKind; id: string };
/** One problem, as text with the observations it is about in place (for links). */
export type Finding = { parts: Array<string | ObservationRef> };

export type CheckId = "duplicate-terminal" | "output-url" | "state-regression" | "arrival-order";
export type CheckOutcome = "pass" | "warn" | "skipped";
export type CheckResult = {
  id: CheckId;
  title: string;
  outcome: CheckOutcome;
  note: string;
  findings: Finding[];
};

export type SequenceCheckOptions = {
  /** Whether this provider's completed callbacks name an output URL at all. */
  expectsOutputUrl: boolean;
};

export function checkSequence(
  observations: readonly Observation[],
  options: SequenceCheckOptions,
): CheckResult[] {
  const arrived = [...observations].sort(byArrival);
  return [
    checkDuplicateTerminal(arrived),
    checkOutputUrl(arrived, options),
    checkStateRegression(arrived),
    checkArrivalOrder(arrived),
  ];
}

function byArrival(a: Observation, b: Observation): number {
  return a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id);
}

const refOf = (observation: Observation): ObservationRef => ({
  kind: observation.kind,
  id: observation.id,
});

function result(id: CheckId, title: string, findings: Finding[], passNote: string): CheckResult {
  return findings.length > 0
    ? { id, title, outcome: "warn", note: "", findings }
    : { id, title, outcome: "pass", note: passNote, findings };
}

function skipped(id: CheckId, title: string, note: string): CheckResult {
  return { id, title, outcome: "skipped", note, findings: [] };
}

/**
 * A receiver that acts on "done" acts twice when the provider says it twice: as two
 * callbacks, or as one callback delivered again.
 */
function checkDuplicateTerminal(arrived: Observation[]): CheckResult {
  const title = "One terminal callback";
  const byEvent = groupById(
    arrived.filter((o) => o.kind === "callback" && o.state !== null && isTerminalState(o.state)),
  );
  const findings: Finding[] = [];
  const firsts = [...byEvent.values()].flatMap((copies) => copies.slice(0, 1));
  if (firsts.length > 1) {
    findings.push({
      parts: [
        ...listed(firsts.map(refOf)),
        ` each report a terminal state (${firsts.map((o) => o.state).join(", ")})`,
      ],
    });
  }
  for (const copies of byEvent.values()) {
    const first = copies[0];
    if (first && copies.length > 1)
      findings.push({
        parts: [refOf(first), ` (${first.state}) was delivered ${copies.length} times`],
      });
  }
  return result(
    "duplicate-terminal",
    title,
    findings,
    "At most one callback reported a terminal state, and it arrived once.",
  );
}

function checkOutputUrl(arrived: Observation[], options: SequenceCheckOptions): CheckResult {
  const title = "Output URL on completion";
  if (!options.expectsOutputUrl)
    return skipped("output-url", title, "This provider's callbacks name no output URL.");
  const completed = groupById(arrived.filter((o) => o.state === "completed"));
  if (completed.size === 0) return skipped("output-url", title, "Nothing reported completed yet.");
  // Copies of one callback carry the same body: the first speaks for all.
  const findings = [...completed.values()].flatMap((copies) =>
    copies
      .slice(0, 1)
      .filter((o) => o.outputUrl === null)
      .map((o) => ({ parts: [refOf(o), " reports completed without an output URL"] })),
  );
  return result("output-url", title, findings, "Every completion names an output URL.");
}

/** The state's rank (lib/jobs/state-machine.ts); "unknown" says nothing about progress. */
function progressOf(state: JobState | null): number | null {
  if (state === null || state === "unknown" || state === "expected") return null;
  return jobStateRank(state);
}

/**
 * In arrival order, a state behind one already seen (e.g. processing after completed):
 * what a receiver that applies callbacks as they come would have gone back to.
 */
function checkStateRegression(arrived: Observation[]): CheckResult {
  const findings = new Findings();
  let furthest: { observation: Observation; progress: number } | null = null;
  for (const observation of arrived) {
    const progress = progressOf(observation.state);
    if (progress === null) continue;
    if (furthest && progress < furthest.progress) {
      findings.add(observation, furthest.observation, [
        refOf(observation),
        ` (${observation.state}) arrived after `,
        refOf(furthest.observation),
        ` (${furthest.observation.state})`,
      ]);
    } else if (!furthest || progress > furthest.progress) {
      furthest = { observation, progress };
    }
  }
  return result(
    "state-regression",
    "State only moved forward",
    findings.list,
    "In arrival order, no state went back (such as processing after completed).",
  );
}

/**
 * A callback that arrived after one the provider sent later. Only callbacks: a poll
 * arrives when we ask, not when the provider sent anything.
 */
function checkArrivalOrder(arrived: Observation[]): CheckResult {
  const title = "Arrived in provider order";
  const timed = arrived.filter(
    (o): o is Observation & { providerTimestamp: Date } =>
      o.kind === "callback" && o.providerTimestamp !== null,
  );
  if (new Set(timed.map((o) => o.id)).size < 2)
    return skipped("arrival-order", title, "Fewer than two callbacks carry a provider timestamp.");
  const findings = new Findings();
  let latest: (typeof timed)[number] | null = null;
  for (const observation of timed) {
    if (latest && observation.providerTimestamp < latest.providerTimestamp) {
      const gap = latest.providerTimestamp.getTime() - observation.providerTimestamp.getTime();
      findings.add(observation, latest, [
        refOf(observation),
        ` was sent ${formatGap(gap)} before `,
        refOf(latest),
        " but arrived after it",
      ]);
    } else if (!latest || observation.providerTimestamp > latest.providerTimestamp) {
      latest = observation;
    }
  }
  const untimed = new Set(
    arrived.filter((o) => o.kind === "callback" && o.providerTimestamp === null).map((o) => o.id),
  ).size;
  const passNote = "Callbacks arrived in the order of their provider timestamps.";
  return result(
    "arrival-order",
    title,
    findings.list,
    untimed > 0 ? `${passNote} ${untimed} without a timestamp could not be placed.` : passNote,
  );
}

/** Findings about pairs of observations, each pair once (copies of a callback repeat them). */
class Findings {
  readonly list: Finding[] = [];
  private readonly seen = new Set<string>();

  add(subject: Observation, other: Observation, parts: Finding["parts"]): void {
    const key = JSON.stringify([subject.kind, subject.id, other.kind, other.id]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ parts });
  }
}

/** "a, b and c" with the references in place. */
function listed(refs: ObservationRef[]): Finding["parts"] {
  return refs.flatMap((ref, index) =>
    index === 0 ? [ref] : [index === refs.length - 1 ? " and " : ", ", ref],
  );
}

/** Observations by kind and id, in order of their first arrival. */
function groupById(observations: Observation[]): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const observation of observations) {
    const key = `${observation.kind}:${observation.id}`;
    groups.set(key, [...(groups.get(key) ?? []), observation]);
  }
  return groups;
}

function formatGap(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
