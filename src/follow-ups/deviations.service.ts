import { Injectable } from '@nestjs/common';
import { assertActsFor } from '../auth/ownership.js';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { nowIso } from '../common/time.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { DeviationEntity } from './deviation.entity.js';
import { canSee } from './follow-up-access.js';
import { FollowUpEntity } from './follow-up.entity.js';
import { lockFollowUp } from './follow-up-lock.js';
import { FollowUpWriter } from './follow-up-writer.js';
import type { OpenDeviationInput, UpdateDeviationInput } from './deviation.inputs.js';
import { DEVIATION_STATUS_RESOLVED } from '../vocabulary/vocabulary.js';

/**
 * Deviations: opened by the organisation that recorded the follow-up, or by one that relies on
 * it (against its own contract); changed and resolved only by the organisation that opened it.
 */
@Injectable()
export class DeviationsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    private readonly writer: FollowUpWriter,
  ) {}

  async open(input: OpenDeviationInput, actor: Principal): Promise<DeviationEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      // Its status may change below (CLOSED → COMPLETED), and closing counts deviations: one at a time.
      await lockFollowUp(manager, input.followUpId, 'UPDATE');
      const followUp = await manager.findOneBy(FollowUpEntity, { id: input.followUpId });
      if (!followUp || !canSee(actor, followUp))
        throw badInput('followUpId', `"${input.followUpId}": no follow-up you can see has this id`);
      if (followUp.status === 'RETRACTED') throw conflict(`openDeviation: follow-up ${followUp.id} is RETRACTED`);
      if (input.requirementId && !(await manager.existsBy(RequirementEntity, { id: input.requirementId }))) {
        throw badInput('requirementId', `"${input.requirementId}": no requirement has this id`);
      }
      let contractId =
        input.contractId ?? (followUp.organisationId === actor.organisationId ? followUp.contractId : null);
      if (contractId) {
        const contract = await manager.findOneBy(ContractEntity, { id: contractId });
        if (!contract) throw badInput('contractId', `"${contractId}": no contract has this id`);
        assertActsFor(actor, contract.organisationId, 'openDeviation on this contract');
        contractId = contract.id;
      }
      const entity = manager.create(DeviationEntity, {
        followUpId: followUp.id,
        organisationId: actor.organisationId,
        supplierId: followUp.supplierId,
        requirementId: input.requirementId ?? null,
        contractId,
        severity: input.severity,
        description: input.description.trim(),
        actionPlan: input.actionPlan?.trim() || null,
        dueDate: input.dueDate ?? null,
        status: 'OPEN',
        resolvedAt: null,
        resolution: null,
      });
      await manager.insert(DeviationEntity, entity);
      await this.events.append(uow, actor, {
        type: 'DEVIATION_OPENED',
        subjectType: 'Deviation',
        subjectId: entity.id,
        followUpId: followUp.id,
        payload: { severity: entity.severity, dueDate: entity.dueDate, requirementId: entity.requirementId },
      });
      // CLOSED means every deviation on it is resolved: a new one moves it back to COMPLETED (domain.md §11).
      if (followUp.status === 'CLOSED')
        await this.writer.change(uow, actor, followUp, {
          columns: { status: 'COMPLETED' },
          event: { type: 'UPDATED', payload: { status: 'COMPLETED', changed: ['status'], deviationId: entity.id } },
        });
      return entity;
    });
  }

  async update(id: string, input: UpdateDeviationInput, actor: Principal): Promise<DeviationEntity> {
    return this.tx.run(async (uow) => {
      const entity = await this.own(uow.manager, id, actor, 'updateDeviation');
      if (DEVIATION_STATUS_RESOLVED[entity.status])
        throw conflict(`updateDeviation: deviation ${id} is ${entity.status}`);
      if (input.severity !== undefined) entity.severity = input.severity;
      if (input.description !== undefined) entity.description = input.description.trim();
      if (input.actionPlan !== undefined) entity.actionPlan = input.actionPlan?.trim() || null;
      if (input.dueDate !== undefined) entity.dueDate = input.dueDate;
      if (input.status !== undefined) {
        if (input.status === 'ACTION_PLAN_AGREED' && !entity.actionPlan)
          throw badInput('status', 'ACTION_PLAN_AGREED needs an actionPlan');
        entity.status = input.status;
      }
      await uow.manager.save(DeviationEntity, entity);
      await this.events.append(uow, actor, {
        type: 'DEVIATION_UPDATED',
        subjectType: 'Deviation',
        subjectId: id,
        followUpId: entity.followUpId,
        payload: { ...input },
      });
      return entity;
    });
  }

  async resolve(id: string, resolution: string | null | undefined, actor: Principal): Promise<DeviationEntity> {
    return this.tx.run(async (uow) => {
      const entity = await this.own(uow.manager, id, actor, 'resolveDeviation');
      if (DEVIATION_STATUS_RESOLVED[entity.status])
        throw conflict(`resolveDeviation: deviation ${id} is already ${entity.status}`);
      entity.status = 'RESOLVED';
      entity.resolvedAt = nowIso();
      entity.resolution = resolution?.trim() || null;
      await uow.manager.save(DeviationEntity, entity);
      await this.events.append(uow, actor, {
        type: 'DEVIATION_RESOLVED',
        subjectType: 'Deviation',
        subjectId: id,
        followUpId: entity.followUpId,
        payload: { resolution: entity.resolution },
      });
      return entity;
    });
  }

  private async own(
    manager: import('typeorm').EntityManager,
    id: string,
    actor: Principal,
    what: string,
  ): Promise<DeviationEntity> {
    const entity = await manager.findOneBy(DeviationEntity, { id });
    if (!entity) throw notFound('Deviation', id);
    const followUp = await manager.findOneByOrFail(FollowUpEntity, { id: entity.followUpId });
    if (!canSee(actor, followUp)) throw notFound('Deviation', id);
    assertActsFor(actor, entity.organisationId, what);
    return entity;
  }
}
