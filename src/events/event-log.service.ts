import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PubSubEngine } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { nowIso } from '../common/time.js';
import { bulkInsert, type Insertable } from '../database/bulk-insert.js';
import type { UnitOfWork } from '../database/transaction.service.js';
import { EventEntity } from './event.entity.js';
import { redactPayload } from './payload-redaction.js';
import type { EventSubjectType, EventType } from '../vocabulary/vocabulary.js';

export const PUB_SUB = Symbol('PUB_SUB');
export const EVENTS_TOPIC = 'kemkollen.events';

/**
 * PostgreSQL advisory lock key (with the schema's hash as the second key) that orders event
 * writers: see `append`.
 */
const EVENT_ORDER_LOCK = 1802200438;

export interface NewEvent {
  type: EventType;
  subjectType: EventSubjectType;
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
  private readonly logger = new Logger(EventLogService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /**
   * Appends the event inside the write's transaction.
   *
   * Events become visible in `seq` order, so a reader that has seen seq N never later finds a
   * smaller one (what lets subscribers resume by cursor without gaps). On PostgreSQL two
   * transactions could otherwise commit out of seq order (11 visible before 10): each one takes a
   * transaction-level advisory lock before its `seq` is drawn and keeps it until commit or
   * rollback, so event-writing transactions commit one after the other from here on (writes stay
   * parallel up to this point; services append their event last). SQLite has one writer at a time.
   */
  async append(uow: UnitOfWork, actor: Principal | null, event: NewEvent): Promise<EventEntity> {
    await this.takeOrderLock(uow);
    const saved = await uow.manager.save(
      EventEntity,
      uow.manager.create(EventEntity, this.row(actor, event, nowIso())),
    );
    uow.afterCommit(() => this.notify(saved.seq));
    return saved;
  }

  /**
   * Appends several events inside the write's transaction, their `seq`s in the order given, as one
   * bulk insert: for writes that make thousands of events at once (an import). The rules of `append`
   * hold: payloads are redacted, the ordering lock is taken first, and subscribers are notified once,
   * after commit.
   */
  async appendMany(uow: UnitOfWork, actor: Principal | null, events: readonly NewEvent[]): Promise<void> {
    if (!events.length) return;
    await this.takeOrderLock(uow);
    const now = nowIso();
    await bulkInsert<EventEntity, 'seq'>(
      uow.manager,
      EventEntity,
      events.map((event) => this.row(actor, event, now)),
    );
    const [{ head }] = (await uow.manager.query('SELECT MAX(seq) AS head FROM events')) as Array<{ head: unknown }>;
    uow.afterCommit(() => this.notify(Number(head)));
  }

  /**
   * On PostgreSQL, the transaction-level advisory lock that makes event writers commit in `seq`
   * order (see `append`); held until commit or rollback, and taken again at no cost.
   */
  private async takeOrderLock(uow: UnitOfWork): Promise<void> {
    if (this.dataSource.options.type === 'postgres')
      await uow.manager.query(`SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK}, hashtext(current_schema()))`);
  }

  /** The stored form of an event: its actor, the time, and the payload as redacted JSON. */
  private row(actor: Principal | null, event: NewEvent, occurredAt: string): Insertable<EventEntity, 'seq'> {
    return {
      type: event.type,
      occurredAt,
      actorPrincipalId: actor?.principalId ?? null,
      actorOrganisationId: actor?.organisationId ?? event.actorOrganisationId ?? null,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      followUpId: event.followUpId ?? null,
      payload: event.payload ? JSON.stringify(redactPayload(event.payload)) : null,
    };
  }

  /** Tells subscribers (of every instance, with Redis) that the log has grown. Never fails the write. */
  private async notify(seq: number): Promise<void> {
    try {
      await this.pubSub.publish(EVENTS_TOPIC, { seq });
    } catch (error) {
      this.logger.warn(
        `event ${seq} is committed but its notification failed (${(error as Error).message}); subscribers read it at their next poll`,
      );
    }
  }
}
