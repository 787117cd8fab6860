import { loadConfig } from './configuration.js';

describe('loadConfig: the measurement cache', () => {
  it('is sized in MiB of heap, 16 by default, 0 turning it off', () => {
    expect(loadConfig({}).measurementCacheBytes).toBe(16 * 2 ** 20);
    expect(loadConfig({ MEASUREMENT_CACHE_MB: '8' }).measurementCacheBytes).toBe(8 * 2 ** 20);
    expect(loadConfig({ MEASUREMENT_CACHE_MB: '0' }).measurementCacheBytes).toBe(0);
    expect(() => loadConfig({ MEASUREMENT_CACHE_MB: '-1' })).toThrow(
      /MEASUREMENT_CACHE_MB must be a non-negative integer/,
    );
  });

  it('refuses the earlier row bound with a sentence naming its replacement', () => {
    expect(() => loadConfig({ MEASUREMENT_CACHE_ROWS: '100000' })).toThrow(/set MEASUREMENT_CACHE_MB/);
  });
});

describe('loadConfig: the heap growing factor', () => {
  it('is 50 % by default, 0 leaving it to V8, at most 300 %', () => {
    expect(loadConfig({}).heapGrowingPercent).toBe(50);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '300' }).heapGrowingPercent).toBe(300);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: '301' })).toThrow(/HEAP_GROWING_PERCENT must be at most 300/);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: 'half' })).toThrow(/HEAP_GROWING_PERCENT must be a non-negative/);
  });
});
