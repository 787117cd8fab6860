import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { nodeTypeOf } from './node-types.js';

/**
 * Anything with an id, for clients that refetch by id (Relay, Apollo's normalised cache). The ids
 * are the records' own UUIDs, unique across the registry, so they serve as global ids as they are
 * (README, "Ids"); an audit-log entry's id is its position in the log.
 */
@InterfaceType('Node', {
  description:
    'Anything with an id: refetch it with node(id) or nodes(ids). Ids are UUIDs unique across the registry (an audit-log entry: its position in the log).',
  resolveType: (value: object) => nodeTypeOf(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'The id, unique across the registry.' }) id: string;
}
