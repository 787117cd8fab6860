import type { AuthState } from '../auth/principal.js';
import type { Loaders } from './loaders.js';

/** What every resolver receives: who calls, and this request's loaders. */
export interface GraphQLContext {
  auth: AuthState;
  loaders: Loaders;
  req?: { headers: Record<string, string | string[] | undefined> };
}
