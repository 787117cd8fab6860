import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module.js';
import { FollowUpEventsResolver } from './follow-up-events.resolver.js';
import { FollowUpEventsService } from './follow-up-events.service.js';

/** The followUpEvents subscription and the events query (the log itself is EventsModule's). */
@Module({
  imports: [ProductsModule],
  providers: [FollowUpEventsResolver, FollowUpEventsService],
})
export class FollowUpEventsModule {}
