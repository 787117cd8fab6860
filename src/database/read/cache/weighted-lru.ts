/**
 * A least-recently-used map bounded by the total weight of its entries (e.g. the bytes they hold),
 * not by their number: one follow-up with 300 measurements weighs as much as 300 with one. A
 * capacity of 0 keeps nothing. Counts hits and misses, for the benchmark report.
 *
 * With a doorkeeper (`doorkeeperKeys` > 0), a value is admitted only on the second sight of its key
 * among the last keys seen once (`admits`): under traffic spread evenly over far more keys than
 * fit (a region looking up its own products), an LRU that admits everything evicts an entry for
 * every miss and serves almost nothing from what it evicted for; the doorkeeper keeps the entries
 * that are asked for again and lets the one-off reads pass by without churning the cache.
 */
export class WeightedLru<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  /** Keys seen once and not yet admitted (the doorkeeper); forgotten all at once when full. */
  private readonly seenOnce = new Set<string>();
  private total = 0;
  hits = 0;
  misses = 0;
  /** Values offered and refused by the doorkeeper (first sight). */
  passedBy = 0;

  constructor(
    readonly capacity: number,
    readonly doorkeeperKeys = 0,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /**
   * Whether a value under `key` (just missed) is to be stored: never when the capacity is 0; always
   * without a doorkeeper; else on the key's second sight. Asking counts as a sight.
   */
  admits(key: string): boolean {
    if (this.capacity === 0) return false;
    if (this.doorkeeperKeys === 0 || this.seenOnce.delete(key)) return true;
    if (this.seenOnce.size >= this.doorkeeperKeys) this.seenOnce.clear();
    this.seenOnce.add(key);
    this.passedBy++;
    return false;
  }

  set(key: string, value: V, weight: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.weight;
    }
    const w = Math.max(1, weight);
    if (w > this.capacity) return;
    this.entries.set(key, { value, weight: w });
    this.total += w;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.capacity) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get weight(): number {
    return this.total;
  }

  clear(): void {
    this.entries.clear();
    this.seenOnce.clear();
    this.total = 0;
  }
}
