import { EventStretchCache } from './event-stretch-cache.js';

/** A log of seqs 1..100 whose reads the test counts, and can hold or fail. */
class FakeStretchReader {
  readonly reads: Array<[number, number]> = [];
  failNext = false;
  private held: Array<() => void> = [];
  holding = false;

  readonly read = async (after: number, upTo: number) => {
    this.reads.push([after, upTo]);
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database unreachable');
    }
    return Array.from({ length: upTo - after }, (_, i) => ({ seq: after + i + 1 }));
  };

  release(): void {
    this.holding = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

const seqs = (rows: readonly { seq: number }[]) => rows.map((r) => r.seq);

describe('EventStretchCache: one read per stretch of the log, shared', () => {
  it('gives concurrent callers of one stretch the same read', async () => {
    const log = new FakeStretchReader();
    log.holding = true;
    const sut = new EventStretchCache(log.read);
    const pending = Array.from({ length: 50 }, () => sut.read(10, 12));
    log.release();
    const pages = await Promise.all(pending);
    expect(log.reads).toEqual([[10, 12]]);
    expect(pages.every((p) => p === pages[0])).toBe(true);
    expect(seqs(pages[0]!)).toEqual([11, 12]);
  });

  it('keeps a finished read for callers that come later with the same stretch', async () => {
    const log = new FakeStretchReader();
    const sut = new EventStretchCache(log.read);
    await sut.read(10, 12);
    expect(seqs(await sut.read(10, 12))).toEqual([11, 12]);
    expect(log.reads).toHaveLength(1);
  });

  it('answers a stretch inside a kept one from it (the rest after a full page), exactly that stretch', async () => {
    const log = new FakeStretchReader();
    const sut = new EventStretchCache(log.read);
    await sut.read(10, 20);
    expect(seqs(await sut.read(15, 20))).toEqual([16, 17, 18, 19, 20]);
    expect(seqs(await sut.read(12, 14))).toEqual([13, 14]);
    expect(log.reads).toEqual([[10, 20]]);
  });

  it('reads a stretch that reaches beyond every kept one', async () => {
    const log = new FakeStretchReader();
    const sut = new EventStretchCache(log.read);
    await sut.read(10, 20);
    expect(seqs(await sut.read(10, 21))).toHaveLength(11);
    expect(seqs(await sut.read(9, 20))).toHaveLength(11);
    expect(log.reads).toEqual([
      [10, 20],
      [10, 21],
      [9, 20],
    ]);
  });

  it('forgets a failed read: its callers get the error, the next caller reads again', async () => {
    const log = new FakeStretchReader();
    log.failNext = true;
    log.holding = true;
    const sut = new EventStretchCache(log.read);
    const a = sut.read(10, 12);
    const b = sut.read(10, 12);
    log.release();
    await expect(a).rejects.toThrow('database unreachable');
    await expect(b).rejects.toThrow('database unreachable');
    expect(sut.size).toBe(0);
    expect(seqs(await sut.read(10, 12))).toEqual([11, 12]);
    expect(log.reads).toEqual([
      [10, 12],
      [10, 12],
    ]);
  });

  it('keeps only the newest stretches', async () => {
    const log = new FakeStretchReader();
    const sut = new EventStretchCache(log.read, 3);
    for (let head = 1; head <= 5; head++) await sut.read(head - 1, head);
    expect(sut.size).toBe(3);
    await sut.read(4, 5);
    await sut.read(0, 1);
    expect(log.reads.slice(5)).toEqual([[0, 1]]);
  });
});
