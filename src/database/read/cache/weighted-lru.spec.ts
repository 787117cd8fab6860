import { WeightedLru } from './weighted-lru.js';

describe('WeightedLru', () => {
  it('evicts the least recently used entries until the weight fits', () => {
    const lru = new WeightedLru<string>(10);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    expect(lru.get('a')).toBe('A'); // a is now the most recent
    lru.set('c', 'C', 4); // 12 > 10: b goes, not a
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.weight).toBe(8);
  });

  it('replaces an entry under the same key without counting it twice', () => {
    const lru = new WeightedLru<number>(10);
    lru.set('a', 1, 6);
    lru.set('a', 2, 6);
    expect(lru.get('a')).toBe(2);
    expect(lru.weight).toBe(6);
    expect(lru.size).toBe(1);
  });

  it('keeps nothing heavier than its capacity, and nothing at all with capacity 0', () => {
    const lru = new WeightedLru<number>(5);
    lru.set('big', 1, 6);
    expect(lru.get('big')).toBeUndefined();
    const none = new WeightedLru<number>(0);
    none.set('a', 1, 1);
    expect(none.get('a')).toBeUndefined();
    expect(none.size).toBe(0);
  });

  it('counts an empty value as weight 1 and tallies hits and misses', () => {
    const lru = new WeightedLru<number[]>(2);
    lru.set('a', [], 0);
    lru.set('b', [], 0);
    lru.set('c', [], 0);
    expect(lru.size).toBe(2);
    lru.get('c');
    lru.get('a');
    expect([lru.hits, lru.misses]).toEqual([1, 1]);
  });

  it('admits a value on its second sight only, with a doorkeeper', () => {
    const lru = new WeightedLru<string>(100, 3);
    expect(lru.admits('a')).toBe(false); // first sight: passes by
    expect(lru.admits('a')).toBe(true); // second: stored
    expect(lru.admits('b')).toBe(false);
    expect(lru.passedBy).toBe(2);
    expect(new WeightedLru<string>(100).admits('x')).toBe(true); // no doorkeeper: always
    expect(new WeightedLru<string>(0, 3).admits('x')).toBe(false); // capacity 0: never
  });

  it('forgets the keys seen once when its doorkeeper is full, and keeps the cache steady under one-off keys', () => {
    const lru = new WeightedLru<string>(10, 2);
    lru.admits('a');
    lru.admits('b');
    lru.admits('c'); // full: a and b forgotten
    expect(lru.admits('a')).toBe(false);
    // A cached entry survives any number of keys that are seen once.
    const cache = new WeightedLru<string>(4, 100);
    cache.set('hot', 'H', 4);
    for (let i = 0; i < 1000; i++) if (cache.admits(`cold-${i}`)) cache.set(`cold-${i}`, 'C', 4);
    expect(cache.get('hot')).toBe('H');
  });
});
