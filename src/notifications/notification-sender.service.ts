import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { In, IsNull, LessThan, Not, type EntityManager } from 'typeorm';
import { PrincipalEntity } from '../auth/principal.entity.js';
import { nowIso } from '../common/time.js';
import { placeholders } from '../database/read/sql-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import type { NotificationReason } from '../vocabulary/vocabulary.js';
import { DeliveryEntity, WebhookEntity } from './notification.entities.js';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from './notifications.config.js';

/** The header a receiver checks: `sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`. */
export const SIGNATURE_HEADER = 'x-kemkollen-signature';
export const IDEMPOTENCY_HEADER = 'x-kemkollen-idempotency-key';

export const signature = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** What each reason says, as an e-mail's subject line. */
const SUBJECTS: Record<NotificationReason, string> = {
  FOLLOW_UP_COMPLETED: 'A follow-up you watch was completed',
  CONTRACT_FAIL: "A result FAILs against your organisation's contract",
  DEVIATION_DUE: 'A deviation is due within 7 days',
  DEVIATION_OVERDUE: 'A deviation is overdue',
  REUSE_RETRACTED: 'A follow-up you reused was retracted',
  SUPPLIER_ANSWER: 'A supplier answered',
};

interface Claimed extends DeliveryEntity {
  email: string | null;
}

/**
 * Sends the outbox: claims due deliveries (on PostgreSQL with FOR UPDATE SKIP LOCKED, so of several
 * instances each takes different ones; on SQLite one process writes), sends them, then records the
 * outcome. A sender that dies after sending but before recording leaves its claim to run out: the
 * delivery is sent again, with the same idempotency key (at least once, never lost).
 */
@Injectable()
export class NotificationSenderService implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSenderService.name);
  private transport: Transporter | null = null;

  constructor(
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  /**
   * Sends what is due now (not the digests); returns how many deliveries it tried. Without SMTP_URL
   * the e-mails are not claimed at all: they wait in the outbox (a claim given back untried would be
   * due again at once, and the worker, which sends while something was tried, would never stop).
   */
  async sendDue(limit = 50): Promise<number> {
    const claimed = await this.claim(
      this.config.smtpUrl ? 'NOT d.digest' : "NOT d.digest AND d.channel <> 'EMAIL'",
      limit,
    );
    for (const d of claimed) {
      if (d.channel === 'EMAIL') await this.sendEmail(d);
      else await this.sendWebhook(d);
    }
    return claimed.length;
  }

  /**
   * Deletes the finished deliveries (SENT or FAILED, last touched before NOTIFY_RETENTION_DAYS ago)
   * that were derived from the event log: the channel's cursor is past their events, so none is
   * derived again, and the outbox does not grow for ever. The deadline reminders (no event: keyed by
   * deviation, due date and state) are kept: their rows are what keeps a reminder from going twice.
   * Returns how many were deleted.
   */
  async prune(now = Date.now()): Promise<number> {
    if (this.config.retentionDays === 0) return 0;
    const cutoff = new Date(now - this.config.retentionDays * 86_400_000).toISOString();
    const { affected } = await this.tx.run(({ manager }) =>
      manager.delete(DeliveryEntity, {
        status: In(['SENT', 'FAILED']),
        eventSeq: Not(IsNull()),
        updatedAt: LessThan(cutoff),
      }),
    );
    if (affected) this.logger.log(`deleted ${affected} deliveries finished before ${cutoff}`);
    return affected ?? 0;
  }

  /** Sends each recipient one e-mail with every notification kept for its digest. */
  async sendDigests(): Promise<number> {
    if (!this.config.smtpUrl) return 0;
    const claimed = await this.claim('d.digest', 5000);
    const byRecipient = new Map<string, Claimed[]>();
    for (const d of claimed) byRecipient.set(d.principalId, [...(byRecipient.get(d.principalId) ?? []), d]);
    for (const list of byRecipient.values()) {
      const to = list[0]!.email;
      const keys = list.map((d) => d.idempotencyKey).sort();
      try {
        if (!to) throw new Error('the member has no e-mail address');
        await this.mailer().sendMail({
          from: this.config.mailFrom,
          to,
          subject: `KemKollen: ${list.length} notification${list.length === 1 ? '' : 's'} today`,
          text: list.map((d) => `- ${SUBJECTS[d.reason]}\n  ${d.payload}`).join('\n'),
          messageId: `<digest-${createHmac('sha256', 'digest').update(keys.join(',')).digest('hex').slice(0, 32)}@kemkollen>`,
          headers: { [IDEMPOTENCY_HEADER]: `digest:${keys.join(',')}`.slice(0, 900) },
        });
        for (const d of list) await this.record(d, { ok: true, status: null });
      } catch (error) {
        for (const d of list) await this.record(d, { ok: false, status: null, error: (error as Error).message });
      }
    }
    return claimed.length;
  }

  private mailer(): Transporter {
    this.transport ??= nodemailer.createTransport(this.config.smtpUrl!);
    return this.transport;
  }

  private async sendEmail(d: Claimed): Promise<void> {
    if (!this.config.smtpUrl) {
      await this.release(d); // no SMTP server configured: it waits, it is not lost
      return;
    }
    try {
      if (!d.email) throw new Error('the member has no e-mail address');
      await this.mailer().sendMail({
        from: this.config.mailFrom,
        to: d.email,
        subject: `KemKollen: ${SUBJECTS[d.reason]}`,
        text: `${SUBJECTS[d.reason]}.\n\n${d.payload}\n`,
        // The same key on a repeated delivery: a mail system (or a person) can tell it was sent before.
        messageId: `<${d.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@kemkollen>`,
        headers: { [IDEMPOTENCY_HEADER]: d.idempotencyKey },
      });
      await this.record(d, { ok: true, status: null });
    } catch (error) {
      await this.record(d, { ok: false, status: null, error: (error as Error).message });
    }
  }

  private async sendWebhook(d: Claimed): Promise<void> {
    const webhook = await this.tx.run(({ manager }) => manager.findOneBy(WebhookEntity, { id: d.webhookId! }));
    if (!webhook?.enabled) {
      await this.record(d, { ok: false, status: null, error: 'the webhook is turned off', final: true });
      return;
    }
    const body = d.payload;
    let status: number | null = null;
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signature(webhook.secret, body),
          [IDEMPOTENCY_HEADER]: d.idempotencyKey,
          'x-kemkollen-attempt': String(d.attempts + 1),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      await response.body?.cancel();
      if (status < 200 || status > 299) throw new Error(`the receiver answered HTTP ${status}`);
      await this.record(d, { ok: true, status });
    } catch (error) {
      await this.record(d, { ok: false, status, error: (error as Error).message });
    }
  }

  /**
   * Claims up to `limit` due deliveries for `claimMs`: PENDING, due, and not held by a live claim.
   * On PostgreSQL the rows another instance is claiming are skipped, not waited for.
   */
  private async claim(condition: string, limit: number): Promise<Claimed[]> {
    const now = nowIso();
    const until = new Date(Date.now() + this.config.claimMs).toISOString();
    return this.tx.run(async ({ manager }) => {
      const ids = (
        await query<{ id: string }>(
          manager,
          this.tx.isSqlite,
          `SELECT d.id AS id FROM deliveries d
           WHERE d.status = 'PENDING' AND ${condition} AND d.next_attempt_at <= ?
             AND (d.claimed_until IS NULL OR d.claimed_until < ?)
           ORDER BY d.created_at, d.id LIMIT ${limit}${this.tx.isSqlite ? '' : ' FOR UPDATE OF d SKIP LOCKED'}`,
          [now, now],
        )
      ).map((r) => r.id);
      if (!ids.length) return [];
      await query(
        manager,
        this.tx.isSqlite,
        `UPDATE deliveries SET claimed_until = ? WHERE id IN (${placeholders(ids.length)})`,
        [until, ...ids],
      );
      const rows = await manager
        .createQueryBuilder(DeliveryEntity, 'd')
        .whereInIds(ids)
        .orderBy('d.created_at')
        .addOrderBy('d.id')
        .getMany();
      const emails = await query<{ id: string; email: string | null }>(
        manager,
        this.tx.isSqlite,
        `SELECT id, email FROM principals WHERE id IN (${placeholders(rows.length)})`,
        rows.map((r) => r.principalId),
      );
      const email = new Map(emails.map((e) => [e.id, e.email]));
      return rows.map((r) => Object.assign(r, { email: email.get(r.principalId) ?? null }));
    });
  }

  /** Gives a claim back untouched (nothing was tried). */
  private async release(d: Claimed): Promise<void> {
    await this.tx.run(({ manager }) => manager.update(DeliveryEntity, { id: d.id }, { claimedUntil: null }));
  }

  /**
   * Records an attempt: SENT; or another try after `webhookBackoffMs · 2^(attempts−1)`, FAILED after
   * the last. A webhook's failures in a row turn it off at `webhookDisableAfter` (an event says so).
   */
  private async record(
    d: Claimed,
    outcome: { ok: boolean; status: number | null; error?: string; final?: boolean },
  ): Promise<void> {
    const attempts = d.attempts + (outcome.final ? 0 : 1);
    const now = nowIso();
    await this.tx.run(async (uow) => {
      const { manager } = uow;
      const last = outcome.final || attempts >= this.config.webhookMaxAttempts;
      await manager.update(
        DeliveryEntity,
        { id: d.id },
        outcome.ok
          ? {
              status: 'SENT',
              attempts,
              sentAt: now,
              claimedUntil: null,
              responseStatus: outcome.status,
              updatedAt: now,
            }
          : {
              status: last ? 'FAILED' : 'PENDING',
              attempts,
              claimedUntil: null,
              responseStatus: outcome.status,
              lastError: outcome.error?.slice(0, 2000) ?? null,
              nextAttemptAt: new Date(
                Date.now() + this.config.webhookBackoffMs * 2 ** Math.max(0, attempts - 1),
              ).toISOString(),
              updatedAt: now,
            },
      );
      if (d.channel !== 'WEBHOOK' || outcome.final) return;
      const webhook = await manager.findOneBy(WebhookEntity, { id: d.webhookId! });
      if (!webhook) return;
      if (outcome.ok) {
        if (webhook.consecutiveFailures)
          await manager.update(WebhookEntity, { id: webhook.id }, { consecutiveFailures: 0, updatedAt: now });
        return;
      }
      const failures = webhook.consecutiveFailures + 1;
      const disable = webhook.enabled && failures >= this.config.webhookDisableAfter;
      await manager.update(
        WebhookEntity,
        { id: webhook.id },
        disable
          ? { consecutiveFailures: failures, enabled: false, disabledAt: now, updatedAt: now }
          : { consecutiveFailures: failures, updatedAt: now },
      );
      if (disable) {
        this.logger.warn(`webhook ${webhook.id} turned off after ${failures} failed attempts in a row`);
        // No one acted; the owner's organisation is named, so its ADMINs read the event in their audit log.
        const owner = await manager.findOneBy(PrincipalEntity, { id: webhook.principalId });
        await this.events.append(uow, null, {
          type: 'WEBHOOK_DISABLED',
          subjectType: 'Webhook',
          subjectId: webhook.id,
          payload: { failures },
          actorOrganisationId: owner?.organisationId ?? null,
        });
      }
    });
  }
}

/** A statement on the transaction's connection with `?` placeholders (`$n` on PostgreSQL). */
export async function query<R = Record<string, unknown>>(
  manager: EntityManager,
  sqlite: boolean,
  sql: string,
  params: unknown[],
): Promise<R[]> {
  let n = 0;
  const result: unknown = await manager.query(sqlite ? sql : sql.replace(/\?/g, () => `$${++n}`), params);
  // PostgreSQL answers an UPDATE with [rows, count]; a SELECT with rows.
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as R[];
}
