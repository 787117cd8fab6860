import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/configuration.js';
import { WeightedLru } from './weighted-lru.js';

/**
 * The instance's caches of reads that a version makes exact, shared by every request's Loaders.
 *
 * `measurements`: a follow-up's measurement rows under `<follow-up id>@<version>`. Every write that
 * changes a follow-up's measurements bumps its version in the same transaction: FollowUpWriter, the
 * only writer of measurements (ESLint refuses writes elsewhere), stores them with a new follow-up or
 * in `change`, which always increments the version. Versions only grow, so rows found under
 * the version a request has just read from the database are the rows the database holds for it:
 * the cache can serve them to any instance's reader without ever being invalidated, and a stale
 * entry is merely never asked for again. The follow-up itself is always read from the database;
 * only the measurement rows are reused (their substances are loaded per request).
 * Bounded in bytes by MEASUREMENT_CACHE_MB (0 turns it off), each entry weighed by
 * `measurementRowBytes`; an entry is admitted on the second sight of its follow-up version (see
 * WeightedLru's doorkeeper), so traffic spread evenly over many products does not churn it.
 */
/** How many follow-up versions seen once the doorkeeper remembers (about 60 bytes each). */
const DOORKEEPER_KEYS = 50_000;

@Injectable()
export class ReadCaches {
  /** No caching: for Loaders made outside the application (tests, scripts). */
  static readonly none = new ReadCaches();

  readonly measurements: WeightedLru<readonly object[]>;

  constructor(@Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    const bytes = config?.measurementCacheBytes ?? 0;
    this.measurements = new WeightedLru(bytes, bytes > 0 ? DOORKEEPER_KEYS : 0);
  }
}
