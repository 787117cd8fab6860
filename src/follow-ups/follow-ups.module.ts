import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module.js';
import { DeviationsResolver } from './deviations.resolver.js';
import { DeviationsService } from './deviations.service.js';
import { FollowUpQueriesService } from './follow-up-queries.service.js';
import { FollowUpsResolver } from './follow-ups.resolver.js';
import {
  OrganisationFollowUpsResolver,
  ProductFollowUpsResolver,
  RequirementFollowUpsResolver,
  SubstanceFollowUpsResolver,
  SupplierFollowUpsResolver,
} from './follow-up-relations.resolver.js';
import { FollowUpWriter } from './follow-up-writer.js';
import { FollowUpsService } from './follow-ups.service.js';
import { SupplierAnswersResolver } from './supplier-answers.resolver.js';
import { SupplierAnswersService } from './supplier-answers.service.js';
import {
  DeviationRelationsResolver,
  HistoryEventResolver,
  MeasurementResolver,
  ReuseRelationsResolver,
} from './relations.resolver.js';

@Module({
  imports: [ProductsModule],
  providers: [
    FollowUpsResolver,
    FollowUpsService,
    FollowUpWriter,
    FollowUpQueriesService,
    DeviationsResolver,
    DeviationsService,
    MeasurementResolver,
    DeviationRelationsResolver,
    ReuseRelationsResolver,
    HistoryEventResolver,
    SupplierAnswersResolver,
    SupplierAnswersService,
    ProductFollowUpsResolver,
    SupplierFollowUpsResolver,
    SubstanceFollowUpsResolver,
    RequirementFollowUpsResolver,
    OrganisationFollowUpsResolver,
  ],
  exports: [FollowUpQueriesService, FollowUpWriter],
})
export class FollowUpsModule {}
