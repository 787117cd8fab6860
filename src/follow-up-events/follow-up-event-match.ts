import type { Principal } from '../auth/principal.js';
import { canSee } from '../follow-ups/follow-up-access.js';
import type { FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import type { FollowUpEventType } from '../vocabulary/vocabulary.js';

/** A subscriber's filter with its category code resolved to the ids of the category and its sub-categories. */
export interface ResolvedFilter {
  types: readonly FollowUpEventType[];
  supplierId?: string;
  productId?: string;
  requirementId?: string;
  organisationId?: string;
  categoryIds?: readonly string[];
}

/** What the filter and the visibility rule look at: the event's type, its follow-up, and what is not on the follow-up's row. */
export interface FollowUpEventFacts {
  seq: number;
  type: string;
  followUp: Pick<FollowUpEntity, 'visibility' | 'organisationId' | 'supplierId' | 'productId'>;
  /** The requirements the follow-up checked (its follow_up_requirements rows). */
  requirementIds: readonly string[];
  /** Its product's category: null for a follow-up without a product, or a product without a category. */
  categoryId: string | null;
}

/**
 * True when the viewer may see the event and it passes the filter: the WHERE clause of
 * FollowUpEventsService's SQL read, condition for condition, for the shared read that filters in
 * memory. Keep the two in step (test/fan-out.e2e-spec.ts checks that they agree).
 *
 * As in SQL, an empty id in the filter is no condition (`if (f.supplierId)`), a follow-up without a
 * product matches no productId and no category, and ids compare exactly.
 */
export function matchesFollowUpEvent(viewer: Principal | null, filter: ResolvedFilter, e: FollowUpEventFacts): boolean {
  const f = e.followUp;
  if (!(filter.types as readonly string[]).includes(e.type)) return false;
  if (!canSee(viewer, f)) return false;
  if (filter.supplierId && f.supplierId !== filter.supplierId) return false;
  if (filter.productId && f.productId !== filter.productId) return false;
  if (filter.organisationId && f.organisationId !== filter.organisationId) return false;
  if (filter.requirementId && !e.requirementIds.includes(filter.requirementId)) return false;
  if (filter.categoryIds && (e.categoryId === null || !filter.categoryIds.includes(e.categoryId))) return false;
  return true;
}

/**
 * One page of a stretch of the log for one viewer: the events with `after < seq ≤ upTo` that match,
 * oldest first, at most `limit` (what the SQL read returns with ORDER BY seq and LIMIT).
 * `rows` must be in `seq` order.
 */
export function selectPage<T extends FollowUpEventFacts>(
  rows: readonly T[],
  viewer: Principal | null,
  filter: ResolvedFilter,
  after: number,
  upTo: number,
  limit: number,
): T[] {
  const page: T[] = [];
  for (const row of rows) {
    if (page.length >= limit) break;
    if (row.seq > after && row.seq <= upTo && matchesFollowUpEvent(viewer, filter, row)) page.push(row);
  }
  return page;
}
