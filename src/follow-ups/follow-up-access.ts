import { type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import type { ContractEntity } from '../contracts/contract.entity.js';
import type { FollowUpEntity } from './follow-up.entity.js';

/**
 * The one visibility rule for follow-ups, used by every read path (lists, lookups, relations,
 * events, subscriptions, the CSV export, evaluation, supplier status, the audit log):
 * - a member of an organisation reads the SHARED ones and its own organisation's PRIVATE ones;
 * - a supplier member (`principal.supplierId`) reads only the SHARED ones about its own supplier,
 *   whoever recorded them, and never a PRIVATE one.
 */
export const canSee = (
  principal: Principal | null,
  f: Pick<FollowUpEntity, 'visibility' | 'organisationId' | 'supplierId'>,
): boolean => {
  if (!principal) return false;
  if (principal.supplierId) return f.visibility === 'SHARED' && f.supplierId === principal.supplierId;
  return f.visibility === 'SHARED' || f.organisationId === principal.organisationId;
};

/** True when the principal's organisation recorded it: confidential fields are for it alone. */
export const isOwner = (principal: Principal | null, f: Pick<FollowUpEntity, 'organisationId'>): boolean =>
  Boolean(principal) && f.organisationId === principal!.organisationId;

/** The rule as an SQL condition on follow-ups (alias `alias`) with `?` placeholders, for hand-written SQL. */
export function visibleCondition(principal: Principal | null, alias = 'f'): { sql: string; params: string[] } {
  if (!principal) return { sql: '1 = 0', params: [] };
  if (principal.supplierId)
    return { sql: `(${alias}.visibility = 'SHARED' AND ${alias}.supplier_id = ?)`, params: [principal.supplierId] };
  return {
    sql: `(${alias}.visibility = 'SHARED' OR ${alias}.organisation_id = ?)`,
    params: [principal.organisationId],
  };
}

/** Restricts a query over follow-ups (alias `alias`) to what the principal may see. */
export function whereVisible<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  principal: Principal | null,
  alias = 'f',
): SelectQueryBuilder<T> {
  const { sql, params } = visibleCondition(principal, alias);
  return qb.andWhere(sql.replace('?', ':viewerKey'), params.length ? { viewerKey: params[0] } : {});
}

/**
 * Contracts, reached through a follow-up, a deviation or a reuse: a supplier member sees only its
 * own supplier's contracts (never which regions buy from whom else); everyone else sees all.
 */
export const canSeeContract = (principal: Principal | null, c: Pick<ContractEntity, 'supplierId'>): boolean =>
  Boolean(principal) && (!principal!.supplierId || c.supplierId === principal!.supplierId);

/**
 * A report's details (reference, laboratory) of a follow-up that waits for the supplier's release
 * (`requiresSupplierRelease`, not yet `reportReleasedAt`): for the recording organisation and the
 * supplier's own members only. Everyone else still reads the verdicts and values.
 */
export const canSeeReportDetails = (
  principal: Principal | null,
  f: Pick<FollowUpEntity, 'organisationId' | 'supplierId' | 'requiresSupplierRelease' | 'reportReleasedAt'>,
): boolean =>
  Boolean(principal) &&
  (!f.requiresSupplierRelease ||
    f.reportReleasedAt !== null ||
    isOwner(principal, f) ||
    principal!.supplierId === f.supplierId);
