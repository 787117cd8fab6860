import { Args, Context, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { EventsArgs, FollowUpEvent, FollowUpEventConnection, FollowUpEventsArgs } from './follow-up-event.model.js';
import {
  FollowUpEventsService,
  type FollowUpEventRow,
  type FollowUpEventShape,
  toFollowUpEvent,
} from './follow-up-events.service.js';

/**
 * Each event of a subscription is executed with the same context (one per operation over the
 * WebSocket): give it the loaders of the stretch it was read in (shared by every subscriber that
 * delivers it, see FollowUpEventsService.readStretch), or else fresh ones, so the follow-up's
 * relations are read as they are now and not from the cache of an earlier event.
 */
function deliver(row: FollowUpEventRow, _args: unknown, ctx: GraphQLContext) {
  ctx.loaders = row.sharedLoaders ?? ctx.loaders.fresh();
  return toFollowUpEvent(row);
}

@Resolver(() => FollowUpEvent)
export class FollowUpEventsResolver {
  constructor(private readonly service: FollowUpEventsService) {}

  @Allow(Role.SUPPLIER)
  @Subscription(() => FollowUpEvent, {
    description:
      'Follow-up events as they are committed, in commit order, over graphql-ws. With `after` (a cursor you received), first the events committed since, then live: no gap, no duplicate.',
    resolve: deliver,
  })
  followUpEvents(
    @Args() args: FollowUpEventsArgs,
    @CurrentPrincipal() viewer: Principal,
    @Context() ctx: GraphQLContext,
  ) {
    // Without a cursor: live from now, or from the moment a young connection was acknowledged.
    return this.service.stream(
      viewer,
      args.filter,
      args.after ?? (ctx.liveFrom !== undefined ? String(ctx.liveFrom) : undefined),
    );
  }

  @Allow(Role.SUPPLIER)
  @Query(() => FollowUpEventConnection, {
    description:
      'Follow-up events after a cursor, oldest first: the followUpEvents subscription for clients that poll.',
  })
  async events(@Args() args: EventsArgs, @CurrentPrincipal() viewer: Principal) {
    const page = await this.service.connection(viewer, args);
    return {
      ...page,
      nodes: page.nodes.map(toFollowUpEvent),
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toFollowUpEvent(e.node) })),
    };
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation, { nullable: true })
  actorOrganisation(@Parent() e: FollowUpEventShape, @Context() ctx: GraphQLContext) {
    return e.actorOrganisationId ? ctx.loaders.byId(OrganisationEntity).load(e.actorOrganisationId) : null;
  }
}
