import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { todayIso } from '../common/time.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import { HistoryEvent } from '../follow-ups/follow-up.model.js';
import { asHistoryEvent } from '../follow-ups/relations.resolver.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { ProductCategoryEntity } from '../products/product-category.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { Product, ProductCategory } from '../products/product.model.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { Substance } from '../substances/substance.model.js';
import { FollowUp } from '../follow-ups/follow-up.model.js';
import { weightsOf, sampleState } from './focus-area-reports.service.js';
import {
  FocusAreaCategoryEntity,
  FocusAreaEntity,
  FocusAreaParticipantEntity,
  FocusAreaRequirementEntity,
  FocusAreaSampleEntity,
  FocusAreaSubmissionEntity,
  FocusAreaSubstanceEntity,
} from './focus-area.entity.js';
import {
  FocusArea,
  FocusAreaParticipant,
  FocusAreaSample,
  FocusAreaSubmission,
  FocusAreaWeights,
  SampleStateEnum,
} from './focus-area.model.js';

/** A focus area's relations, through the request's loaders (no query per row). */
@Resolver(() => FocusArea)
export class FocusAreaFieldsResolver {
  @Allow(Role.SUPPLIER)
  @ResolveField(() => FocusAreaWeights)
  weights(@Parent() a: FocusAreaEntity) {
    return weightsOf(a);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation)
  organisation(@Parent() a: FocusAreaEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(a.organisationId);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [ProductCategory])
  categories(@Parent() a: FocusAreaEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders
      .linked(
        'focusArea.categories',
        FocusAreaCategoryEntity,
        'focusAreaId',
        'categoryId',
        ProductCategoryEntity,
        (x, y) => x.code.localeCompare(y.code),
      )
      .load(a.id);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [ChemicalRequirement])
  requirements(@Parent() a: FocusAreaEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders
      .linked(
        'focusArea.requirements',
        FocusAreaRequirementEntity,
        'focusAreaId',
        'requirementId',
        RequirementEntity,
        (x, y) => x.code.localeCompare(y.code),
      )
      .load(a.id);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [Substance])
  extraSubstances(@Parent() a: FocusAreaEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders
      .linked('focusArea.substances', FocusAreaSubstanceEntity, 'focusAreaId', 'substanceId', SubstanceEntity, (x, y) =>
        x.name.localeCompare(y.name, 'sv'),
      )
      .load(a.id);
  }

  @ResolveField(() => [FocusAreaParticipant])
  async participants(@Parent() a: FocusAreaEntity, @Context() ctx: GraphQLContext) {
    const [rows, submissions] = await Promise.all([
      ctx.loaders.children(FocusAreaParticipantEntity, 'focusAreaId', 'joined_at ASC').load(a.id),
      ctx.loaders.children(FocusAreaSubmissionEntity, 'focusAreaId', 'submitted_at ASC').load(a.id),
    ]);
    const organisations = await ctx.loaders.byId(OrganisationEntity).loadMany(rows.map((r) => r.organisationId));
    return rows.map((r, i) => ({
      organisation: organisations[i],
      joinedAt: r.joinedAt,
      submittedContracts: submissions.filter((s) => s.organisationId === r.organisationId).length,
    }));
  }

  @ResolveField(() => [FocusAreaSubmission])
  async submissions(@Parent() a: FocusAreaEntity, @Context() ctx: GraphQLContext) {
    const rows = await ctx.loaders.children(FocusAreaSubmissionEntity, 'focusAreaId', 'submitted_at ASC').load(a.id);
    const [contracts, organisations] = await Promise.all([
      ctx.loaders.byId(ContractEntity).loadMany(rows.map((r) => r.contractId)),
      ctx.loaders.byId(OrganisationEntity).loadMany(rows.map((r) => r.organisationId)),
    ]);
    return rows.map((r, i) => ({
      contract: contracts[i],
      organisation: organisations[i],
      annualVolume: r.annualVolume,
      submittedAt: r.submittedAt,
    }));
  }

  @ResolveField(() => [FocusAreaSample])
  samples(@Parent() a: FocusAreaEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.children(FocusAreaSampleEntity, 'focusAreaId', 'created_at ASC, id ASC').load(a.id);
  }

  @ResolveField(() => [HistoryEvent])
  async history(@Parent() a: FocusAreaEntity, @Context() ctx: GraphQLContext) {
    const events = await ctx.loaders.children(EventEntity, 'subjectId', 'seq ASC').load(a.id);
    return events.map(asHistoryEvent);
  }
}

/** A sample's relations. */
@Resolver(() => FocusAreaSample)
export class FocusAreaSampleResolver {
  @Allow(Role.SUPPLIER)
  @ResolveField(() => Product)
  product(@Parent() s: FocusAreaSampleEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(ProductEntity).load(s.productId);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [String])
  analyses(@Parent() s: FocusAreaSampleEntity) {
    return s.analyses.split('\n');
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation, { nullable: true })
  purchasingOrganisation(@Parent() s: FocusAreaSampleEntity, @Context() ctx: GraphQLContext) {
    return s.purchasingOrganisationId ? ctx.loaders.byId(OrganisationEntity).load(s.purchasingOrganisationId) : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => FollowUp, { nullable: true })
  followUp(@Parent() s: FocusAreaSampleEntity, @Context() ctx: GraphQLContext) {
    return s.followUpId ? ctx.loaders.byId(FollowUpEntity).load(s.followUpId) : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => SampleStateEnum)
  async state(@Parent() s: FocusAreaSampleEntity, @Context() ctx: GraphQLContext) {
    const [followUp, area] = await Promise.all([
      s.followUpId ? ctx.loaders.byId(FollowUpEntity).load(s.followUpId) : null,
      ctx.loaders.byId(FocusAreaEntity).load(s.focusAreaId),
    ]);
    return sampleState(followUp?.status ?? null, area?.resultsDueOn ?? null, todayIso());
  }
}
