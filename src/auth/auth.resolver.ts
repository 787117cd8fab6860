import { Role } from './role.js';
import { Allow } from './allow.decorator.js';
import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/graphql-context.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import type { PrincipalEntity } from './principal.entity.js';
import { Me } from './principal.model.js';
import type { Principal } from './principal.js';
import { TokenQueriesService } from './token-queries.service.js';

/** `me`: any valid token may ask who it is (the guard's default, READER, admits every role). */
@Resolver(() => Me)
export class AuthResolver {
  constructor(private readonly queries: TokenQueriesService) {}

  @Allow(Role.SUPPLIER)
  @Query(() => Me, {
    description: 'Who you are: your principal, organisation, and the role and expiry of the token you sent.',
  })
  async me(@CurrentPrincipal() caller: Principal) {
    if (caller.sessionId) {
      const { principal, session } = await this.queries.meBySession(caller);
      return { principal, role: caller.role, tokenId: null, sessionId: session.id, expiresAt: session.expiresAt };
    }
    const { principal, token } = await this.queries.me(caller);
    return { principal, role: token.role, tokenId: token.id, sessionId: null, expiresAt: token.expiresAt };
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation)
  organisation(@Parent() me: { principal: PrincipalEntity }, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(me.principal.organisationId);
  }
}
