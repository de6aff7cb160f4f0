// Group commit for ingest: callbacks that arrive while earlier ones are being written
// wait together and are then written as one group (lib/ingest/mutations.ts: one
// transaction, one commit for the group, its members answered only after it). Nobody
// waits on a timer: a callback that finds a free slot starts a group at once (after the
// current turn of the event loop, so callbacks read in the same turn join it); when every
// slot is busy it joins the queue, which the next slot to free up takes as its group.
// At low traffic a group is one callback; under load groups grow by themselves.
// Each member is answered with its own outcome: the writer reports one per member, so
// one refused or broken callback fails only itself.

/** One outcome per member, in the members' order. */
export type GroupWriter<T, R> = (members: T[]) => Promise<Array<PromiseSettledResult<R>>>;

export type GroupLimits<T> = {
  /** The most members one group takes; the rest wait for the next. */
  maxMembers: number;
  /** The most groups being written at once. */
  maxInFlight: number;
  /**
   * The most bytes (by `sizeOf`) one group takes, unless its first member alone is
   * larger: a group is written by one statement, which holds all of it at once.
   */
  maxBytes: number;
  sizeOf: (item: T) => number;
};

type Waiting<T, R> = { item: T; resolve: (value: R) => void; reject: (reason: unknown) => void };

export class CommitGroups<T, R> {
  private queue: Array<Waiting<T, R>> = [];
  private inFlight = 0;
  private startScheduled = false;

  constructor(
    private readonly write: GroupWriter<T, R>,
    private readonly limits: GroupLimits<T>,
  ) {}

  /** Settles once the group this item joined is written, with this item's own outcome. */
  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.scheduleStart();
    });
  }

  private scheduleStart(): void {
    if (this.startScheduled || this.queue.length === 0) return;
    if (this.inFlight >= this.limits.maxInFlight) return;
    this.startScheduled = true;
    setImmediate(() => {
      this.startScheduled = false;
      this.startGroup();
    });
  }

  private startGroup(): void {
    if (this.queue.length === 0 || this.inFlight >= this.limits.maxInFlight) return;
    const members = this.queue.splice(0, this.membersOfNextGroup());
    this.inFlight++;
    this.write(members.map((member) => member.item))
      .then(
        (outcomes) =>
          members.forEach((member, index) => {
            const outcome = outcomes[index];
            if (outcome?.status === "fulfilled") member.resolve(outcome.value);
            else
              member.reject(
                outcome ? outcome.reason : new Error("the group writer reported no outcome"),
              );
          }),
        (error: unknown) => members.forEach((member) => member.reject(error)),
      )
      .finally(() => {
        this.inFlight--;
        this.scheduleStart();
      });
    // More were waiting than one group takes: another slot may take them now.
    this.scheduleStart();
  }

  /** How many of the waiting the next group takes: at least one, within both limits. */
  private membersOfNextGroup(): number {
    const { maxMembers, maxBytes, sizeOf } = this.limits;
    let count = 0;
    let bytes = 0;
    for (const { item } of this.queue) {
      bytes += sizeOf(item);
      if (count === maxMembers || (count > 0 && bytes > maxBytes)) break;
      count++;
    }
    return count;
  }
}
