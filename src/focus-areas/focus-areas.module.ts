import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { FollowUpsModule } from '../follow-ups/follow-ups.module.js';
import { ProductsModule } from '../products/products.module.js';
import { FocusAreaFacts } from './focus-area-facts.service.js';
import { FocusAreaFieldsResolver, FocusAreaSampleResolver } from './focus-area-fields.resolver.js';
import { FocusAreaReportsService } from './focus-area-reports.service.js';
import { FocusAreasResolver } from './focus-areas.resolver.js';
import { FocusAreasService } from './focus-areas.service.js';

/** Focus areas (issue 18): the yearly joint follow-up, from plan to public report. */
@Module({
  imports: [ProductsModule, FollowUpsModule, AssessmentsModule],
  providers: [
    FocusAreasResolver,
    FocusAreaFieldsResolver,
    FocusAreaSampleResolver,
    FocusAreasService,
    FocusAreaReportsService,
    FocusAreaFacts,
  ],
})
export class FocusAreasModule {}
