import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { columnsFor } from '../database/read/projection.js';
import { FOLLOW_UP, PRODUCT, SUPPLIER } from '../database/read/projections.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { loadVisibleContract } from '../database/read/loaders/contract.loaders.js';
import { Contract } from '../contracts/contract.model.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { ProductEntity } from '../products/product.entity.js';
import { Product } from '../products/product.model.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { Deviation } from './deviation.model.js';
import { canSeeReportDetails, isOwner } from './follow-up-access.js';
import { FollowUpEntity } from './follow-up.entity.js';
import {
  CompleteFollowUpArgs,
  FollowUpsArgs,
  RecordFollowUpInput,
  UpdateFollowUpInput,
  VersionArgs,
} from './follow-up.inputs.js';
import {
  commentsLoader,
  deviationsLoader,
  followUpRequirementsLoader,
  historyLoader,
  measurementColumns,
  measurementsOf,
  reusesLoader,
} from '../database/read/loaders/follow-up.loaders.js';
import { asHistoryEvent } from './relations.resolver.js';
import { FollowUp, FollowUpComment, FollowUpConnection, HistoryEvent, Measurement } from './follow-up.model.js';
import { FollowUpQueriesService } from './follow-up-queries.service.js';
import { FollowUpsService } from './follow-ups.service.js';
import { Reuse } from './reuse.model.js';
import { nullIfAbsent } from '../common/errors/null-if-absent.js';
import { DirectField } from '../graphql/direct-fields.js';

@Resolver(() => FollowUp)
export class FollowUpsResolver {
  constructor(
    private readonly queries: FollowUpQueriesService,
    private readonly service: FollowUpsService,
  ) {}

  @Allow(Role.SUPPLIER)
  @Query(() => FollowUpConnection, {
    description: 'Follow-ups you may see: all SHARED ones and your own PRIVATE ones.',
  })
  followUps(@Args() args: FollowUpsArgs, @CurrentPrincipal() viewer: Principal, @Info() info: GraphQLResolveInfo) {
    return this.queries.list(args, viewer, columnsFor(info, FOLLOW_UP, 'connection'));
  }

  @Allow(Role.SUPPLIER)
  @Query(() => FollowUp, {
    nullable: true,
    description: 'A follow-up by id; null when there is none or you may not see it (PRIVATE to another organisation).',
  })
  followUp(
    @Args('id', { type: () => ID, description: "The follow-up's id." }) id: string,
    @CurrentPrincipal() viewer: Principal,
  ) {
    return nullIfAbsent(this.queries.get(id, viewer));
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => FollowUp, {
    description: 'Records a follow-up for your organisation with its measurements, in one transaction.',
  })
  recordFollowUp(
    @Args('input', { description: 'The follow-up, its requirements and its results.' }) input: RecordFollowUpInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.record(input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => FollowUp, {
    description:
      'Changes a follow-up; refused with CONFLICT when expectedVersion is not the current version, or when it would turn PRIVATE a follow-up another organisation reused or opened a deviation on.',
  })
  updateFollowUp(
    @Args('id', { type: () => ID, description: 'The follow-up (its id).' }) id: string,
    @Args('expectedVersion', {
      type: () => Int,
      description: 'The version you read (FollowUp.version): CONFLICT when it changed since.',
    })
    expectedVersion: number,
    @Args('input', { description: 'What to change; omitted fields stay as they are.' }) input: UpdateFollowUpInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(id, expectedVersion, input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => FollowUp, { description: 'PLANNED → IN_PROGRESS.' })
  startFollowUp(
    @Args('id', { type: () => ID, description: 'The follow-up (its id).' }) id: string,
    @Args() v: VersionArgs,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.transition('start', id, actor, { expectedVersion: v.expectedVersion });
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => FollowUp, {
    description: 'PLANNED or IN_PROGRESS → COMPLETED; performedOn defaults to the recorded date, else today.',
  })
  completeFollowUp(
    @Args('id', { type: () => ID, description: 'The follow-up (its id).' }) id: string,
    @Args() args: CompleteFollowUpArgs,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.transition('complete', id, actor, {
      expectedVersion: args.expectedVersion,
      performedOn: args.performedOn ?? null,
    });
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => FollowUp, {
    description: 'COMPLETED → CLOSED; refused while any deviation on it is unresolved, whoever opened it.',
  })
  closeFollowUp(
    @Args('id', { type: () => ID, description: 'The follow-up (its id).' }) id: string,
    @Args() v: VersionArgs,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.transition('close', id, actor, { expectedVersion: v.expectedVersion });
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => FollowUp, {
    description: 'Withdraws a follow-up, with a reason. Never deleted: it stays visible as RETRACTED.',
  })
  retractFollowUp(
    @Args('id', { type: () => ID, description: 'The follow-up (its id).' }) id: string,
    @Args('reason', {
      description: 'Why it is withdrawn (e.g. "the wrong sample was analysed"); every reader sees it.',
    })
    reason: string,
    @Args() v: VersionArgs,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.retract(id, reason, actor, v.expectedVersion);
  }

  // The relations a lookup or a fanned-out event resolves for every follow-up are called by
  // graphql-js directly (direct-fields.ts): they take (parent, args, context, info).
  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation)
  @DirectField('FollowUp')
  organisation(f: FollowUpEntity, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(f.organisationId);
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description:
      'The organisation that recorded it on the follow-up\'s organisation\'s behalf, under a delegation ("recorded by X on behalf of Y"); null when the organisation did.',
  })
  recordedBy(@Parent() f: FollowUpEntity, @Context() ctx: GraphQLContext) {
    return f.recordedByOrganisationId ? ctx.loaders.byId(OrganisationEntity).load(f.recordedByOrganisationId) : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Product, { nullable: true })
  @DirectField('FollowUp')
  product(f: FollowUpEntity, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) {
    return f.productId ? ctx.loaders.byId(ProductEntity, columnsFor(info, PRODUCT)).load(f.productId) : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Supplier)
  @DirectField('FollowUp')
  supplier(f: FollowUpEntity, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) {
    return ctx.loaders.byId(SupplierEntity, columnsFor(info, SUPPLIER)).load(f.supplierId);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Contract, { nullable: true })
  contract(@Parent() f: FollowUpEntity, @Context() ctx: GraphQLContext, @CurrentPrincipal() viewer: Principal) {
    return loadVisibleContract(ctx.loaders, f.contractId, viewer);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [ChemicalRequirement])
  @DirectField('FollowUp')
  requirements(f: FollowUpEntity, _args: unknown, ctx: GraphQLContext) {
    return followUpRequirementsLoader(ctx.loaders).load(f.id);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => String, { nullable: true })
  laboratory(@Parent() f: FollowUpEntity, @CurrentPrincipal() viewer: Principal) {
    return canSeeReportDetails(viewer, f) ? f.laboratory : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => String, { nullable: true })
  reportReference(@Parent() f: FollowUpEntity, @CurrentPrincipal() viewer: Principal) {
    return canSeeReportDetails(viewer, f) ? f.reportReference : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [FollowUpComment])
  comments(@Parent() f: FollowUpEntity, @Context() ctx: GraphQLContext) {
    return commentsLoader(ctx.loaders).load(f.id);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => String, { nullable: true })
  confidentialNotes(@Parent() f: FollowUpEntity, @CurrentPrincipal() viewer: Principal) {
    return isOwner(viewer, f) ? f.confidentialNotes : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [Measurement])
  @DirectField('FollowUp')
  measurements(f: FollowUpEntity, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) {
    return measurementsOf(ctx.loaders, f, measurementColumns(info));
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [Deviation])
  deviations(@Parent() f: FollowUpEntity, @Context() ctx: GraphQLContext) {
    return deviationsLoader(ctx.loaders).load(f.id);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [Reuse])
  async reuses(@Parent() f: FollowUpEntity, @Context() ctx: GraphQLContext, @CurrentPrincipal() viewer: Principal) {
    const reuses = await reusesLoader(ctx.loaders).load(f.id);
    if (!viewer.supplierId) return reuses;
    // A supplier member sees a reuse only under a contract it can see (its own supplier's).
    const contracts = await Promise.all(reuses.map((r) => loadVisibleContract(ctx.loaders, r.contractId, viewer)));
    return reuses.filter((_, i) => contracts[i] !== null);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [HistoryEvent])
  async history(@Parent() f: FollowUpEntity, @Context() ctx: GraphQLContext) {
    const events = await historyLoader(ctx.loaders).load(f.id);
    return events.map(asHistoryEvent);
  }
}
