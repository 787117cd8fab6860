/**
 * Settings of the notifications (issue 19), from the environment. The worker that derives and
 * sends runs when NOTIFY_ENABLED says so, by default when an SMTP server is configured.
 */
export interface NotificationsConfig {
  enabled: boolean;
  /** smtp://user:pass@host:port (nodemailer's URL form); null: no e-mail is sent (deliveries wait). */
  smtpUrl: string | null;
  mailFrom: string;
  /** How often (ms) the worker reads the log and sends what is due. */
  pollMs: number;
  /** How often (ms) deviations are checked for a due date within 7 days or past. */
  sweepMs: number;
  /** The hour (UTC) at which daily digests go out. */
  digestHourUtc: number;
  /** The first retry of a webhook after this many ms, then twice as long each time. */
  webhookBackoffMs: number;
  /** Attempts of one webhook delivery before it is given up (FAILED). */
  webhookMaxAttempts: number;
  /** Failed attempts in a row after which a webhook is turned off until its owner enables it. */
  webhookDisableAfter: number;
  /** How long (ms) a sender holds a claimed delivery; after a crash another sends it again then. */
  claimMs: number;
  /**
   * Days a finished delivery derived from the event log (SENT or FAILED) is kept for the delivery log
   * before it is deleted; 0 keeps them forever.
   */
  retentionDays: number;
  /** Webhook URLs must be https:// (production); http:// is accepted otherwise (local receivers). */
  httpsOnly: boolean;
}

export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

function int(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

export function loadNotificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  const enabled = env.NOTIFY_ENABLED ? ['1', 'true', 'yes', 'on'].includes(env.NOTIFY_ENABLED) : Boolean(smtpUrl);
  return {
    enabled,
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'KemKollen <noreply@kemkollen.invalid>',
    pollMs: int('NOTIFY_POLL_MS', env.NOTIFY_POLL_MS, 2000, 10),
    sweepMs: int('NOTIFY_SWEEP_MS', env.NOTIFY_SWEEP_MS, 3_600_000, 10),
    digestHourUtc: int('DIGEST_HOUR_UTC', env.DIGEST_HOUR_UTC, 6),
    webhookBackoffMs: int('WEBHOOK_BACKOFF_MS', env.WEBHOOK_BACKOFF_MS, 30_000, 1),
    webhookMaxAttempts: int('WEBHOOK_MAX_ATTEMPTS', env.WEBHOOK_MAX_ATTEMPTS, 10, 1),
    webhookDisableAfter: int('WEBHOOK_DISABLE_AFTER', env.WEBHOOK_DISABLE_AFTER, 20, 1),
    claimMs: int('NOTIFY_CLAIM_MS', env.NOTIFY_CLAIM_MS, 60_000, 10),
    retentionDays: int('NOTIFY_RETENTION_DAYS', env.NOTIFY_RETENTION_DAYS, 90),
    httpsOnly: env.NODE_ENV === 'production',
  };
}
