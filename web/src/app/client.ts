import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { CSRF_HEADERS } from './auth';

/** The graphql-ws socket on the same origin as the page (the service serves both). */
function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

export interface ApiClients {
  client: Client;
  /** The socket of the live feed; null for anonymous visitors (subscriptions need a token). */
  socket: WsClient | null;
}

/**
 * One urql client per token or session: queries and mutations over HTTP with the bearer token, subscriptions over
 * graphql-ws, which reconnects by itself (retryAttempts) after a dropped connection; the live feed
 * resumes from its last cursor so nothing is missed in between.
 */
export function createApiClients(token: string | null, session = false): ApiClients {
  // A session travels as the cookie of the upgrade request (same origin); a token in connection_init.
  const socket =
    token || session
      ? createWsClient({
          url: socketUrl(),
          connectionParams: token ? { authorization: `Bearer ${token}` } : {},
          lazy: true,
          retryAttempts: Infinity,
          shouldRetry: () => true,
        })
      : null;
  const client = new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST: Apollo's CSRF prevention refuses simple GET requests without a preflight header.
    preferGetMethod: false,
    // The session cookie goes with every same-origin request; the CSRF header marks them as the app's own.
    fetchOptions: {
      credentials: 'same-origin',
      headers: token ? { authorization: `Bearer ${token}`, ...CSRF_HEADERS } : { ...CSRF_HEADERS },
    },
    exchanges: [
      // A session that ended while the page was open (idle, expired, ended by an ADMIN): to the sign-in page, saying so.
      ...(session && !token
        ? [
            mapExchange({
              onError(error) {
                if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'))
                  window.location.assign('/sign-in?error=ended');
              },
            }),
          ]
        : []),
      cacheExchange,
      fetchExchange,
      ...(socket
        ? [
            subscriptionExchange({
              forwardSubscription(request) {
                const input = { ...request, query: request.query ?? '' };
                return {
                  subscribe(sink) {
                    const unsubscribe = socket.subscribe(input, sink);
                    return { unsubscribe };
                  },
                };
              },
            }),
          ]
        : []),
    ],
  });
  return { client, socket };
}
