import { type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import type { FollowUpEntity } from './follow-up.entity.js';

/**
 * The one visibility rule for follow-ups, used by every read path: SHARED ones are read by all
 * members, PRIVATE ones only by the organisation that recorded them.
 */
export const canSee = (
  principal: Principal | null,
  f: Pick<FollowUpEntity, 'visibility' | 'organisationId'>,
): boolean => Boolean(principal) && (f.visibility === 'SHARED' || f.organisationId === principal!.organisationId);

/** True when the principal's organisation recorded it: confidential fields are for it alone. */
export const isOwner = (principal: Principal | null, f: Pick<FollowUpEntity, 'organisationId'>): boolean =>
  Boolean(principal) && f.organisationId === principal!.organisationId;

/** The rule as an SQL condition on follow-ups (alias `alias`) with `?` placeholders, for hand-written SQL. */
export function visibleCondition(principal: Principal | null, alias = 'f'): { sql: string; params: string[] } {
  if (!principal) return { sql: '1 = 0', params: [] };
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
  return qb.andWhere(sql.replace('?', ':viewerOrg'), params.length ? { viewerOrg: params[0] } : {});
}
