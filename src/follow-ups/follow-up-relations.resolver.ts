import { type Type } from '@nestjs/common';
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

/**
 * The `followUps` field of a parent type (`Product.followUps`, `Supplier.followUps`, …): one
 * resolver class per parent, made here so the five fields share their arguments, paging and
 * loading and differ only in the relation and the description's words.
 *
 * A parent's page of follow-ups goes through one DataLoader per relation and arguments: the
 * parents of a page are answered together (FollowUpQueriesService.forParents), so the statements
 * of a request do not grow with the number of parents or the page size.
 */
function followUpsOf(parent: () => Type, relation: FollowUpRelation, of: string): Type {
  @Resolver(parent)
  class FollowUpsRelationResolver {
    constructor(private readonly queries: FollowUpQueriesService) {}

    @ResolveField(() => FollowUpConnection, {
      description: `Follow-ups ${of} you may see, with the same filter, order and paging as the followUps query.`,
    })
    followUps(
      @Parent() p: { id: string },
      @Args() args: FollowUpsArgs,
      @CurrentPrincipal() viewer: Principal,
      @Context() ctx: GraphQLContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      // The follow-ups read only the columns the selection needs (one loader per selection's columns).
      const columns = columnsFor(info, FOLLOW_UP, 'connection');
      return ctx.loaders
        .get(`followUps:${relation}:${JSON.stringify(args)}:${columns?.join(',') ?? '*'}`, (ids) =>
          this.queries.forParents(relation, ids, args, viewer, ctx.loaders, columns),
        )
        .load(p.id);
    }
  }
  // A name of its own for each, as Nest and its error messages tell providers apart by name.
  const name = `${relation[0].toUpperCase()}${relation.slice(1)}FollowUpsResolver`;
  Object.defineProperty(FollowUpsRelationResolver, 'name', { value: name });
  return FollowUpsRelationResolver;
}

export const ProductFollowUpsResolver = followUpsOf(() => Product, 'product', 'of this product');
export const SupplierFollowUpsResolver = followUpsOf(
  () => Supplier,
  'supplier',
  'of this supplier (of its products or of itself)',
);
export const SubstanceFollowUpsResolver = followUpsOf(() => Substance, 'substance', 'that measured this substance');
export const RequirementFollowUpsResolver = followUpsOf(
  () => ChemicalRequirement,
  'requirement',
  'that checked this requirement',
);
export const OrganisationFollowUpsResolver = followUpsOf(
  () => Organisation,
  'organisation',
  'recorded by this organisation',
);
