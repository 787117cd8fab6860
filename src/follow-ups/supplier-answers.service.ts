import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertActsFor } from '../auth/ownership.js';
import type { Principal } from '../auth/principal.js';
import { assertAnswersFor } from '../auth/supplier-ownership.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { nowIso, todayIso } from '../common/time.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { DEVIATION_STATUS_RESOLVED } from '../vocabulary/vocabulary.js';
import { DeviationEntity } from './deviation.entity.js';
import { canSee } from './follow-up-access.js';
import { FollowUpCommentEntity, FollowUpEntity } from './follow-up.entity.js';
import { FollowUpWriter } from './follow-up-writer.js';

/**
 * The supplier in the loop (issue 19): its action plan on a deviation and the opening
 * organisation's decision on it, its comments beside a result, and its release of a full report.
 * Each is one transaction with its event (which the notifications are derived from).
 */
@Injectable()
export class SupplierAnswersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    private readonly writer: FollowUpWriter,
  ) {}

  /** The supplier proposes how and by when it corrects a deviation; a new proposal replaces an earlier one. */
  async respond(deviationId: string, actionPlan: string, dueDate: string, actor: Principal) {
    const plan = actionPlan.trim();
    if (!plan) throw badInput('actionPlan', 'must not be empty');
    if (dueDate < todayIso())
      throw badInput('dueDate', `${dueDate} is in the past; an action plan promises a date ahead`);
    return this.tx.run(async (uow) => {
      const d = await this.visibleDeviation(uow.manager, deviationId, actor);
      assertAnswersFor(actor, d.supplierId, 'respondToDeviation');
      if (DEVIATION_STATUS_RESOLVED[d.status]) throw conflict(`respondToDeviation: deviation ${d.id} is ${d.status}`);
      Object.assign(d, {
        actionPlan: plan,
        actionPlanDueDate: dueDate,
        actionPlanStatus: 'PROPOSED',
        actionPlanRejection: null,
        status: 'OPEN',
      } satisfies Partial<DeviationEntity>);
      await uow.manager.save(DeviationEntity, d);
      await this.deviationEvent(uow, actor, d, 'ACTION_PLAN_PROPOSED', { dueDate });
      return d;
    });
  }

  /** The opening organisation accepts the proposed plan: ACTION_PLAN_AGREED, due by the plan's date. */
  async accept(deviationId: string, actor: Principal) {
    return this.decide(deviationId, actor, 'acceptActionPlan', (d) => {
      d.actionPlanStatus = 'ACCEPTED';
      d.status = 'ACTION_PLAN_AGREED';
    });
  }

  /** The opening organisation rejects the proposed plan, saying why; the deviation stays OPEN. */
  async reject(deviationId: string, reason: string, actor: Principal) {
    const why = reason.trim();
    if (!why) throw badInput('reason', 'must say why the plan is rejected');
    return this.decide(deviationId, actor, 'rejectActionPlan', (d) => {
      d.actionPlanStatus = 'REJECTED';
      d.actionPlanRejection = why;
      d.status = 'OPEN';
    });
  }

  /** The supplier's reply beside a result, read by whoever sees the follow-up. */
  async comment(followUpId: string, text: string, actor: Principal) {
    const body = text.trim();
    if (!body) throw badInput('text', 'must not be empty');
    if (body.length > 20_000) throw badInput('text', 'must be at most 20000 characters');
    return this.tx.run(async (uow) => {
      const f = await this.visibleFollowUp(uow.manager, followUpId, actor);
      assertAnswersFor(actor, f.supplierId, 'commentOnFollowUp');
      const comment = uow.manager.create(FollowUpCommentEntity, {
        followUpId: f.id,
        supplierId: f.supplierId,
        principalId: actor.principalId,
        text: body,
      });
      await uow.manager.insert(FollowUpCommentEntity, comment);
      await this.events.append(uow, actor, {
        type: 'COMMENTED',
        subjectType: 'Comment',
        subjectId: comment.id,
        followUpId: f.id,
        payload: { supplierId: f.supplierId },
      });
      return comment;
    });
  }

  /** The supplier consents that the full report may be shared: its details become readable by all who see the follow-up. */
  async release(followUpId: string, actor: Principal) {
    return this.tx.run(async (uow) => {
      const f = await this.visibleFollowUp(uow.manager, followUpId, actor);
      assertAnswersFor(actor, f.supplierId, 'releaseReport');
      if (!f.requiresSupplierRelease)
        throw conflict(`releaseReport: follow-up ${f.id} does not wait for the supplier's release`);
      if (f.reportReleasedAt) throw conflict(`releaseReport: the report was released at ${f.reportReleasedAt}`);
      return this.writer.change(uow, actor, f, {
        columns: { reportReleasedAt: nowIso() },
        event: { type: 'REPORT_RELEASED', payload: { supplierId: f.supplierId } },
      });
    });
  }

  private async decide(
    deviationId: string,
    actor: Principal,
    what: 'acceptActionPlan' | 'rejectActionPlan',
    apply: (d: DeviationEntity) => void,
  ) {
    return this.tx.run(async (uow) => {
      const d = await this.visibleDeviation(uow.manager, deviationId, actor);
      assertActsFor(actor, d.organisationId, what);
      if (d.actionPlanStatus !== 'PROPOSED')
        throw conflict(
          `${what}: deviation ${d.id} has ${d.actionPlanStatus ? `a plan already ${d.actionPlanStatus}` : 'no action plan from the supplier'}`,
        );
      if (DEVIATION_STATUS_RESOLVED[d.status]) throw conflict(`${what}: deviation ${d.id} is ${d.status}`);
      apply(d);
      await uow.manager.save(DeviationEntity, d);
      await this.deviationEvent(
        uow,
        actor,
        d,
        what === 'acceptActionPlan' ? 'ACTION_PLAN_ACCEPTED' : 'ACTION_PLAN_REJECTED',
        { dueDate: d.actionPlanDueDate },
      );
      return d;
    });
  }

  private deviationEvent(
    uow: Parameters<EventLogService['append']>[0],
    actor: Principal,
    d: DeviationEntity,
    type: 'ACTION_PLAN_PROPOSED' | 'ACTION_PLAN_ACCEPTED' | 'ACTION_PLAN_REJECTED',
    payload: Record<string, unknown>,
  ) {
    return this.events.append(uow, actor, {
      type,
      subjectType: 'Deviation',
      subjectId: d.id,
      followUpId: d.followUpId,
      payload: { ...payload, supplierId: d.supplierId, organisationId: d.organisationId },
    });
  }

  private async visibleFollowUp(m: EntityManager, id: string, actor: Principal): Promise<FollowUpEntity> {
    const f = await m.findOneBy(FollowUpEntity, { id });
    if (!f || !canSee(actor, f)) throw notFound('FollowUp', id);
    if (f.status === 'RETRACTED') throw conflict(`follow-up ${id} is RETRACTED`);
    return f;
  }

  private async visibleDeviation(m: EntityManager, id: string, actor: Principal): Promise<DeviationEntity> {
    const d = await m.findOneBy(DeviationEntity, { id });
    const f = d && (await m.findOneBy(FollowUpEntity, { id: d.followUpId }));
    if (!d || !f || !canSee(actor, f)) throw notFound('Deviation', id);
    return d;
  }
}
