import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { PrincipalEntity } from '../auth/principal.entity.js';
import { PrincipalModel } from '../auth/principal.model.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { IdentityProvidersService } from './identity-providers.service.js';
import { SessionsService } from './sessions.service.js';
import type { SessionEntity } from './sign-in.entities.js';
import { AddIdentityProviderInput, UpdateIdentityProviderInput } from './sign-in.inputs.js';
import { IdentityProviderModel, SessionModel } from './sign-in.models.js';

/** Identity providers and sessions, for the ADMINs of an organisation (its own only). */
@Allow(Role.ADMIN)
@Resolver(() => SessionModel)
export class SignInResolver {
  constructor(
    private readonly providers: IdentityProvidersService,
    private readonly sessionsService: SessionsService,
  ) {}

  @Query(() => [IdentityProviderModel], {
    description: "Your organisation's identity provider (none or one). Never its client secret.",
  })
  identityProviders(
    @CurrentPrincipal() viewer: Principal,
    @Args('organisationId', {
      type: () => ID,
      nullable: true,
      description: "Defaults to yours; another organisation's is FORBIDDEN.",
    })
    organisationId?: string,
  ) {
    return this.providers.list(viewer, organisationId ?? null);
  }

  @Mutation(() => IdentityProviderModel, {
    description: "Lets your organisation's people sign in through its OpenID Connect identity provider.",
  })
  addIdentityProvider(
    @Args('input', { description: 'The provider: issuer, client, scopes, claim mapping.' })
    input: AddIdentityProviderInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.providers.add(input, actor);
  }

  @Mutation(() => IdentityProviderModel, { description: "Changes your organisation's identity provider." })
  updateIdentityProvider(
    @Args('id', { type: () => ID, description: 'The identity provider.' }) id: string,
    @Args('input', { description: 'What changes; omitted fields stay as they are.' })
    input: UpdateIdentityProviderInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.providers.update(id, input, actor);
  }

  @Mutation(() => IdentityProviderModel, {
    description: "Removes your organisation's identity provider and ends the sessions opened through it.",
  })
  removeIdentityProvider(
    @Args('id', { type: () => ID, description: 'The identity provider.' }) id: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.providers.remove(id, actor);
  }

  @Query(() => [SessionModel], {
    description: "Your organisation's sessions, newest first (at most 500): the open ones, or also the ended ones.",
  })
  sessions(
    @CurrentPrincipal() viewer: Principal,
    @Args('includeEnded', { type: () => Boolean, defaultValue: false, description: 'Also the ended sessions.' })
    includeEnded: boolean,
  ) {
    return this.sessionsService.list(viewer, includeEnded);
  }

  @Mutation(() => SessionModel, {
    description:
      "Ends a session of your organisation at once: the person's next request is refused and their live connections close.",
  })
  endSession(
    @Args('id', { type: () => ID, description: 'The session.' }) id: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.sessionsService.endByAdmin(id, actor);
  }

  @ResolveField(() => PrincipalModel, { description: 'Who signed in.' })
  principal(@Parent() s: Pick<SessionEntity, 'principalId'>, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(PrincipalEntity).load(s.principalId);
  }
}
