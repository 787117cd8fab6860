import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSub } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { nowIso } from '../common/time.js';
import type { UnitOfWork } from '../database/transaction.service.js';
import { EventEntity } from './event.entity.js';

export const PUB_SUB = Symbol('PUB_SUB');
export const EVENTS_TOPIC = 'kemkollen.events';

export interface NewEvent {
  type: string;
  subjectType: string;
  subjectId: string;
  followUpId?: string | null;
  /** Changed field names and non-confidential values. */
  payload?: Record<string, unknown>;
  /** For events without a principal (seeding, imports): the organisation they act for. */
  actorOrganisationId?: string | null;
}

/**
 * The append-only event log. Every mutation appends its event inside its own transaction, so an
 * event exists exactly when the change does; it is published to subscribers only after commit.
 */
@Injectable()
export class EventLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
  ) {}

  async append(uow: UnitOfWork, actor: Principal | null, event: NewEvent): Promise<EventEntity> {
    const entity = uow.manager.create(EventEntity, {
      type: event.type,
      occurredAt: nowIso(),
      actorPrincipalId: actor?.principalId ?? null,
      actorOrganisationId: actor?.organisationId ?? event.actorOrganisationId ?? null,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      followUpId: event.followUpId ?? null,
      payload: event.payload ? JSON.stringify(event.payload) : null,
    });
    const saved = await uow.manager.save(EventEntity, entity);
    uow.afterCommit(() => this.pubSub.publish(EVENTS_TOPIC, { seq: saved.seq }));
    return saved;
  }

  /** A follow-up's history, oldest first. */
  forFollowUp(followUpId: string): Promise<EventEntity[]> {
    return this.dataSource.getRepository(EventEntity).find({ where: { followUpId }, order: { seq: 'ASC' } });
  }
}
