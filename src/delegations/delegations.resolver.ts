import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { todayIso } from '../common/time.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { scopesOf } from './delegation-rules.js';
import type { DelegationEntity } from './delegation.entity.js';
import { DelegationsArgs, GrantDelegationArgs } from './delegation.inputs.js';
import { Delegation, DelegationConnection, DelegationScopeEnum } from './delegation.model.js';
import { DelegationsService } from './delegations.service.js';

@Resolver(() => Delegation)
export class DelegationsResolver {
  constructor(private readonly service: DelegationsService) {}

  @Allow(Role.ADMIN)
  @Query(() => DelegationConnection, {
    description: 'The delegations your organisation granted, and those granted to it, active or not.',
  })
  delegations(@Args() args: DelegationsArgs, @CurrentPrincipal() viewer: Principal) {
    return this.service.list(args, viewer);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => Delegation, {
    description:
      "Lets another organisation act for yours in the scopes given, up to and including expiresOn. What it records says it was recorded on your organisation's behalf.",
  })
  grantDelegation(@Args() args: GrantDelegationArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.grant(args, actor);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => Delegation, { description: 'Ends a delegation your organisation granted, at once.' })
  revokeDelegation(
    @Args('id', { type: () => ID, description: 'The delegation (its id).' }) id: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.revoke(id, actor);
  }

  @ResolveField(() => Organisation, { description: 'The organisation that granted it.' })
  organisation(@Parent() d: DelegationEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(d.organisationId);
  }

  @ResolveField(() => Organisation, { description: 'The organisation that may act for it.' })
  delegate(@Parent() d: DelegationEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(d.delegateOrganisationId);
  }

  @ResolveField(() => [DelegationScopeEnum], { description: 'What the delegate may do for the granting organisation.' })
  scopes(@Parent() d: DelegationEntity) {
    return scopesOf(d.scopes);
  }

  @ResolveField(() => Boolean, { description: 'Not revoked and not past expiresOn.' })
  active(@Parent() d: DelegationEntity) {
    return d.revokedAt === null && d.expiresOn >= todayIso();
  }
}
