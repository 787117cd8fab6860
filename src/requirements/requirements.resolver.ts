import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { Limit, toLimit } from '../common/limit.js';
import { ProductCategory } from '../products/product.model.js';
import { Substance } from '../substances/substance.model.js';
import { RequirementEntity } from './requirement.entity.js';
import { CreateRequirementInput, RequirementsArgs, UpdateRequirementInput } from './requirement.inputs.js';
import { ChemicalRequirement, ChemicalRequirementConnection } from './requirement.model.js';
import {
  requirementCategoriesLoader,
  requirementSubstancesLoader,
} from '../database/read/loaders/requirement.loaders.js';
import { RequirementsService } from './requirements.service.js';
import { nullIfAbsent } from '../common/errors/null-if-absent.js';

@Resolver(() => ChemicalRequirement)
export class RequirementsResolver {
  constructor(private readonly service: RequirementsService) {}

  @Query(() => ChemicalRequirementConnection, {
    description: 'The requirement library, by code, in pages; search matches Swedish and English names.',
  })
  requirements(@Args() args: RequirementsArgs) {
    return this.service.list(args);
  }

  @Query(() => ChemicalRequirement, {
    nullable: true,
    description: 'A requirement by id; null when there is none.',
  })
  requirement(@Args('id', { type: () => ID, description: "The requirement's id." }) id: string) {
    return nullIfAbsent(this.service.get(id));
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ChemicalRequirement, { description: 'Adds a requirement to the library (COORDINATOR).' })
  createRequirement(
    @Args('input', { description: 'The requirement.' }) input: CreateRequirementInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.create(input, actor);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ChemicalRequirement, { description: 'Changes a requirement of the library (COORDINATOR).' })
  updateRequirement(
    @Args('id', { type: () => ID, description: 'The requirement (its id).' }) id: string,
    @Args('input', { description: 'What to change.' }) input: UpdateRequirementInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(id, input, actor);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => String, { description: 'The name, in Swedish: the title.' })
  name(@Parent() r: RequirementEntity) {
    return r.title;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => String, { description: 'The Swedish name: the title.' })
  nameSv(@Parent() r: RequirementEntity) {
    return r.title;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Limit, { nullable: true })
  defaultLimit(@Parent() r: RequirementEntity) {
    return toLimit(r.defaultLimitValue, r.defaultLimitUnit);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [Substance])
  substances(@Parent() r: RequirementEntity, @Context() ctx: GraphQLContext) {
    return requirementSubstancesLoader(ctx.loaders).load(r.id);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [ProductCategory])
  categories(@Parent() r: RequirementEntity, @Context() ctx: GraphQLContext) {
    return requirementCategoriesLoader(ctx.loaders).load(r.id);
  }
}
