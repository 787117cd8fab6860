import { In } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../common/errors/domain-error.js';
import { type Loaders } from '../common/loaders.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { DeviationEntity } from './deviation.entity.js';
import { canSee } from './follow-up-access.js';
import { FollowUpEntity, FollowUpRequirementEntity } from './follow-up.entity.js';
import { MeasurementEntity } from './measurement.entity.js';
import { ReuseEntity } from './reuse.entity.js';

export const measurementsLoader = (loaders: Loaders) =>
  loaders.grouped('followUp.measurements', (ids) => loaders.dataSource.getRepository(MeasurementEntity).find({ where: { followUpId: In([...ids]) }, order: { position: 'ASC' } }), (m) => m.followUpId);

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
