import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AssessmentsService } from '../assessments/assessments.service.js';
import { nowIso, todayIso } from '../common/time.js';
import { placeholders, SqlReader } from '../database/read/sql-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { dueBy } from '../evaluation/traffic-light.js';
import { canSee } from '../follow-ups/follow-up-access.js';
import {
  type EmailMode,
  FOLLOW_UP_EVENT_TYPES,
  type NotificationChannel,
  type NotificationReason,
  SEVERITY_DEMANDS_ACTION,
  type Severity,
  UNRESOLVED_DEVIATION_STATUSES,
  type Visibility,
} from '../vocabulary/vocabulary.js';
import { DeliveryEntity } from './notification.entities.js';
import {
  type FollowUpFacts,
  reasonOfEvent,
  type Recipient,
  reuseRecipients,
  viewerOf,
  type WatcherFacts,
  watcherRecipients,
} from './notification-rules.js';

/** Events read per step of a channel's cursor. */
const STEP = 200;
const DAY_MS = 86_400_000;

/** A notification before it is put on a channel: to whom, why, about what, under which key. */
export interface Notification extends Recipient {
  /** Unique per notification: the event (or the deviation and its date), the reason and the recipient. */
  key: string;
  eventSeq: number | null;
  followUpId: string | null;
  payload: Record<string, unknown>;
}

interface EventRow {
  seq: number;
  type: string;
  occurred_at: string;
  actor_principal_id: string | null;
  subject_type: string;
  subject_id: string;
  payload: string | null;
  f_id: string;
  f_visibility: Visibility;
  f_organisation_id: string;
  f_supplier_id: string;
  f_product_id: string | null;
}

interface Member {
  principalId: string;
  organisationId: string;
  supplierId: string | null;
  email: string | null;
  emailMode: EmailMode;
}

/**
 * Notifications derived from the event log, one cursor per channel (issue 19, item 4). A step reads
 * the events after the channel's cursor, works out who is told of what, and in one transaction
 * stores the channel's deliveries (unique idempotency keys: a repeated step adds nothing) and moves
 * the cursor on, only if no other instance moved it meanwhile. A crash before the commit loses
 * nothing (the cursor has not moved), one after it nothing either (the deliveries are stored).
 */
@Injectable()
export class NotificationDeriverService {
  private readonly logger = new Logger(NotificationDeriverService.name);

  constructor(
    private readonly reader: SqlReader,
    private readonly tx: TransactionService,
    private readonly assessments: AssessmentsService,
  ) {}

  /** Derives the channel's deliveries up to the log's head; returns how many events it read. */
  async derive(channel: NotificationChannel): Promise<number> {
    let read = 0;
    for (;;) {
      const step = await this.step(channel);
      read += step;
      if (step < STEP) return read;
    }
  }

  private async step(channel: NotificationChannel): Promise<number> {
    const cursor = Number(
      (await this.reader.one<{ seq: number }>('SELECT seq FROM notification_cursors WHERE channel = ?', [channel]))
        ?.seq ?? 0,
    );
    const types = FOLLOW_UP_EVENT_TYPES.filter((t) => reasonOfEvent(t, 'COMPLETED') || t === 'RETRACTED');
    // The head first, then the events up to it: the cursor never passes an event it did not read.
    const head = Number((await this.reader.one<{ head: number }>('SELECT MAX(seq) AS head FROM events'))?.head ?? 0);
    if (head <= cursor) return 0;
    const events = await this.reader.all<EventRow>(
      `SELECT e.seq AS seq, e.type AS type, e.occurred_at AS occurred_at, e.actor_principal_id AS actor_principal_id,
         e.subject_type AS subject_type, e.subject_id AS subject_id, e.payload AS payload, f.id AS f_id,
         f.visibility AS f_visibility, f.organisation_id AS f_organisation_id, f.supplier_id AS f_supplier_id,
         f.product_id AS f_product_id
       FROM events e JOIN follow_ups f ON f.id = e.follow_up_id
       WHERE e.seq > ? AND e.seq <= ? AND e.type IN (${placeholders(types.length)}) ORDER BY e.seq LIMIT ${STEP}`,
      [cursor, head, ...types],
    );
    const upTo = events.length === STEP ? Number(events.at(-1)!.seq) : head;
    const notifications: Notification[] = [];
    for (const e of events) notifications.push(...(await this.ofEvent(e)));
    await this.store(channel, notifications, { from: cursor, to: upTo });
    return events.length;
  }

  /**
   * Deviations due within 7 days or overdue, unresolved and demanding action, on follow-ups not
   * retracted: told once per deviation and state (the key names the date it was due by), to the
   * opening organisation's contract watchers and to those watching its supplier or product.
   */
  async sweepDeviations(channel: NotificationChannel, today = todayIso()): Promise<void> {
    const soon = new Date(Date.parse(today) + 7 * DAY_MS).toISOString().slice(0, 10);
    const rows = await this.reader.all<{
      id: string;
      organisation_id: string;
      severity: Severity;
      due_date: string | Date | null;
      action_plan_status: string | null;
      action_plan_due_date: string | Date | null;
      f_id: string;
      f_visibility: Visibility;
      f_organisation_id: string;
      f_supplier_id: string;
      f_product_id: string | null;
      description: string;
    }>(
      `SELECT d.id AS id, d.organisation_id AS organisation_id, d.severity AS severity, d.due_date AS due_date,
         d.action_plan_status AS action_plan_status, d.action_plan_due_date AS action_plan_due_date,
         d.description AS description, f.id AS f_id, f.visibility AS f_visibility,
         f.organisation_id AS f_organisation_id, f.supplier_id AS f_supplier_id, f.product_id AS f_product_id
       FROM deviations d JOIN follow_ups f ON f.id = d.follow_up_id
       WHERE d.status IN (${placeholders(UNRESOLVED_DEVIATION_STATUSES.length)}) AND f.status <> 'RETRACTED'
         AND (d.due_date <= ? OR d.action_plan_due_date <= ?)`,
      [...UNRESOLVED_DEVIATION_STATUSES, soon, soon],
    );
    const notifications: Notification[] = [];
    for (const d of rows) {
      const due = dueBy({
        dueDate: isoDay(d.due_date),
        actionPlanStatus: d.action_plan_status as 'ACCEPTED' | null,
        actionPlanDueDate: isoDay(d.action_plan_due_date),
      });
      if (!due || due > soon || !SEVERITY_DEMANDS_ACTION[d.severity]) continue;
      const reason: NotificationReason = due < today ? 'DEVIATION_OVERDUE' : 'DEVIATION_DUE';
      const f: FollowUpFacts = {
        id: d.f_id,
        visibility: d.f_visibility,
        organisationId: d.f_organisation_id,
        supplierId: d.f_supplier_id,
        productId: d.f_product_id,
        requirementIds: [],
      };
      const watchers = (await this.watchers(f)).filter(
        (w) => (w.kind === 'CONTRACTS' && w.targetId === d.organisation_id) || w.kind !== 'CONTRACTS',
      );
      for (const r of watcherRecipients(reason, f, watchers, null))
        notifications.push({
          ...r,
          key: `deviation:${d.id}:${due}:${reason}:${r.principalId}`,
          eventSeq: null,
          followUpId: f.id,
          payload: {
            deviationId: d.id,
            dueBy: due,
            description: d.description,
            followUpId: f.id,
            productId: f.productId,
            supplierId: f.supplierId,
          },
        });
    }
    await this.store(channel, notifications, null);
  }

  /** Who is told of one event, and why. */
  private async ofEvent(e: EventRow): Promise<Notification[]> {
    const payload = e.payload ? (JSON.parse(e.payload) as Record<string, unknown>) : {};
    const requirementIds = (
      await this.reader.all<{ requirement_id: string }>(
        'SELECT requirement_id FROM follow_up_requirements WHERE follow_up_id = ?',
        [e.f_id],
      )
    ).map((r) => r.requirement_id);
    const f: FollowUpFacts = {
      id: e.f_id,
      visibility: e.f_visibility,
      organisationId: e.f_organisation_id,
      supplierId: e.f_supplier_id,
      productId: e.f_product_id,
      requirementIds,
    };
    const watchers = await this.watchers(f);
    let recipients: Recipient[];
    if (e.type === 'RETRACTED') {
      const reuses = await this.reader.all<{ organisation_id: string; principal_id: string | null }>(
        'SELECT organisation_id, principal_id FROM reuses WHERE follow_up_id = ?',
        [f.id],
      );
      const members = await this.members(reuses.map((r) => r.principal_id).filter((p): p is string => Boolean(p)));
      recipients = reuseRecipients(
        f,
        reuses.map((r) => ({ organisationId: r.organisation_id, principalId: r.principal_id })),
        watchers,
        members,
        e.actor_principal_id,
      );
    } else {
      const reason = reasonOfEvent(e.type, typeof payload.status === 'string' ? payload.status : null);
      if (!reason) return [];
      recipients = watcherRecipients(reason, f, watchers, e.actor_principal_id);
      if (reason === 'FOLLOW_UP_COMPLETED' && f.productId)
        recipients.push(...(await this.contractFailures(f, watchers, e.actor_principal_id)));
    }
    const about = {
      event: { seq: Number(e.seq), type: e.type, occurredAt: e.occurred_at },
      followUpId: f.id,
      productId: f.productId,
      supplierId: f.supplierId,
      organisationId: f.organisationId,
    };
    return recipients.map((r) => ({
      ...r,
      key: `event:${e.seq}:${r.reason}:${r.principalId}`,
      eventSeq: Number(e.seq),
      followUpId: f.id,
      payload: about,
    }));
  }

  /**
   * CONTRACT_FAIL: a completed follow-up whose product now FAILs against a contract of a contract
   * watcher's organisation with the product's supplier (evaluateProduct, as the watcher would see it).
   */
  private async contractFailures(
    f: FollowUpFacts,
    watchers: readonly WatcherFacts[],
    actorPrincipalId: string | null,
  ): Promise<Recipient[]> {
    const told: Recipient[] = [];
    for (const w of watchers) {
      if (w.kind !== 'CONTRACTS' || !w.contractWithSupplier || w.principalId === actorPrincipalId) continue;
      const viewer = viewerOf(w);
      if (!canSee(viewer, f)) continue;
      const contracts = await this.reader.all<{ id: string }>(
        'SELECT id FROM contracts WHERE organisation_id = ? AND supplier_id = ?',
        [w.targetId, f.supplierId],
      );
      for (const c of contracts) {
        const evaluation = await this.assessments.evaluateProduct(f.productId!, c.id, viewer);
        if (evaluation.verdict === 'FAIL') {
          told.push({ principalId: w.principalId, reason: 'CONTRACT_FAIL' });
          break;
        }
      }
    }
    return told;
  }

  /** Every watch that may concern the follow-up, with its watcher. */
  private async watchers(f: FollowUpFacts): Promise<WatcherFacts[]> {
    const rows = await this.reader.all<{
      principal_id: string;
      kind: WatcherFacts['kind'];
      target_id: string;
      organisation_id: string;
      supplier_id: string | null;
      contract: number | boolean | null;
    }>(
      `SELECT w.principal_id AS principal_id, w.kind AS kind, w.target_id AS target_id,
         p.organisation_id AS organisation_id, o.supplier_id AS supplier_id,
         (SELECT 1 FROM contracts c WHERE c.organisation_id = w.target_id AND c.supplier_id = ? LIMIT 1) AS contract
       FROM watches w JOIN principals p ON p.id = w.principal_id JOIN organisations o ON o.id = p.organisation_id
       WHERE (w.kind = 'PRODUCT' AND w.target_id = ?) OR (w.kind = 'SUPPLIER' AND w.target_id = ?)
         OR (w.kind = 'REQUIREMENT' AND w.target_id IN (SELECT requirement_id FROM follow_up_requirements WHERE follow_up_id = ?))
         OR w.kind = 'CONTRACTS'`,
      [f.supplierId, f.productId ?? '', f.supplierId, f.id],
    );
    return rows.map((r) => ({
      principalId: r.principal_id,
      kind: r.kind,
      targetId: r.target_id,
      organisationId: r.organisation_id,
      supplierId: r.supplier_id,
      contractWithSupplier: Boolean(r.contract),
    }));
  }

  private async members(principalIds: readonly string[]): Promise<Map<string, Member>> {
    const ids = [...new Set(principalIds)];
    if (!ids.length) return new Map();
    const rows = await this.reader.all<{
      id: string;
      organisation_id: string;
      supplier_id: string | null;
      email: string | null;
      email_mode: EmailMode | null;
    }>(
      `SELECT p.id AS id, p.organisation_id AS organisation_id, o.supplier_id AS supplier_id, p.email AS email,
         s.email_mode AS email_mode
       FROM principals p JOIN organisations o ON o.id = p.organisation_id
       LEFT JOIN notification_settings s ON s.principal_id = p.id
       WHERE p.id IN (${placeholders(ids.length)})`,
      ids,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          principalId: r.id,
          organisationId: r.organisation_id,
          supplierId: r.supplier_id,
          email: r.email,
          emailMode: r.email_mode ?? 'IMMEDIATE',
        },
      ]),
    );
  }

  /**
   * Puts notifications on a channel: an e-mail to a member with an address (unless its mode is OFF;
   * DAILY_DIGEST keeps it for the digest), a delivery to each of the recipient's enabled webhooks
   * that takes the reason. With `cursor`, moves the channel's cursor in the same transaction.
   */
  private async store(
    channel: NotificationChannel,
    notifications: readonly Notification[],
    cursor: { from: number; to: number } | null,
  ): Promise<void> {
    const members = await this.members(notifications.map((n) => n.principalId));
    const webhooks =
      channel === 'WEBHOOK' && notifications.length
        ? await this.reader.all<{ id: string; principal_id: string; events: string }>(
            `SELECT id, principal_id, events FROM webhooks WHERE enabled = ${this.tx.isSqlite ? 1 : 'TRUE'} AND principal_id IN (${placeholders(members.size || 1)})`,
            members.size ? [...members.keys()] : [''],
          )
        : [];
    const now = nowIso();
    const rows: Array<Partial<DeliveryEntity>> = [];
    const row = (n: Notification, key: string, webhookId: string | null, digest: boolean): Partial<DeliveryEntity> => ({
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      channel,
      idempotencyKey: key,
      principalId: n.principalId,
      webhookId,
      reason: n.reason,
      eventSeq: n.eventSeq,
      followUpId: n.followUpId,
      payload: JSON.stringify({ idempotencyKey: key, reason: n.reason, ...n.payload }),
      digest,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: now,
      claimedUntil: null,
      responseStatus: null,
      lastError: null,
      sentAt: null,
    });
    for (const n of notifications) {
      const member = members.get(n.principalId);
      if (!member) continue;
      if (channel === 'EMAIL') {
        if (member.email && member.emailMode !== 'OFF')
          rows.push(row(n, `${n.key}:email`, null, member.emailMode === 'DAILY_DIGEST'));
      } else
        for (const w of webhooks)
          if (w.principal_id === n.principalId && (JSON.parse(w.events) as string[]).includes(n.reason))
            rows.push(row(n, `${n.key}:webhook:${w.id}`, w.id, false));
    }
    await this.tx
      .run(async ({ manager }) => {
        if (rows.length) await insertIgnoringRepeats(manager, rows);
        if (cursor) {
          const moved = await manager
            .createQueryBuilder()
            .update('notification_cursors')
            .set({ seq: cursor.to, updatedAt: nowIso() })
            .where('channel = :channel AND seq = :from', { channel, from: cursor.from })
            .execute();
          // Another instance moved the cursor meanwhile: it stored the same deliveries; keep its work.
          if (!moved.affected) throw new CursorMoved();
        }
      })
      .catch((error: unknown) => {
        if (error instanceof CursorMoved) this.logger.debug(`${channel}: another instance derived this stretch`);
        else throw error;
      });
  }
}

class CursorMoved extends Error {}

/** A DATE column as YYYY-MM-DD: text on SQLite; on PostgreSQL node-postgres gives a Date at local midnight. */
function isoDay(value: string | Date | null): string | null {
  if (!(value instanceof Date)) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** Inserts deliveries; one whose idempotency key exists already is left as it is (INSERT OR IGNORE / ON CONFLICT DO NOTHING). */
async function insertIgnoringRepeats(manager: EntityManager, rows: Array<Partial<DeliveryEntity>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await manager
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values(rows.slice(i, i + 200).map((r) => manager.create(DeliveryEntity, r)))
      .orIgnore()
      .execute();
}
