import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/configuration.js';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { OrganisationEntity } from '../../../organisations/organisation.entity.js';
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

  /**
   * Rows of tables whose rows never change once written, by id (frozen: shared by every request).
   * Organisations are only ever inserted (OrganisationsService.create, the seeds, the dataset
   * generator), never updated or deleted, so a row read once is the row for good and the lookup's
   * `organisation { name }` costs no statement after the first sight. A table joins this list only
   * if nothing updates it; one that gains an update path leaves it.
   */
  private readonly immutable: ReadonlyMap<EntityTarget<ObjectLiteral>, Map<string, object>>;

  constructor(@Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    this.immutable = new Map(config ? [[OrganisationEntity, new Map<string, object>()]] : []);
    const bytes = config?.measurementCacheBytes ?? 0;
    this.measurements = new WeightedLru(bytes, bytes > 0 ? DOORKEEPER_KEYS : 0);
  }

  /** The kept rows of `entity` by id, if its rows never change (else undefined: read each time). */
  immutableRows<T extends ObjectLiteral>(entity: EntityTarget<T>): ImmutableRows<T> | undefined {
    const rows = this.immutable.get(entity);
    return rows && new ImmutableRows<T>(rows as Map<string, T>);
  }
}

/** A view of the kept rows of one never-changing table, bounded in number (forgotten all at once). */
export class ImmutableRows<T extends ObjectLiteral> {
  static readonly MAX = 10_000;

  constructor(private readonly rows: Map<string, T>) {}

  get(id: string): T | undefined {
    return this.rows.get(id);
  }

  keep(id: string, row: T): void {
    if (this.rows.size >= ImmutableRows.MAX) this.rows.clear();
    this.rows.set(id, Object.freeze(row));
  }
}
