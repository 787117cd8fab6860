import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../common/graphql-context.js';

/**
 * A subscription sent over HTTP (Apollo Client with only an HTTP link, GraphiQL with an unnamed
 * subscription, curl) is refused with 400 and a message that says where subscriptions live: the
 * graphql-ws protocol on this same path, `ws://<host>/graphql` (`wss://` behind TLS). Without it,
 * graphql-js would try to execute it and answer an INTERNAL_SERVER_ERROR that names nothing.
 */
export const subscriptionOverHttpPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation?.operation !== 'subscription') return;
        const headers = request.http?.headers;
        const host = headers?.get('x-forwarded-host') ?? headers?.get('host') ?? 'localhost:3000';
        const scheme = headers?.get('x-forwarded-proto') === 'https' ? 'wss' : 'ws';
        throw new GraphQLError(
          `Subscriptions are served over WebSocket with the graphql-ws protocol at ${scheme}://${host}/graphql, not over HTTP: use a graphql-ws client (e.g. Apollo Client's GraphQLWsLink) for this operation`,
          { extensions: { code: 'BAD_REQUEST', http: { status: 400 }, websocket: `${scheme}://${host}/graphql` } },
        );
      },
    };
  },
};
