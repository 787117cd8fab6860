import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { Supplier } from '../suppliers/supplier.model.js';
import type { OrganisationEntity } from './organisation.entity.js';
import { CreateOrganisationInput, OrganisationsArgs } from './organisation.inputs.js';
import { Organisation, OrganisationConnection } from './organisation.model.js';
import { OrganisationsService } from './organisations.service.js';
import { nullIfAbsent } from '../common/errors/null-if-absent.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => OrganisationConnection, { description: 'Member organisations, by name, in pages.' })
  organisations(@Args() args: OrganisationsArgs) {
    return this.service.list(args);
  }

  @Query(() => Organisation, { nullable: true, description: 'An organisation by id; null when there is none.' })
  organisation(@Args('id', { type: () => ID, description: "The organisation's id." }) id: string) {
    return nullIfAbsent(this.service.get(id));
  }

  /** Open to SUPPLIER: a supplier member finds its supplier through `me { organisation { supplier { id } } }`. */
  @Allow(Role.SUPPLIER)
  @ResolveField(() => Supplier, { nullable: true })
  supplier(@Parent() o: OrganisationEntity, @Context() ctx: GraphQLContext) {
    return o.supplierId ? ctx.loaders.byId(SupplierEntity).load(o.supplierId) : null;
  }

  @Allow(Role.ADMIN)
  @Mutation(() => Organisation, { description: 'Adds a member organisation (ADMIN).' })
  createOrganisation(
    @Args('input', { description: 'The organisation.' }) input: CreateOrganisationInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.create(input, actor);
  }
}
