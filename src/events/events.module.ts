import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { EventFeedService } from './event-feed.service.js';
import { EventLogService, PUB_SUB } from './event-log.service.js';
import { createPubSub } from './pub-sub.factory.js';

/**
 * The event log, the PubSub provider behind its token (in-memory for one instance, Redis when
 * REDIS_URL is set) and the feed that tells subscribers the log has grown.
 */
@Global()
@Module({
  providers: [
    { provide: PUB_SUB, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createPubSub(config) },
    EventLogService,
    EventFeedService,
  ],
  exports: [PUB_SUB, EventLogService, EventFeedService],
})
export class EventsModule {}
