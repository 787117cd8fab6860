import { placeholders } from '../database/read/sql-reader.js';
import type { SqlWhere } from '../database/read/sql-where.js';

/** What the `followUps` filter and the follow-up events filter both ask of a follow-up. */
export interface FollowUpConditions {
  productId?: string;
  supplierId?: string;
  organisationId?: string;
  /** A requirement the follow-up checked. */
  requirementId?: string;
  /** Its product's category is one of these (a category with its sub-categories). */
  categoryIds?: readonly string[];
}

/** Adds the conditions on `follow_ups f` that are set (an empty id is no condition). */
export function andFollowUp(where: SqlWhere, f: FollowUpConditions): SqlWhere {
  where
    .equal('f.product_id', f.productId)
    .equal('f.supplier_id', f.supplierId)
    .equal('f.organisation_id', f.organisationId);
  if (f.requirementId)
    where.and(
      'EXISTS (SELECT 1 FROM follow_up_requirements fr WHERE fr.follow_up_id = f.id AND fr.requirement_id = ?)',
      f.requirementId,
    );
  if (f.categoryIds)
    where.and(
      `EXISTS (SELECT 1 FROM products p WHERE p.id = f.product_id AND p.category_id IN (${placeholders(f.categoryIds.length)}))`,
      ...f.categoryIds,
    );
  return where;
}
