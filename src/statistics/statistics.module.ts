import { Module } from '@nestjs/common';
import { StatisticsResolver } from './statistics.resolver.js';
import { StatisticsService } from './statistics.service.js';

@Module({ providers: [StatisticsResolver, StatisticsService] })
export class StatisticsModule {}
