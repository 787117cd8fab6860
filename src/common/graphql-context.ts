import type { AuthState } from '../auth/principal.js';
import type { Loaders } from '../database/read/loaders/loaders.js';

/** What every resolver receives: who calls, and this request's loaders. */
export interface GraphQLContext {
  auth: AuthState;
  loaders: Loaders;
  /** The HTTP request (on WebSocket: the upgrade request); `id` is its x-request-id. */
  req?: { headers: Record<string, string | string[] | undefined>; id?: string };
  /**
   * WebSocket only: the event log's head when the connection was acknowledged, while the connection
   * is young. A subscription without a cursor starts there, so a client that connects, subscribes
   * and writes at once cannot lose its write to the race between the two (see graphql-ws.options.ts).
   */
  liveFrom?: number;
}
