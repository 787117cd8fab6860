import type { EventFeedService } from './event-feed.service.js';

/**
 * Reads the matching events with `after < seq ≤ upTo`, oldest first, at most `limit`. It may
 * answer from a read shared with other streams (see EventStream), as long as it answers as of a
 * moment after `upTo` was committed.
 */
export type EventPageReader<T extends { seq: number }> = (after: number, upTo: number, limit: number) => Promise<T[]>;

/** Events read from the log per query, during a replay and live alike. */
export const EVENT_PAGE_SIZE = 100;

/**
 * One subscriber's view of the log: every matching committed event with a `seq` above its start,
 * each exactly once, in `seq` order, replayed and then live, with no seam between the two.
 *
 * How: the stream registers with the feed BEFORE it reads anything, so no growth of the log after
 * that moment goes unnoticed. It keeps `examined` (every event up to it has been read, delivered
 * or filtered out) and `head` (the newest committed seq it knows of). While `examined < head` it
 * reads the next page `examined < seq ≤ head` through its page reader; then it waits for the feed
 * to report a larger head. Replay and live are the same loop, reading the log by cursor: a
 * notification is only a wake-up, so a lost or duplicated one cannot cause a gap or a duplicate,
 * and `examined` only grows, so nothing is delivered twice. (That no event with a smaller seq can
 * still commit after a larger one is visible is EventLogService.append's job.)
 *
 * The feed tells all its streams of a new head at the same moment, and a stream that has caught
 * up has `examined` at the previous head: so the streams woken by one write all ask their reader
 * for the same stretch `(previous head, new head]`. FollowUpEventsService reads such a stretch
 * once for all of them and filters it per subscriber in memory.
 *
 * A failing read (the database unreachable) ends the subscription with an error; the client
 * subscribes again with its last cursor and misses nothing.
 *
 * It is a hand-written AsyncIterator rather than an async generator so that `return()` (the
 * client unsubscribed or disconnected) ends a pending `next()` at once instead of waiting for
 * the next event.
 */
export class EventStream<T extends { seq: number }> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private examined = 0;
  private head = 0;
  private waiter: (() => void) | null = null;
  private closed = false;
  private readonly unlisten: () => void;

  private constructor(
    private readonly read: EventPageReader<T>,
    feed: EventFeedService,
    private readonly pageSize: number,
  ) {
    this.unlisten = feed.listen((head) => this.advance(head));
  }

  /**
   * Opens a stream from `after` (a cursor: deliver what comes after it) or, when null, from the
   * log's current head (live only).
   */
  static async open<T extends { seq: number }>(
    feed: EventFeedService,
    read: EventPageReader<T>,
    after: number | null,
    pageSize = EVENT_PAGE_SIZE,
  ): Promise<EventStream<T>> {
    const stream = new EventStream(read, feed, pageSize);
    try {
      const head = await feed.readHead();
      stream.examined = after ?? head;
      stream.advance(head);
      return stream;
    } catch (error) {
      await stream.return();
      throw error;
    }
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      const event = this.queue.shift();
      if (event) return { done: false, value: event };
      if (this.examined < this.head) {
        await this.fill();
        continue;
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.queue.length = 0;
      this.unlisten();
      this.wakeUp();
    }
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private advance(head: number): void {
    if (head <= this.head) return;
    this.head = head;
    this.wakeUp();
  }

  private async fill(): Promise<void> {
    const upTo = this.head;
    const rows = await this.read(this.examined, upTo, this.pageSize);
    if (this.closed) return;
    this.queue.push(...rows);
    // A full page may have more behind it; otherwise everything up to `upTo` has been read.
    this.examined = rows.length === this.pageSize ? rows[rows.length - 1]!.seq : upTo;
  }

  private wakeUp(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}
