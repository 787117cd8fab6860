import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { PrincipalEntity } from '../auth/principal.entity.js';
import { PrincipalModel } from '../auth/principal.model.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { AuditLogArgs } from './audit-log.inputs.js';
import { AuditLogConnection, AuditLogEntry } from './audit-log.model.js';
import { AuditLogService, type AuditLogRow } from './audit-log.service.js';

@Resolver(() => AuditLogEntry)
export class AuditLogResolver {
  constructor(private readonly service: AuditLogService) {}

  @Allow(Role.ADMIN)
  @Query(() => AuditLogConnection, {
    description:
      "The audit trail (ADMIN): every change's event, newest first by default. Leaves out events of follow-ups you may not see and other organisations' member and token administration.",
  })
  auditLog(@Args() args: AuditLogArgs, @CurrentPrincipal() viewer: Principal) {
    return this.service.list(args, viewer);
  }

  @ResolveField(() => PrincipalModel, { nullable: true })
  actor(@Parent() e: AuditLogRow, @Context() ctx: GraphQLContext) {
    return e.actorPrincipalId ? ctx.loaders.byId(PrincipalEntity).load(e.actorPrincipalId) : null;
  }

  @ResolveField(() => String, { nullable: true })
  async actorName(@Parent() e: AuditLogRow, @Context() ctx: GraphQLContext) {
    return e.actorPrincipalId
      ? ((await ctx.loaders.byId(PrincipalEntity).load(e.actorPrincipalId))?.name ?? null)
      : null;
  }

  @ResolveField(() => Organisation, { nullable: true })
  actorOrganisation(@Parent() e: AuditLogRow, @Context() ctx: GraphQLContext) {
    return e.actorOrganisationId ? ctx.loaders.byId(OrganisationEntity).load(e.actorOrganisationId) : null;
  }
}
