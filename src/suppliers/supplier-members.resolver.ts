import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { SupplierInvitation } from './supplier-member.model.js';
import { SupplierMembersService } from './supplier-members.service.js';

@Resolver(() => SupplierInvitation)
export class SupplierMembersResolver {
  constructor(private readonly members: SupplierMembersService) {}

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => SupplierInvitation, {
    description:
      "Invites a person of a supplier your organisation has a contract with: a member of the supplier's organisation with the role SUPPLIER, who sees the SHARED follow-ups of its own products and answers them.",
  })
  inviteSupplierMember(
    @Args('supplierId', {
      type: () => ID,
      description: 'The supplier the member belongs to; your organisation must have a contract with it.',
    })
    supplierId: string,
    @Args('name', { description: "The member's name, e.g. a quality manager at the supplier." }) name: string,
    @Args('email', { description: "The member's e-mail address: notifications go there." }) email: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.members.invite({ supplierId, name, email }, actor);
  }

  /** The organisation of an invited member (the supplier's). */
  @Allow(Role.CONTACT_PERSON)
  @ResolveField(() => Organisation)
  organisation(@Parent() i: { principal: { organisationId: string } }, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(i.principal.organisationId);
  }
}
