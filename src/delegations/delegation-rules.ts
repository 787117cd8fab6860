import { DELEGATION_SCOPES, type DelegationScope } from '../vocabulary/vocabulary.js';

/**
 * The delegation rules as plain functions: when a delegation holds, and how its scopes are stored.
 * A delegation holds for a scope while it lists the scope, is not revoked, and today is on or before
 * its `expiresOn` (UTC, inclusive); checked on every write, so an expired or revoked one stops at once.
 */
export interface DelegationTerms {
  scopes: string;
  expiresOn: string;
  revokedAt: string | null;
}

export const scopesOf = (stored: string): DelegationScope[] =>
  DELEGATION_SCOPES.filter((s) => stored.split(',').includes(s));

/** The scopes as stored: unique, in DELEGATION_SCOPES order, comma-separated. */
export const storedScopes = (scopes: readonly DelegationScope[]): string =>
  DELEGATION_SCOPES.filter((s) => scopes.includes(s)).join(',');

export function delegationHolds(d: DelegationTerms, scope: DelegationScope, today: string): boolean {
  return d.revokedAt === null && d.expiresOn >= today && scopesOf(d.scopes).includes(scope);
}
