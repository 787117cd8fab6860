import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { badInput, notFound } from '../common/errors/domain-error.js';
import type { PageRequest } from '../database/read/page-reader.js';
import { keysetOrder, PageReader } from '../database/read/page-reader.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { ProductEntity } from '../products/product.entity.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import type { EmailMode, NotificationReason, WatchKind } from '../vocabulary/vocabulary.js';
import { DeliveryEntity, NotificationSettingEntity, WatchEntity, WebhookEntity } from './notification.entities.js';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from './notifications.config.js';
import { nowIso } from '../common/time.js';

const TARGETS = { PRODUCT: ProductEntity, SUPPLIER: SupplierEntity, REQUIREMENT: RequirementEntity } as const;

/** A person's watches, e-mail setting and webhooks: each its own, changed by itself only. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly reader: SqlReader,
    private readonly pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async watch(kind: WatchKind, targetId: string | null | undefined, actor: Principal): Promise<WatchEntity> {
    const target = await this.target(kind, targetId, actor);
    return this.tx.run(async (uow) => {
      const existing = await uow.manager.findOneBy(WatchEntity, {
        principalId: actor.principalId,
        kind,
        targetId: target,
      });
      if (existing) return existing; // watching twice is watching
      const watch = uow.manager.create(WatchEntity, { principalId: actor.principalId, kind, targetId: target });
      await uow.manager.insert(WatchEntity, watch);
      await this.events.append(uow, actor, {
        type: 'WATCH_STARTED',
        subjectType: 'Watch',
        subjectId: watch.id,
        payload: { kind, targetId: target },
      });
      return watch;
    });
  }

  /** Stops watching; false when it was not watched. */
  async unwatch(kind: WatchKind, targetId: string | null | undefined, actor: Principal): Promise<boolean> {
    const target = kind === 'CONTRACTS' ? actor.organisationId : targetId;
    if (!target) throw badInput('targetId', `${kind} needs the id of what is watched`);
    return this.tx.run(async (uow) => {
      const existing = await uow.manager.findOneBy(WatchEntity, {
        principalId: actor.principalId,
        kind,
        targetId: target,
      });
      if (!existing) return false;
      await uow.manager.delete(WatchEntity, { id: existing.id });
      await this.events.append(uow, actor, {
        type: 'WATCH_ENDED',
        subjectType: 'Watch',
        subjectId: existing.id,
        payload: { kind, targetId: target },
      });
      return true;
    });
  }

  watches(viewer: Principal): Promise<WatchEntity[]> {
    return this.reader.entities(
      WatchEntity,
      `SELECT ${this.reader.selectList(WatchEntity, 'w')} FROM watches w WHERE w.principal_id = ? ORDER BY w.created_at, w.id`,
      [viewer.principalId],
    );
  }

  async emailMode(viewer: Principal): Promise<EmailMode> {
    return (
      (await this.reader.findOneBy(NotificationSettingEntity, { principalId: viewer.principalId }))?.emailMode ??
      'IMMEDIATE'
    );
  }

  async setEmailMode(mode: EmailMode, actor: Principal): Promise<EmailMode> {
    return this.tx.run(async (uow) => {
      await uow.manager.upsert(
        NotificationSettingEntity,
        { principalId: actor.principalId, emailMode: mode, updatedAt: nowIso() },
        ['principalId'],
      );
      await this.events.append(uow, actor, {
        type: 'EMAIL_NOTIFICATIONS_SET',
        subjectType: 'Principal',
        subjectId: actor.principalId,
        payload: { mode },
      });
      return mode;
    });
  }

  async createWebhook(url: string, events: NotificationReason[], actor: Principal) {
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      throw badInput('url', `"${url}" is not a URL`);
    }
    if (parsed.protocol !== 'https:' && (this.config.httpsOnly || parsed.protocol !== 'http:'))
      throw badInput('url', `must be https://${this.config.httpsOnly ? '' : ' (or http:// outside production)'}`);
    if (!events.length) throw badInput('events', 'name at least one NotificationReason');
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    return this.tx.run(async (uow) => {
      const webhook = uow.manager.create(WebhookEntity, {
        principalId: actor.principalId,
        url: parsed.toString(),
        secret,
        events: JSON.stringify([...new Set(events)]),
        enabled: true,
        consecutiveFailures: 0,
        disabledAt: null,
      });
      await uow.manager.insert(WebhookEntity, webhook);
      await this.events.append(uow, actor, {
        type: 'WEBHOOK_CREATED',
        subjectType: 'Webhook',
        subjectId: webhook.id,
        payload: { url: webhook.url, events },
      });
      return { secret, webhook };
    });
  }

  /** Turns a webhook on again (its owner only), its failures forgotten. */
  async enableWebhook(id: string, actor: Principal): Promise<WebhookEntity> {
    return this.tx.run(async (uow) => {
      const webhook = await uow.manager.findOneBy(WebhookEntity, { id });
      if (!webhook || webhook.principalId !== actor.principalId) throw notFound('Webhook', id);
      Object.assign(webhook, { enabled: true, consecutiveFailures: 0, disabledAt: null, updatedAt: nowIso() });
      await uow.manager.save(WebhookEntity, webhook);
      await this.events.append(uow, actor, {
        type: 'WEBHOOK_ENABLED',
        subjectType: 'Webhook',
        subjectId: id,
        payload: {},
      });
      return webhook;
    });
  }

  webhooks(viewer: Principal): Promise<WebhookEntity[]> {
    return this.reader.entities(
      WebhookEntity,
      `SELECT ${this.reader.selectList(WebhookEntity, 'w')} FROM webhooks w WHERE w.principal_id = ? ORDER BY w.created_at, w.id`,
      [viewer.principalId],
    );
  }

  /** A webhook's deliveries, newest first: only its owner reads them. */
  async deliveries(webhookId: string, args: PageRequest, viewer: Principal) {
    const webhook = await this.reader.findOneBy(WebhookEntity, { id: webhookId });
    if (!webhook || webhook.principalId !== viewer.principalId) throw notFound('Webhook', webhookId);
    return this.pages.connection(
      this.pages.listing(DeliveryEntity, 'd', new SqlWhere().and('d.webhook_id = ?', webhookId)),
      keysetOrder<DeliveryEntity>('d', { column: 'd.created_at', property: 'createdAt', direction: 'DESC' }),
      args,
    );
  }

  private async target(kind: WatchKind, targetId: string | null | undefined, actor: Principal): Promise<string> {
    if (kind === 'CONTRACTS') {
      if (actor.supplierId)
        throw badInput(
          'kind',
          "CONTRACTS are a buying organisation's; a supplier member watches products or requirements",
        );
      return actor.organisationId;
    }
    if (!targetId) throw badInput('targetId', `${kind} needs the id of what is watched`);
    if (!(await this.reader.existsBy(TARGETS[kind], { id: targetId })))
      throw badInput('targetId', `"${targetId}": no ${kind.toLowerCase()} has this id`);
    return targetId;
  }
}
