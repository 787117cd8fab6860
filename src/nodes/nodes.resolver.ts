import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { Node } from './node.model.js';
import { MAX_NODE_IDS, NodesService } from './nodes.service.js';

@Resolver(() => Node)
export class NodesResolver {
  constructor(private readonly service: NodesService) {}

  /** A SUPPLIER member too: NodesService shows it only what its other paths do. */
  @Allow(Role.SUPPLIER)
  @Query(() => Node, {
    nullable: true,
    description: 'Anything by its id (the Node interface); null when there is none or you may not see it.',
  })
  async node(
    @Args('id', { type: () => ID, description: 'A UUID, or an audit-log entry’s position.' }) id: string,
    @CurrentPrincipal() viewer: Principal,
    @Context() ctx: GraphQLContext,
  ) {
    return (await this.service.find([id], viewer, ctx.loaders))[0];
  }

  @Allow(Role.SUPPLIER)
  @Query(() => [Node], {
    nullable: 'items',
    description: `Several records by id, in the order asked (at most ${MAX_NODE_IDS}); null in the place of one there is none of or you may not see.`,
  })
  nodes(
    @Args('ids', { type: () => [ID], description: `Up to ${MAX_NODE_IDS} ids.` }) ids: string[],
    @CurrentPrincipal() viewer: Principal,
    @Context() ctx: GraphQLContext,
  ) {
    return this.service.find(ids, viewer, ctx.loaders);
  }
}
