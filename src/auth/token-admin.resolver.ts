import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/graphql-context.js';
import { nowIso } from '../common/time.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { Allow } from './allow.decorator.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { ApiTokenEntity, PrincipalEntity } from './principal.entity.js';
import {
  ApiTokenConnection,
  ApiTokenModel,
  CreatedToken,
  PrincipalConnection,
  PrincipalModel,
  TokenStatusEnum,
} from './principal.model.js';
import type { Principal } from './principal.js';
import { Role } from './role.js';
import type { TokenStatus } from '../vocabulary/vocabulary.js';
import {
  CreateApiClientInput,
  CreateMemberInput,
  CreateTokenInput,
  PrincipalsArgs,
  TokensArgs,
} from './token-admin.inputs.js';
import { TokenAdminService } from './token-admin.service.js';
import { TokenQueriesService } from './token-queries.service.js';

/**
 * Members, API clients and their tokens, for the ADMINs of an organisation (its own only; the
 * operator's CLI bootstraps the first ADMIN of an organisation).
 */
@Allow(Role.ADMIN)
@Resolver(() => ApiTokenModel)
export class TokenAdminResolver {
  constructor(
    private readonly admin: TokenAdminService,
    private readonly queries: TokenQueriesService,
  ) {}

  @Mutation(() => PrincipalModel, {
    description: 'Adds a person to your organisation; give them a token with createToken.',
  })
  createMember(
    @Args('input', { description: 'The member.' }) input: CreateMemberInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.admin.createPrincipal(
      {
        organisationId: input.organisationId ?? actor.organisationId,
        kind: 'MEMBER',
        name: input.name,
        email: input.email,
      },
      actor,
    );
  }

  @Mutation(() => PrincipalModel, {
    description: 'Adds another tool acting for your organisation; give it a token with createToken.',
  })
  createApiClient(
    @Args('input', { description: 'The API client.' }) input: CreateApiClientInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.admin.createPrincipal(
      { organisationId: input.organisationId ?? actor.organisationId, kind: 'API_CLIENT', name: input.name },
      actor,
    );
  }

  @Mutation(() => CreatedToken, {
    description:
      'Issues a token for a principal of your organisation, with a role no higher than yours. The secret is in the answer only.',
  })
  async createToken(
    @Args('input', { description: 'The token to create.' }) input: CreateTokenInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    const { token, entity } = await this.admin.issueToken(input, actor);
    return { token, apiToken: entity };
  }

  @Mutation(() => ApiTokenModel, {
    description: 'Revokes a token of your organisation at once; it cannot be restored.',
  })
  async revokeToken(
    @Args('id', { type: () => ID, description: 'The token (its id, ApiToken.id).' }) id: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    const summary = await this.admin.revoke(id, actor);
    return {
      id: summary.id,
      prefix: summary.prefix,
      name: summary.name,
      role: summary.role,
      expiresAt: summary.expiresAt,
      revokedAt: summary.revokedAt,
      createdAt: summary.createdAt,
      principalId: summary.principalId,
    };
  }

  @Query(() => ApiTokenConnection, {
    description: "Your organisation's tokens, oldest first (without revoked ones unless asked).",
  })
  tokens(@Args() args: TokensArgs, @CurrentPrincipal() viewer: Principal) {
    return this.queries.tokens(args, viewer);
  }

  @Query(() => PrincipalConnection, { description: "Your organisation's members and API clients, oldest first." })
  principals(@Args() args: PrincipalsArgs, @CurrentPrincipal() viewer: Principal) {
    return this.queries.principals(args, viewer);
  }

  @ResolveField(() => PrincipalModel)
  principal(@Parent() t: Pick<ApiTokenEntity, 'principalId'>, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(PrincipalEntity).load(t.principalId);
  }

  @ResolveField(() => TokenStatusEnum)
  status(@Parent() t: Pick<ApiTokenEntity, 'expiresAt' | 'revokedAt'>): TokenStatus {
    if (t.revokedAt) return 'REVOKED';
    return t.expiresAt && t.expiresAt <= nowIso() ? 'EXPIRED' : 'ACTIVE';
  }
}

@Resolver(() => PrincipalModel)
export class PrincipalResolver {
  /** Open to SUPPLIER for `me { principal { organisation } }`; a supplier member reaches no other principal. */
  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation)
  organisation(@Parent() p: Pick<PrincipalEntity, 'organisationId'>, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(p.organisationId);
  }
}
