import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { columnsFor } from '../database/read/projection.js';
import { FOLLOW_UP } from '../database/read/projections.js';
import { Organisation } from '../organisations/organisation.model.js';
import { Product } from '../products/product.model.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { Substance } from '../substances/substance.model.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { type FollowUpRelation, FollowUpQueriesService } from './follow-up-queries.service.js';
import { FollowUpsArgs } from './follow-up.inputs.js';
import { FollowUpConnection } from './follow-up.model.js';

const DESCRIPTION = (of: string) =>
  `Follow-ups ${of} you may see, with the same filter, order and paging as the followUps query.`;

/**
 * A parent's page of follow-ups through one DataLoader per relation and arguments: the parents of
 * a page are answered together (FollowUpQueriesService.forParents), so the statements of a
 * request do not grow with the number of parents or the page size.
 */
function pageOf(
  relation: FollowUpRelation,
  parentId: string,
  args: FollowUpsArgs,
  viewer: Principal,
  ctx: GraphQLContext,
  queries: FollowUpQueriesService,
  info: GraphQLResolveInfo,
) {
  // The follow-ups read only the columns the selection needs (one loader per selection's columns).
  const columns = columnsFor(info, FOLLOW_UP, 'connection');
  return ctx.loaders
    .get(`followUps:${relation}:${JSON.stringify(args)}:${columns?.join(',') ?? '*'}`, (ids) =>
      queries.forParents(relation, ids, args, viewer, ctx.loaders, columns),
    )
    .load(parentId);
}

@Resolver(() => Product)
export class ProductFollowUpsResolver {
  constructor(private readonly queries: FollowUpQueriesService) {}

  @ResolveField(() => FollowUpConnection, { description: DESCRIPTION('of this product') })
  followUps(
    @Parent() p: { id: string },
    @Args() args: FollowUpsArgs,
    @CurrentPrincipal() viewer: Principal,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return pageOf('product', p.id, args, viewer, ctx, this.queries, info);
  }
}

@Resolver(() => Supplier)
export class SupplierFollowUpsResolver {
  constructor(private readonly queries: FollowUpQueriesService) {}

  @ResolveField(() => FollowUpConnection, {
    description: DESCRIPTION('of this supplier (of its products or of itself)'),
  })
  followUps(
    @Parent() s: { id: string },
    @Args() args: FollowUpsArgs,
    @CurrentPrincipal() viewer: Principal,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return pageOf('supplier', s.id, args, viewer, ctx, this.queries, info);
  }
}

@Resolver(() => Substance)
export class SubstanceFollowUpsResolver {
  constructor(private readonly queries: FollowUpQueriesService) {}

  @ResolveField(() => FollowUpConnection, { description: DESCRIPTION('that measured this substance') })
  followUps(
    @Parent() s: { id: string },
    @Args() args: FollowUpsArgs,
    @CurrentPrincipal() viewer: Principal,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return pageOf('substance', s.id, args, viewer, ctx, this.queries, info);
  }
}

@Resolver(() => ChemicalRequirement)
export class RequirementFollowUpsResolver {
  constructor(private readonly queries: FollowUpQueriesService) {}

  @ResolveField(() => FollowUpConnection, { description: DESCRIPTION('that checked this requirement') })
  followUps(
    @Parent() r: { id: string },
    @Args() args: FollowUpsArgs,
    @CurrentPrincipal() viewer: Principal,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return pageOf('requirement', r.id, args, viewer, ctx, this.queries, info);
  }
}

@Resolver(() => Organisation)
export class OrganisationFollowUpsResolver {
  constructor(private readonly queries: FollowUpQueriesService) {}

  @ResolveField(() => FollowUpConnection, { description: DESCRIPTION('recorded by this organisation') })
  followUps(
    @Parent() o: { id: string },
    @Args() args: FollowUpsArgs,
    @CurrentPrincipal() viewer: Principal,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return pageOf('organisation', o.id, args, viewer, ctx, this.queries, info);
  }
}
