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
});
