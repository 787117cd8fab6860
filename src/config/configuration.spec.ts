import { loadConfig } from './configuration.js';

describe('loadConfig: the measurement cache', () => {
  it('is sized in MiB of heap, 32 by default, 0 turning it off', () => {
    expect(loadConfig({}).measurementCacheBytes).toBe(32 * 2 ** 20);
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
