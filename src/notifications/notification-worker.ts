import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { todayIso } from '../common/time.js';
import { NOTIFICATION_CHANNELS } from '../vocabulary/vocabulary.js';
import { NotificationDeriverService } from './notification-deriver.service.js';
import { NotificationSenderService } from './notification-sender.service.js';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from './notifications.config.js';

/**
 * The timer that tells people (when NOTIFY_ENABLED, by default when SMTP_URL is set): every
 * NOTIFY_POLL_MS each channel derives from its cursor, then due deliveries are sent; every
 * NOTIFY_SWEEP_MS deviations are checked for due dates and finished deliveries older than
 * NOTIFY_RETENTION_DAYS deleted; once a day at DIGEST_HOUR_UTC the digests go.
 * On several instances every worker runs; the cursors and claims keep each delivery to one sender.
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastSweep = 0;
  private lastDigestDay: string | null = null;

  constructor(
    private readonly deriver: NotificationDeriverService,
    private readonly sender: NotificationSenderService,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.enabled) return;
    this.timer = setInterval(() => void this.tick(), this.config.pollMs);
    this.timer.unref();
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One round: derive on every channel, sweep deviations when due, send, digest once a day. Never two at once. */
  tick(): Promise<void> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<void> {
    try {
      const sweep = Date.now() - this.lastSweep >= this.config.sweepMs;
      if (sweep) this.lastSweep = Date.now();
      for (const channel of NOTIFICATION_CHANNELS) {
        await this.deriver.derive(channel);
        if (sweep) await this.deriver.sweepDeviations(channel);
      }
      if (sweep) await this.sender.prune();
      // Batch after batch while there is work, yielding to the event loop between them: on SQLite the
      // queries answer synchronously, so a loop of them alone would keep every request waiting.
      while ((await this.sender.sendDue()) > 0 && this.timer) await new Promise((r) => setImmediate(r));
      const today = todayIso();
      if (new Date().getUTCHours() >= this.config.digestHourUtc && this.lastDigestDay !== today) {
        this.lastDigestDay = today;
        await this.sender.sendDigests();
      }
    } catch (error) {
      this.logger.error(`notifications: ${(error as Error).message}`);
    }
  }
}
