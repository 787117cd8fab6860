import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/graphql-context.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { Substance } from '../substances/substance.model.js';
import { SubstanceEvaluation } from './assessment.model.js';

/** The substance and organisation an evaluation names, through the per-request loaders. */
@Resolver(() => SubstanceEvaluation)
export class SubstanceEvaluationResolver {
  @ResolveField(() => Substance)
  substance(@Parent() s: { substance: { id: string } }, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(SubstanceEntity).load(s.substance.id);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() s: { organisation: { id: string } | null }, @Context() ctx: GraphQLContext) {
    return s.organisation ? ctx.loaders.byId(OrganisationEntity).load(s.organisation.id) : null;
  }
}
