import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type {
  DeliveryStatus,
  EmailMode,
  NotificationChannel,
  NotificationReason,
  WatchKind,
} from '../vocabulary/vocabulary.js';

/** A person watching something (issue 19): told when a follow-up is completed on it, and more. */
@Entity('watches')
export class WatchEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) principalId: string;
  @Column({ type: 'varchar', length: 20 }) kind: WatchKind;
  /** The product, supplier or requirement; for CONTRACTS the watcher's own organisation. */
  @Column({ type: 'varchar', length: 36 }) targetId: string;
}

/** How a person wants e-mail (no row: IMMEDIATE). */
@Entity('notification_settings')
export class NotificationSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) principalId: string;
  @Column({ type: 'varchar', length: 20 }) emailMode: EmailMode;
  @Column({ type: 'varchar', length: 30 }) updatedAt: string;
}

/** An endpoint of another tool that receives a person's notifications, signed with its secret. */
@Entity('webhooks')
export class WebhookEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) principalId: string;
  @Column({ type: 'varchar', length: 2000 }) url: string;
  /** The HMAC-SHA256 key of the signature header: shown once, when created. */
  @Column({ type: 'varchar', length: 100 }) secret: string;
  /** JSON list of the NotificationReasons it receives. */
  @Column({ type: 'text' }) events: string;
  @Column({ type: 'boolean' }) enabled: boolean;
  /** Failed attempts in a row; at WEBHOOK_DISABLE_AFTER it is turned off until its owner enables it. */
  @Column({ type: 'integer' }) consecutiveFailures: number;
  @Column({ type: 'varchar', length: 30, nullable: true }) disabledAt: string | null;
}

/**
 * One notification on one channel to one recipient (an e-mail address, or a webhook): the outbox.
 * Made from the event log by the channel's deriver, sent by the sender; the idempotency key is
 * unique, so deriving again never makes it twice, and a receiver can drop a repeated delivery.
 */
@Entity('deliveries')
export class DeliveryEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 20 }) channel: NotificationChannel;
  @Column({ type: 'varchar', length: 200, unique: true }) idempotencyKey: string;
  @Column({ type: 'varchar', length: 36 }) principalId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) webhookId: string | null;
  @Column({ type: 'varchar', length: 30 }) reason: NotificationReason;
  /** The event it was derived from (null for a deviation's due date, which is a matter of time). */
  @Column({ type: 'integer', nullable: true }) eventSeq: number | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) followUpId: string | null;
  /** JSON: what the message says (event type, subject, follow-up, product, supplier). */
  @Column({ type: 'text' }) payload: string;
  /** An e-mail kept for the recipient's daily digest. */
  @Column({ type: 'boolean' }) digest: boolean;
  @Column({ type: 'varchar', length: 20 }) status: DeliveryStatus;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ type: 'varchar', length: 30 }) nextAttemptAt: string;
  /** A sender holds it until then; a crashed sender's claim runs out and another sends it again. */
  @Column({ type: 'varchar', length: 30, nullable: true }) claimedUntil: string | null;
  @Column({ type: 'integer', nullable: true }) responseStatus: number | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) sentAt: string | null;
}

/** How far each channel has read the event log. */
@Entity('notification_cursors')
export class NotificationCursorEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 }) channel: NotificationChannel;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'varchar', length: 30 }) updatedAt: string;
}
