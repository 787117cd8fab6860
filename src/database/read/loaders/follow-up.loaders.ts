import type { Principal } from '../../../auth/principal.js';
import { notFound } from '../../../common/errors/domain-error.js';
import type { WeightedLru } from '../cache/weighted-lru.js';
import type { GraphQLResolveInfo } from 'graphql';
import { type Loaders } from './loaders.js';
import { type Columns, columnsFor } from '../projection.js';
import { MEASUREMENT, SUBSTANCE } from '../projections.js';
import { placeholders } from '../sql-reader.js';
import { RequirementEntity } from '../../../requirements/requirement.entity.js';
import { SubstanceEntity } from '../../../substances/substance.entity.js';
import { EventEntity } from '../../../events/event.entity.js';
import { DeviationEntity } from '../../../follow-ups/deviation.entity.js';
import { canSee } from '../../../follow-ups/follow-up-access.js';
import {
  FollowUpEntity,
  FollowUpRequirementEntity,
  FollowUpCommentEntity,
} from '../../../follow-ups/follow-up.entity.js';
import { MeasurementEntity } from '../../../follow-ups/measurement.entity.js';
import { ReuseEntity } from '../../../follow-ups/reuse.entity.js';

/** A measurement as GraphQL reads it: with its substance (Measurement.substance is a plain field, see `withSubstances`). */
export type MeasurementWithSubstance = MeasurementEntity & { substance: SubstanceEntity };

/**
 * Attaches each measurement's substance. `Measurement.substance` is a plain field read from the
 * object, not a field resolver: a lookup lists a hundred measurements, and resolving each one's
 * substance through a resolver (guard, pipes, a promise per field) cost more than the rest of the
 * request (bench/report.md). Every path that returns measurements attaches them: the loader below
 * (one query for the substances of the whole batch) and the evaluation (AssessmentsService.gather).
 */
export function withSubstances(
  measurements: MeasurementEntity[],
  substances: Iterable<SubstanceEntity | null | Error>,
): MeasurementWithSubstance[] {
  const byId = new Map<string, SubstanceEntity>();
  for (const s of substances) if (s && !(s instanceof Error)) byId.set(s.id, s);
  return measurements.map((m) => Object.assign(m, { substance: byId.get(m.substanceId)! }));
}

/**
 * A follow-up's measurements, in position order, with their substances. Batched per request; the
 * rows come from the instance's cache when it holds them for this follow-up's version (see
 * ReadCaches: a version fixes the rows), else from one query for the batch's misses. Each request
 * gets its own objects (views over the cached rows, which are never changed).
 */
export function measurementsOf(
  loaders: Loaders,
  followUp: Pick<FollowUpEntity, 'id' | 'version'>,
  columns?: MeasurementColumns,
): Promise<MeasurementWithSubstance[]> {
  // Without a version (never the case for a follow-up read from the database) the cache is not used.
  const key = Number.isInteger(followUp.version) ? `${followUp.id}@${followUp.version}` : followUp.id;
  return measurementsLoader(loaders, columns).load(key);
}

/** The columns of the measurements and of their substances a selection reads (undefined: whole rows). */
export interface MeasurementColumns {
  measurement: Columns<MeasurementEntity>;
  substance: Columns<SubstanceEntity>;
}

/** The columns `FollowUp.measurements` needs for its selection (`info`). */
export const measurementColumns = (info: GraphQLResolveInfo): MeasurementColumns => ({
  measurement: columnsFor(info, MEASUREMENT),
  substance: columnsFor(info, SUBSTANCE, { child: 'substance' }),
});

/**
 * A cached row holds the same few strings as thousands of others (its follow-up's id, substance
 * ids, units, parts, methods, timestamps): keep one copy of each, so the cache's rows cost their
 * fields, not their text. A bounded table of the most recent strings; a miss only means a copy.
 */
const interned = new Map<string, string>();
const intern = <T extends string | null>(value: T): T => {
  if (value === null || value.length > 64) return value;
  const known = interned.get(value);
  if (known !== undefined) return known as T;
  if (interned.size >= 20_000) interned.clear();
  interned.set(value, value);
  return value;
};

function compact(m: MeasurementEntity, followUpId: string): MeasurementEntity {
  m.followUpId = followUpId;
  m.substanceId = intern(m.substanceId);
  m.part = intern(m.part);
  m.partKey = intern(m.partKey);
  m.unit = intern(m.unit);
  m.analyticalMethod = intern(m.analyticalMethod);
  m.createdAt = intern(m.createdAt);
  return m;
}

/**
 * The heap a cached measurement row takes, estimated from its shape: the object (a header and 13
 * fields, 128 bytes), its id (a string of its own), 16 bytes for each number that is not a small
 * integer, the text of strings too long to be interned, and the list's slot. Calibrated against V8
 * (200,000 rows of the benchmark's dataset held as the cache holds them: 217 bytes a row measured,
 * 224 estimated); the estimate errs high, so the bound holds.
 */
export function measurementRowBytes(m: MeasurementEntity): number {
  const text = (s: string | null) => (s === null ? 0 : 16 + Math.ceil(s.length / 8) * 8);
  const number = (n: number | null) => (n === null || (Number.isInteger(n) && Math.abs(n) < 2 ** 30) ? 0 : 16);
  let bytes = 128 + 8 + text(m.id) + number(m.value) + number(m.loq) + number(m.uncertainty);
  for (const s of [m.part, m.partKey, m.analyticalMethod]) if (s !== null && s.length > 64) bytes += text(s);
  return bytes;
}

/**
 * One loader per column set: the rows a request reads for one selection are never handed to another.
 * The cache keeps whole rows only, so that whatever a later request selects, a hit has it: a batch
 * that will store rows (a follow-up version's second sight) reads them whole; the others, first
 * sights under uniform traffic (most reads), read only the selection's columns.
 */
const measurementsLoader = (loaders: Loaders, columns?: MeasurementColumns) =>
  loaders.get<MeasurementWithSubstance[]>(
    `followUp.measurements:${columns?.measurement?.join(',') ?? '*'}:${columns?.substance?.join(',') ?? '*'}`,
    (keys) => loadMeasurements(loaders, keys, columns),
  );

async function loadMeasurements(
  loaders: Loaders,
  keys: readonly string[],
  columns: MeasurementColumns | undefined,
): Promise<MeasurementWithSubstance[][]> {
  const cache = loaders.caches.measurements as WeightedLru<readonly MeasurementEntity[]>;
  const rowsByKey = new Map<string, readonly MeasurementEntity[]>();
  const missing = new Map<string, string[]>(); // follow-up id → its keys
  for (const key of keys) {
    const cached = key.includes('@') ? cache.get(key) : undefined;
    if (cached) rowsByKey.set(key, cached);
    else {
      const id = key.split('@')[0]!;
      missing.set(id, [...(missing.get(id) ?? []), key]);
    }
  }
  const substances = new Map<string, SubstanceEntity>();
  if (missing.size) {
    // Admission is decided before the read: what is stored is read whole.
    const admitted = new Set<string>();
    for (const list of missing.values())
      for (const key of list) if (key.includes('@') && cache.admits(key)) admitted.add(key);
    // The missed rows with their substances, in one statement.
    const ids = [...missing.keys()];
    const pairs = await loaders.reader.pairs(
      { entity: MeasurementEntity, alias: 'm', columns: admitted.size ? undefined : columns?.measurement },
      { entity: SubstanceEntity, alias: 's', columns: columns?.substance },
      `FROM measurements m INNER JOIN substances s ON s.id = m.substance_id WHERE m.follow_up_id IN (${placeholders(ids.length)}) ORDER BY m.follow_up_id ASC, m.position ASC`,
      ids,
    );
    const byFollowUp = new Map<string, MeasurementEntity[]>(ids.map((id) => [id, []]));
    for (const [m, substance] of pairs) {
      byFollowUp.get(m.followUpId)!.push(m);
      if (!substances.has(substance.id)) substances.set(substance.id, substance);
    }
    for (const [id, list] of byFollowUp) {
      for (const key of missing.get(id)!) {
        rowsByKey.set(key, list);
        if (admitted.has(key)) {
          const rows = list.map((m) => compact(m, id));
          cache.set(
            key,
            rows,
            rows.reduce((sum, m) => sum + measurementRowBytes(m), 64),
          );
        }
      }
    }
  }
  // The substances of rows served from the cache (substances change: they are read per request).
  const substanceIds = new Set<string>();
  for (const list of rowsByKey.values())
    for (const m of list) if (!substances.has(m.substanceId)) substanceIds.add(m.substanceId);
  const bySubstanceId = loaders.byId(SubstanceEntity, columns?.substance);
  for (const s of substances.values()) bySubstanceId.prime(s.id, s);
  if (substanceIds.size)
    for (const s of await bySubstanceId.loadMany([...substanceIds]))
      if (s && !(s instanceof Error)) substances.set(s.id, s);
  // Each request reads the shared rows through objects of its own, shallow copies with the
  // substance added, so whatever a resolver might set lands on the copy, never on the cached row.
  // A copy, not a view with the row as its prototype: every view would have a map of its own (and
  // V8 turns an object into a slow prototype once it is one), so reading its fields was megamorphic
  // and cost three times the copy (bench/report.md, the profile).
  return keys.map((key) =>
    rowsByKey.get(key)!.map((m) => ({ ...m, substance: substances.get(m.substanceId)! }) as MeasurementWithSubstance),
  );
}

export const deviationsLoader = (loaders: Loaders) => loaders.children(DeviationEntity, 'followUpId', 'created_at ASC');

export const reusesLoader = (loaders: Loaders) => loaders.children(ReuseEntity, 'followUpId', 'created_at ASC');

export const historyLoader = (loaders: Loaders) => loaders.children(EventEntity, 'followUpId', 'seq ASC');

/** followUpId → the supplier's comments, oldest first. */
export const commentsLoader = (loaders: Loaders) =>
  loaders.children(FollowUpCommentEntity, 'followUpId', 'created_at ASC');

export const followUpRequirementsLoader = (loaders: Loaders) =>
  loaders.linked(
    'followUp.requirements',
    FollowUpRequirementEntity,
    'followUpId',
    'requirementId',
    RequirementEntity,
    (a, b) => a.code.localeCompare(b.code),
  );

/** A follow-up reached through a relation, under the same visibility rule as a top-level lookup. */
export async function loadVisibleFollowUp(
  loaders: Loaders,
  id: string,
  viewer: Principal | null,
): Promise<FollowUpEntity> {
  const followUp = await loaders.byId(FollowUpEntity).load(id);
  if (!followUp || !canSee(viewer, followUp)) throw notFound('FollowUp', id);
  return followUp;
}
