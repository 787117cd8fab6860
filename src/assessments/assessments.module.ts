import { Module } from '@nestjs/common';
import { AssessmentsResolver } from './assessments.resolver.js';
import { AssessmentsService } from './assessments.service.js';
import { SubstanceEvaluationResolver } from './substance-evaluation.resolver.js';

/**
 * A product against one contract: `evaluateProduct`, `reusableFollowUps` and `recordReuse`. The
 * rules are in src/evaluation; this module gathers the facts and answers in GraphQL.
 */
@Module({
  providers: [AssessmentsResolver, AssessmentsService, SubstanceEvaluationResolver],
  exports: [AssessmentsService],
})
export class AssessmentsModule {}
