import type { GraphQLSchema } from 'graphql';

/**
 * Descriptions of the root types, which Nest's code-first schema has no decorator for. Each says
 * how the operations of its kind reach the service and what an answer holds when one fails.
 */
const ROOT_DESCRIPTIONS = {
  query:
    'Reads, over POST /graphql with "Authorization: Bearer <token>". Each answers only what your token may see; a lookup of a record you may not see is null.',
  mutation:
    'Writes, over POST /graphql. Each is one transaction: refused input answers BAD_USER_INPUT with extensions.problems listing every problem, and stores nothing.',
  subscription:
    'Live events over WebSocket at ws://<host>/graphql (the graphql-ws protocol), with { authorization: "Bearer <token>" } in the connection_init payload; one sent over HTTP is answered 400.',
} as const;

export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const roots = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  };
  for (const [kind, type] of Object.entries(roots))
    if (type && !type.description) type.description = ROOT_DESCRIPTIONS[kind as keyof typeof ROOT_DESCRIPTIONS];
  return schema;
}
