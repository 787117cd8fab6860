import { In } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../common/errors/domain-error.js';
import { type Loaders } from '../common/loaders.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { DeviationEntity } from './deviation.entity.js';
import { canSee } from './follow-up-access.js';
import { FollowUpEntity, FollowUpRequirementEntity } from './follow-up.entity.js';
import { MeasurementEntity } from './measurement.entity.js';
import { ReuseEntity } from './reuse.entity.js';

/** A measurement as GraphQL reads it: with its substance (Measurement.substance is a plain field, see `withSubstances`). */
export type MeasurementWithSubstance = MeasurementEntity & { substance: SubstanceEntity };

/**
 * Attaches each measurement's substance. `Measurement.substance` is a plain field read from the
 * object, not a field resolver: a lookup lists a hundred measurements, and resolving each one's
 * substance through a resolver (guard, pipes, a promise per field) cost more than the rest of the
 * request (bench/report.md). Every path that returns measurements attaches them: the loader below
 * (one query for the substances of the whole batch) and the evaluation (EvaluationService.facts).
 */
export function withSubstances(measurements: MeasurementEntity[], substances: Iterable<SubstanceEntity | null | Error>): MeasurementWithSubstance[] {
  const byId = new Map<string, SubstanceEntity>();
  for (const s of substances) if (s && !(s instanceof Error)) byId.set(s.id, s);
  return measurements.map((m) => Object.assign(m, { substance: byId.get(m.substanceId)! }));
}

export const measurementsLoader = (loaders: Loaders) =>
  loaders.grouped(
    'followUp.measurements',
    async (ids) => {
      const rows = await loaders.dataSource.getRepository(MeasurementEntity).find({ where: { followUpId: In([...ids]) }, order: { position: 'ASC' } });
      return withSubstances(rows, await loaders.byId(SubstanceEntity).loadMany([...new Set(rows.map((m) => m.substanceId))]));
    },
    (m) => m.followUpId,
  );

export const deviationsLoader = (loaders: Loaders) =>
  loaders.grouped('followUp.deviations', (ids) => loaders.dataSource.getRepository(DeviationEntity).find({ where: { followUpId: In([...ids]) }, order: { createdAt: 'ASC' } }), (d) => d.followUpId);

export const reusesLoader = (loaders: Loaders) =>
  loaders.grouped('followUp.reuses', (ids) => loaders.dataSource.getRepository(ReuseEntity).find({ where: { followUpId: In([...ids]) }, order: { createdAt: 'ASC' } }), (r) => r.followUpId);

export const historyLoader = (loaders: Loaders) =>
  loaders.grouped('followUp.history', (ids) => loaders.dataSource.getRepository(EventEntity).find({ where: { followUpId: In([...ids]) }, order: { seq: 'ASC' } }), (e) => e.followUpId!);

export const followUpRequirementsLoader = (loaders: Loaders) =>
  loaders.linked('followUp.requirements', FollowUpRequirementEntity, 'followUpId', 'requirementId', RequirementEntity, (a, b) => a.code.localeCompare(b.code));

/** A follow-up reached through a relation, under the same visibility rule as a top-level lookup. */
export async function loadVisibleFollowUp(loaders: Loaders, id: string, viewer: Principal | null): Promise<FollowUpEntity> {
  const followUp = await loaders.byId(FollowUpEntity).load(id);
  if (!followUp || !canSee(viewer, followUp)) throw notFound('FollowUp', id);
  return followUp;
}
