import { Global, Module } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { EventLogService, PUB_SUB } from './event-log.service.js';

/** The event log and the PubSub provider behind its token (in-memory for one instance). */
@Global()
@Module({
  providers: [{ provide: PUB_SUB, useFactory: () => new PubSub() }, EventLogService],
  exports: [PUB_SUB, EventLogService],
})
export class EventsModule {}
