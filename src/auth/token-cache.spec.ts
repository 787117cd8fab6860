import type { SqlReader } from '../database/read/sql-reader.js';
import type { EventFeedService, HeadListener } from '../events/event-feed.service.js';
import { Role } from './role.js';
import { TokenCache, type TokenRow } from './token-cache.js';

const row = (id: string): TokenRow => ({
  token_id: id,
  role: Role.READER,
  expires_at: null,
  revoked_at: null,
  principal_id: `p-${id}`,
  organisation_id: 'o',
  name: 'N',
  supplier_id: null,
});

/** A feed whose log growth the test reports, and a database whose events the test says are about tokens. */
async function harness(options: { ttlMs?: number; maxEntries?: number; head?: number; start?: boolean } = {}) {
  const listeners = new Set<HeadListener>();
  const queries: string[] = [];
  let tokenEvents: Array<[number, number]> = [];
  const feed = {
    readHead: async () => options.head ?? 10,
    listen: (l: HeadListener) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  } as unknown as EventFeedService;
  const reader = {
    all: async (sql: string, [from, to]: number[]) => {
      queries.push(sql.replace('seq > ?', `seq > ${from}`).replace('seq <= ?', `seq <= ${to}`));
      return tokenEvents.some(([seq]) => seq > from! && seq <= to!) ? [{ hit: 1 }] : [];
    },
  } as unknown as SqlReader;
  const cache = new TokenCache(reader, feed, options.ttlMs ?? 60_000, options.maxEntries);
  if (options.start !== false) await cache.ready();
  return {
    cache,
    queries,
    listeners,
    /** The log grew to `head`; `aboutTokens` lists events in it about a token or principal. */
    async grow(head: number, aboutTokens: number[] = []) {
      tokenEvents = [...tokenEvents, ...aboutTokens.map((seq) => [seq, seq] as [number, number])];
      for (const l of listeners) l(head);
      await new Promise((resolve) => setTimeout(resolve, 5));
    },
  };
}

describe('TokenCache', () => {
  it('keeps a valid row for its lifetime, then reads it again', async () => {
    const { cache } = await harness({ ttlMs: 30 });
    cache.set('h', row('a'), cache.current);
    expect(cache.get('h')).toEqual(row('a'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cache.get('h')).toBeUndefined();
  });

  it('does not keep a row read while the cache was emptied (it may predate a revocation)', async () => {
    const { cache } = await harness();
    const generation = cache.current;
    cache.clear();
    cache.set('h', row('a'), generation);
    expect(cache.get('h')).toBeUndefined();
    cache.set('h', row('a'), cache.current);
    expect(cache.get('h')).toEqual(row('a'));
  });

  it("keeps nothing until it has read the log's head and listens; then empties itself only for events about tokens", async () => {
    const { cache, queries, listeners, grow } = await harness({ start: false, head: 10 });
    cache.set('h', row('a'), cache.current);
    expect(cache.get('h')).toBeUndefined();
    expect(listeners.size).toBe(0);
    await cache.ready();
    expect(listeners.size).toBe(1);
    expect(cache.ready()).toBeNull();

    cache.set('h', row('a'), cache.current);
    await grow(12); // events 11 and 12, neither about a token
    expect(cache.get('h')).toEqual(row('a'));
    await grow(15, [14]); // 14 revoked a token
    expect(cache.get('h')).toBeUndefined();
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatch(/seq > 10 AND seq <= 12/);
    expect(queries[1]).toMatch(
      /seq > 12 AND seq <= 15 AND subject_type IN \('ApiToken', 'Principal'\) AND type NOT IN/,
    );
  });

  it('holds at most maxEntries tokens, dropping the oldest', async () => {
    const { cache } = await harness({ maxEntries: 2 });
    cache.set('a', row('a'), cache.current);
    cache.set('b', row('b'), cache.current);
    cache.set('c', row('c'), cache.current);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toEqual(row('c'));
  });

  it('stops listening and forgets everything on stop', async () => {
    const { cache, listeners } = await harness();
    cache.set('a', row('a'), cache.current);
    cache.stop();
    expect(listeners.size).toBe(0);
    expect(cache.get('a')).toBeUndefined();
  });
});
