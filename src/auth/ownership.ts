import { forbidden } from '../common/errors/domain-error.js';
import type { Principal } from './principal.js';
import { Role } from './role.js';

/** A principal writes only for its own organisation; an ADMIN may act for any (operations, imports). */
export function assertActsFor(actor: Principal | null, organisationId: string, what: string): void {
  if (!actor) throw forbidden(`${what}: no principal`);
  if (actor.role === Role.ADMIN || actor.organisationId === organisationId) return;
  throw forbidden(`${what}: it belongs to another organisation; you can only act for your own`);
}
