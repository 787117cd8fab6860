import { forbidden } from '../common/errors/domain-error.js';
import type { Principal } from './principal.js';

/**
 * A principal writes only for its own organisation, whatever its role: an ADMIN of one organisation
 * is no ADMIN of another (issue 12). Where one organisation may act for another, it does so under a
 * delegation the other granted (src/delegations: `authorityFor`, `authorityOver`).
 */
export function assertActsFor(actor: Principal | null, organisationId: string, what: string): void {
  if (!actor) throw forbidden(`${what}: no principal`);
  if (actor.organisationId === organisationId) return;
  throw forbidden(`${what}: it belongs to another organisation; you can only act for your own`);
}

/**
 * Members and tokens are managed only within one's own organisation, ADMIN or not, and never under a
 * delegation: a token issued for another organisation would read that
 * organisation's PRIVATE follow-ups and confidential notes, so it would undo the confidentiality
 * rule. A new organisation gets its first ADMIN from the operator's CLI (`token create`).
 */
export function assertManages(actor: Principal | null, organisationId: string, what: string): void {
  if (!actor) throw forbidden(`${what}: no principal`);
  if (actor.organisationId === organisationId) return;
  throw forbidden(
    `${what}: it belongs to another organisation; an ADMIN manages the members and tokens of its own organisation only`,
  );
}
