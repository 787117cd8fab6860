import { EventEntity } from '../events/event.entity.js';
import { Role } from '../auth/role.js';
import { Allow } from '../auth/allow.decorator.js';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PrincipalEntity } from '../auth/principal.entity.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { notFound } from '../common/errors/domain-error.js';
import { loadVisibleContract } from '../database/read/loaders/contract.loaders.js';
import { Contract } from '../contracts/contract.model.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { DeviationEntity } from './deviation.entity.js';
import { Deviation } from './deviation.model.js';
import { loadVisibleFollowUp } from '../database/read/loaders/follow-up.loaders.js';
import { FollowUp, HistoryEvent, Measurement } from './follow-up.model.js';
import { MeasurementEntity } from './measurement.entity.js';
import { ReuseEntity } from './reuse.entity.js';
import { Reuse } from './reuse.model.js';

/**
 * Relations of the follow-up family's smaller types, all through per-request loaders.
 * (`Measurement.substance` has no resolver: the measurements arrive with it, see withSubstances.)
 */
@Resolver(() => Measurement)
export class MeasurementResolver {
  @Allow(Role.SUPPLIER)
  @ResolveField(() => FollowUp)
  followUp(@Parent() m: MeasurementEntity, @Context() ctx: GraphQLContext, @CurrentPrincipal() viewer: Principal) {
    return loadVisibleFollowUp(ctx.loaders, m.followUpId, viewer);
  }
}

@Resolver(() => Deviation)
export class DeviationRelationsResolver {
  @Allow(Role.SUPPLIER)
  @ResolveField(() => FollowUp)
  followUp(@Parent() d: DeviationEntity, @Context() ctx: GraphQLContext, @CurrentPrincipal() viewer: Principal) {
    return loadVisibleFollowUp(ctx.loaders, d.followUpId, viewer);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation)
  organisation(@Parent() d: DeviationEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(d.organisationId);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Supplier)
  supplier(@Parent() d: DeviationEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(SupplierEntity).load(d.supplierId);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => ChemicalRequirement, { nullable: true })
  requirement(@Parent() d: DeviationEntity, @Context() ctx: GraphQLContext) {
    return d.requirementId ? ctx.loaders.byId(RequirementEntity).load(d.requirementId) : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Contract, { nullable: true })
  contract(@Parent() d: DeviationEntity, @Context() ctx: GraphQLContext, @CurrentPrincipal() viewer: Principal) {
    return loadVisibleContract(ctx.loaders, d.contractId, viewer);
  }
}

@Resolver(() => Reuse)
export class ReuseRelationsResolver {
  @Allow(Role.SUPPLIER)
  @ResolveField(() => FollowUp)
  followUp(@Parent() r: ReuseEntity, @Context() ctx: GraphQLContext, @CurrentPrincipal() viewer: Principal) {
    return loadVisibleFollowUp(ctx.loaders, r.followUpId, viewer);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Contract)
  async contract(@Parent() r: ReuseEntity, @Context() ctx: GraphQLContext, @CurrentPrincipal() viewer: Principal) {
    // FollowUp.reuses leaves out, for a supplier member, the reuses under contracts it may not see.
    const contract = await loadVisibleContract(ctx.loaders, r.contractId, viewer);
    if (!contract) throw notFound('Contract', r.contractId);
    return contract;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation)
  organisation(@Parent() r: ReuseEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(r.organisationId);
  }
}

/** An event of the log as a record's history shows it (a follow-up's, a focus area's), its actor resolved below. */
export function asHistoryEvent(e: EventEntity) {
  return {
    cursor: String(e.seq),
    type: e.type,
    occurredAt: e.occurredAt,
    actorOrganisationId: e.actorOrganisationId,
    actorPrincipalId: e.actorPrincipalId,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    details: e.payload,
  };
}

@Resolver(() => HistoryEvent)
export class HistoryEventResolver {
  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation, { nullable: true })
  actorOrganisation(@Parent() e: { actorOrganisationId: string | null }, @Context() ctx: GraphQLContext) {
    return e.actorOrganisationId ? ctx.loaders.byId(OrganisationEntity).load(e.actorOrganisationId) : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => String, { nullable: true })
  async actorName(@Parent() e: { actorPrincipalId: string | null }, @Context() ctx: GraphQLContext) {
    return e.actorPrincipalId
      ? ((await ctx.loaders.byId(PrincipalEntity).load(e.actorPrincipalId))?.name ?? null)
      : null;
  }
}
