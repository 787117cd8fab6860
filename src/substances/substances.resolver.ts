import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { RegulatoryListEnum, SubstanceGroupEnum } from '../common/graphql-enums.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { SubstanceEntity, SubstanceGroupEntity, SubstanceListEntity } from './substance.entity.js';
import { CreateSubstanceInput, SubstancesArgs, UpdateSubstanceInput } from './substance.inputs.js';
import { Substance, SubstanceConnection } from './substance.model.js';
import { SubstancesService } from './substances.service.js';
import { nullIfAbsent } from '../common/errors/null-if-absent.js';

@Resolver(() => Substance)
export class SubstancesResolver {
  constructor(private readonly service: SubstancesService) {}

  @Query(() => SubstanceConnection, {
    description: 'The substance library, by name, in pages; search matches English and Swedish names.',
  })
  substances(@Args() args: SubstancesArgs) {
    return this.service.list(args);
  }

  @Query(() => Substance, {
    nullable: true,
    description: 'A substance by CAS number; null when none has it (a malformed number is BAD_USER_INPUT).',
  })
  substance(@Args('casNumber', { description: 'CAS Registry Number, e.g. 117-81-7.' }) casNumber: string) {
    return nullIfAbsent(this.service.byCas(casNumber));
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => Substance, { description: 'Adds a substance to the library (COORDINATOR).' })
  createSubstance(
    @Args('input', { description: 'The substance.' }) input: CreateSubstanceInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.create(input, actor);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => Substance, { description: 'Changes a substance of the library (COORDINATOR).' })
  updateSubstance(
    @Args('casNumber', { description: 'The substance, by its CAS number (e.g. 117-81-7).' }) casNumber: string,
    @Args('input', { description: 'What to change.' }) input: UpdateSubstanceInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(casNumber, input, actor);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => String, { description: 'The English name (the same as name).' })
  nameEn(@Parent() substance: SubstanceEntity) {
    return substance.name;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [SubstanceGroupEnum], { description: 'Groups such as ORTHO_PHTHALATE, PFAS, PAH.' })
  async groups(@Parent() substance: SubstanceEntity, @Context() ctx: GraphQLContext) {
    const rows = await ctx.loaders.children(SubstanceGroupEntity, 'substanceId', 'group_code ASC').load(substance.id);
    return rows.map((r) => r.groupCode);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [RegulatoryListEnum])
  async lists(@Parent() substance: SubstanceEntity, @Context() ctx: GraphQLContext) {
    const rows = await ctx.loaders.children(SubstanceListEntity, 'substanceId', 'list_code ASC').load(substance.id);
    return rows.map((r) => r.listCode);
  }
}
