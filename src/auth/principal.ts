import { Role } from './role.js';

/** Who is calling: resolved from the bearer token once per request or WebSocket connection. */
export interface Principal {
  principalId: string;
  organisationId: string;
  role: Role;
  /** The bearer token used; '' for a session (a person signed in through the organisation's identity provider). */
  tokenId: string;
  /** The session used (cookie), when the caller signed in through an identity provider; absent for a token. */
  sessionId?: string | null;
  name: string;
  /**
   * For a member of a supplier's organisation (role SUPPLIER): the supplier it is. It decides what
   * the principal sees (follow-up-access.ts); absent or null for everyone else.
   */
  supplierId?: string | null;
}

/** The authentication outcome carried in the GraphQL context. */
export interface AuthState {
  principal: Principal | null;
  /** Why a presented token was refused (bad, expired, revoked); null when no token or a good one. */
  error: string | null;
}
