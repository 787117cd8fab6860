import { forbidden } from '../common/errors/domain-error.js';
import type { Principal } from './principal.js';

/** A supplier's answers (action plans, comments, report releases) are given by that supplier's own members only. */
export function assertAnswersFor(actor: Principal | null, supplierId: string, what: string): void {
  if (!actor?.supplierId) throw forbidden(`${what}: only a member of the supplier answers for it`);
  if (actor.supplierId !== supplierId)
    throw forbidden(`${what}: it concerns another supplier; you answer for your own supplier only`);
}
