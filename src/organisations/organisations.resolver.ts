import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { CreateOrganisationInput, OrganisationsArgs } from './organisation.inputs.js';
import { Organisation, OrganisationConnection } from './organisation.model.js';
import { OrganisationsService } from './organisations.service.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => OrganisationConnection)
  organisations(@Args() args: OrganisationsArgs) {
    return this.service.list(args);
  }

  @Query(() => Organisation)
  organisation(@Args('id', { type: () => ID }) id: string) {
    return this.service.get(id);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => Organisation)
  createOrganisation(@Args('input') input: CreateOrganisationInput, @CurrentPrincipal() actor: Principal) {
    return this.service.create(input, actor);
  }
}
