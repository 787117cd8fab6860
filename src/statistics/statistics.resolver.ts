import { Query, Resolver } from '@nestjs/graphql';
import { Allow, PUBLIC } from '../auth/allow.decorator.js';
import { PublicStatistics } from './statistics.model.js';
import { StatisticsService } from './statistics.service.js';

@Resolver(() => PublicStatistics)
export class StatisticsResolver {
  constructor(private readonly service: StatisticsService) {}

  @Allow(PUBLIC)
  @Query(() => PublicStatistics, {
    description: 'Anonymised counts by category, substance and verdict; counts below 3 withheld. Needs no token.',
  })
  publicStatistics() {
    return this.service.publicStatistics();
  }
}
