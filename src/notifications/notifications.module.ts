import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { NotificationDeriverService } from './notification-deriver.service.js';
import { NotificationSenderService } from './notification-sender.service.js';
import { NotificationWorker } from './notification-worker.js';
import { loadNotificationsConfig, NOTIFICATIONS_CONFIG } from './notifications.config.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Watching and notifications (issue 19): watches, e-mail and webhooks, derived from the event log
 * into an outbox (`deliveries`) with a cursor per channel, sent at least once.
 */
@Module({
  imports: [AssessmentsModule],
  providers: [
    { provide: NOTIFICATIONS_CONFIG, useFactory: () => loadNotificationsConfig() },
    NotificationsService,
    NotificationsResolver,
    NotificationDeriverService,
    NotificationSenderService,
    NotificationWorker,
  ],
  exports: [NotificationWorker, NotificationDeriverService, NotificationSenderService],
})
export class NotificationsModule {}
