import type { EventFeedService, HeadListener } from './event-feed.service.js';
import { EventStream } from './event-stream.js';

/** A log in memory and a feed the test drives by hand: `commit` appends, `notify` plays the PubSub. */
class FakeLog {
  readonly seqs: number[] = [];
  readonly listeners = new Set<HeadListener>();
  reads = 0;
  /** Runs inside readHead before it answers: what happens while the subscriber reads the head. */
  duringReadHead: (() => void) | null = null;

  get head(): number {
    return this.seqs.at(-1) ?? 0;
  }

  commit(...seqs: number[]): void {
    this.seqs.push(...seqs);
  }

  notify(head = this.head): void {
    for (const l of this.listeners) l(head);
  }

  feed(): EventFeedService {
    return {
      listen: (l: HeadListener) => {
        this.listeners.add(l);
        return () => this.listeners.delete(l);
      },
      readHead: async () => {
        const head = this.head;
        this.duringReadHead?.();
        return head;
      },
    } as unknown as EventFeedService;
  }

  reader(keep: (seq: number) => boolean = () => true) {
    return async (after: number, upTo: number, limit: number) => {
      this.reads++;
      return this.seqs
        .filter((s) => s > after && s <= upTo && keep(s))
        .slice(0, limit)
        .map((seq) => ({ seq }));
    };
  }
}

async function take(stream: EventStream<{ seq: number }>, n: number): Promise<number[]> {
  const out: number[] = [];
  while (out.length < n) {
    const r = await stream.next();
    if (r.done) break;
    out.push(r.value.seq);
  }
  return out;
}

describe('EventStream: replay, then live, by cursor', () => {
  it('replays what was committed after the cursor in pages, then continues live', async () => {
    const log = new FakeLog();
    log.commit(1, 2, 3, 4, 5);
    const sut = await EventStream.open(log.feed(), log.reader(), 1, 2);
    expect(await take(sut, 4)).toEqual([2, 3, 4, 5]);
    log.commit(6, 7);
    const live = take(sut, 2);
    log.notify();
    expect(await live).toEqual([6, 7]);
    await sut.return();
  });

  it('without a cursor delivers only what commits after it opened', async () => {
    const log = new FakeLog();
    log.commit(1, 2);
    const sut = await EventStream.open(log.feed(), log.reader(), null);
    log.commit(3);
    log.notify();
    expect(await take(sut, 1)).toEqual([3]);
    await sut.return();
  });

  it('loses nothing committed while it reads the head (it listens before it reads)', async () => {
    const log = new FakeLog();
    log.commit(1);
    log.duringReadHead = () => {
      log.commit(2, 3);
      log.notify();
    };
    const sut = await EventStream.open(log.feed(), log.reader(), 0);
    expect(await take(sut, 3)).toEqual([1, 2, 3]);
    await sut.return();
  });

  it('never delivers twice, whatever the notifications (late, repeated, lost)', async () => {
    const log = new FakeLog();
    const sut = await EventStream.open(log.feed(), log.reader(), 0, 3);
    log.commit(1, 2);
    log.notify();
    log.notify();
    log.notify(1);
    const first = await take(sut, 2);
    log.commit(3, 4, 5, 6, 7); // notification for 3..6 lost
    log.notify(7);
    log.notify(7);
    expect([...first, ...(await take(sut, 5))]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await sut.return();
  });

  it('moves its cursor past filtered-out events instead of reading them again', async () => {
    const log = new FakeLog();
    for (let s = 1; s <= 10; s++) log.commit(s);
    const sut = await EventStream.open(
      log.feed(),
      log.reader((s) => s % 5 === 0),
      0,
      2,
    );
    expect(await take(sut, 2)).toEqual([5, 10]);
    const readsAfterReplay = log.reads;
    log.commit(11, 12);
    log.notify();
    log.commit(15);
    const live = take(sut, 1);
    log.notify();
    expect(await live).toEqual([15]);
    expect(log.reads - readsAfterReplay).toBeLessThanOrEqual(2);
    await sut.return();
  });

  it('streams woken by one growth of the head all ask for the same stretch (what lets them share one read)', async () => {
    const log = new FakeLog();
    log.commit(1, 2);
    const asked: string[] = [];
    const reader = log.reader();
    const recording = (after: number, upTo: number, limit: number) => {
      asked.push(`${after}:${upTo}`);
      return reader(after, upTo, limit);
    };
    const live = [
      await EventStream.open(log.feed(), recording, null),
      await EventStream.open(log.feed(), recording, null),
    ];
    const replayed = await EventStream.open(log.feed(), recording, 0, 2);
    expect(await take(replayed, 2)).toEqual([1, 2]);
    asked.length = 0;

    log.commit(3, 4);
    log.notify();
    const all = [...live, replayed];
    expect(await Promise.all(all.map((s) => take(s, 2)))).toEqual([
      [3, 4],
      [3, 4],
      [3, 4],
    ]);
    expect(asked).toEqual(['2:4', '2:4', '2:4']);
    await Promise.all(all.map((s) => s.return()));
  });

  it('return() ends a pending next() at once and stops listening', async () => {
    const log = new FakeLog();
    const sut = await EventStream.open(log.feed(), log.reader(), 0);
    const pending = sut.next();
    await sut.return();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(log.listeners.size).toBe(0);
  });
});
