/** Reads every event with `after < seq ≤ upTo`, oldest first. */
export type StretchReader<T extends { seq: number }> = (after: number, upTo: number) => Promise<readonly T[]>;

interface Stretch<T> {
  after: number;
  upTo: number;
  rows: Promise<readonly T[]>;
}

/**
 * The last few stretches of the log read for live subscribers, so that all the streams woken by
 * one growth of the head share one read instead of querying once each.
 *
 * A stretch is kept as its promise from the moment the read starts: callers that come while it
 * runs wait for the same read. A caller whose stretch lies inside a kept one (`after` not below
 * it, `upTo` not above it: e.g. a stream that stopped at a full page and reads the rest) gets
 * those rows without a read. A failed read is forgotten at once, so the next caller tries again.
 * Only the newest `capacity` stretches are kept.
 *
 * Nothing here judges how old a kept stretch is, and nothing needs to: streams ask for a stretch
 * ending at the newest head they know, and every change that a kept row depends on (a follow-up,
 * the requirements it checked, its product) is itself an event, which moves the head; from the
 * moment the feed reports it, streams ask for stretches ending at the new head. So a kept stretch
 * answers as a read made now would, up to the moment the newest event is noticed, which a read
 * per stream cannot do better than either.
 */
export class EventStretchCache<T extends { seq: number }> {
  private readonly stretches: Array<Stretch<T>> = [];

  constructor(
    private readonly readStretch: StretchReader<T>,
    private readonly capacity = 16,
  ) {}

  /** The events with `after < seq ≤ upTo`, oldest first. The array is shared: do not change it. */
  read(after: number, upTo: number): Promise<readonly T[]> {
    for (let i = this.stretches.length - 1; i >= 0; i--) {
      const kept = this.stretches[i]!;
      if (kept.after === after && kept.upTo === upTo) return kept.rows;
      if (kept.after <= after && kept.upTo >= upTo)
        return kept.rows.then((rows) => rows.filter((r) => r.seq > after && r.seq <= upTo));
    }
    const stretch: Stretch<T> = { after, upTo, rows: this.readStretch(after, upTo) };
    this.stretches.push(stretch);
    if (this.stretches.length > this.capacity) this.stretches.shift();
    stretch.rows.catch(() => {
      const at = this.stretches.indexOf(stretch);
      if (at >= 0) this.stretches.splice(at, 1);
    });
    return stretch.rows;
  }

  /** How many stretches are kept (for tests). */
  get size(): number {
    return this.stretches.length;
  }
}
