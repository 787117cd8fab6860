import { heapGrowingFlag } from './heap-policy.js';

describe('heapGrowingFlag', () => {
  it('sets the factor from HEAP_GROWING_PERCENT', () => {
    expect(heapGrowingFlag(50, [])).toBe('--heap-growing-percent=50');
  });

  it('leaves the factor to V8 with 0', () => {
    expect(heapGrowingFlag(0, [])).toBeNull();
  });

  it("leaves an operator's own flag alone, in either spelling", () => {
    expect(heapGrowingFlag(50, ['--heap-growing-percent=20'])).toBeNull();
    expect(heapGrowingFlag(50, ['--heap_growing_percent=20'])).toBeNull();
    expect(heapGrowingFlag(50, ['--max-old-space-size=512'])).toBe('--heap-growing-percent=50');
  });
});
