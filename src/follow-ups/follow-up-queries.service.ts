import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../common/errors/domain-error.js';
import { checkCasNumber } from '../common/identifiers/identifiers.js';
import { normalised } from '../common/identifiers/normalise.js';
import { type Listing, type PageOrder, PageReader, keysetOrder } from '../database/read/page-reader.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import { ProductCategoriesService } from '../products/product-categories.service.js';
import { canSee, visibleCondition } from './follow-up-access.js';
import { FollowUpEntity } from './follow-up.entity.js';
import { andFollowUp } from './follow-up-where.js';
import type { FollowUpFilter, FollowUpsArgs } from './follow-up.inputs.js';

const NO_DATE = '0001-01-01';

const performedOn = (direction: 'ASC' | 'DESC') =>
  keysetOrder<FollowUpEntity>('f', {
    column: `COALESCE(f.performed_on, '${NO_DATE}')`,
    property: 'performedOn',
    direction,
    value: (f) => f.performedOn ?? NO_DATE,
  });

const ORDERS: Record<FollowUpsArgs['orderBy'], PageOrder<FollowUpEntity>> = {
  PERFORMED_ON_DESC: performedOn('DESC'),
  PERFORMED_ON_ASC: performedOn('ASC'),
  RECORDED_AT_DESC: keysetOrder('f', { column: 'f.created_at', property: 'createdAt', direction: 'DESC' }),
  RECORDED_AT_ASC: keysetOrder('f', { column: 'f.created_at', property: 'createdAt', direction: 'ASC' }),
};

/** An order of `followUps` (by default the newest performed first; one not performed yet as if on 0001-01-01). */
export const followUpOrder = (orderBy: FollowUpsArgs['orderBy'] = 'PERFORMED_ON_DESC') => ORDERS[orderBy];

/** Finds follow-ups: only those the caller may see, whatever the filter. */
@Injectable()
export class FollowUpQueriesService {
  constructor(
    private readonly reader: SqlReader,
    private readonly pages: PageReader,
    private readonly categories: ProductCategoriesService,
  ) {}

  async list(args: FollowUpsArgs, viewer: Principal) {
    return this.pages.connection(await this.listing(args.filter, viewer), followUpOrder(args.orderBy), args);
  }

  /**
   * The follow-ups a filter selects among those the viewer may see (`follow_ups f`, the visibility
   * rule the first condition: see visibleCondition): for `followUps` and its CSV export alike.
   */
  async listing(filter: FollowUpFilter | undefined, viewer: Principal): Promise<Listing<FollowUpEntity>> {
    const visible = visibleCondition(viewer);
    const where = new SqlWhere().and(visible.sql, ...visible.params);
    const f = filter ?? {};
    // Checked before the category is looked up, as the filter's fields are checked in order.
    const cas = f.substanceCas && normalised('filter.substanceCas', f.substanceCas, checkCasNumber);
    const categoryIds = f.categoryCode
      ? await this.categories.idsWithDescendants(f.categoryCode, 'filter.categoryCode')
      : undefined;
    andFollowUp(where, { ...f, categoryIds })
      .equal('f.method', f.method)
      .equal('f.status', f.status);
    if (f.performedFrom) where.and('f.performed_on >= ?', f.performedFrom);
    if (f.performedTo) where.and('f.performed_on <= ?', f.performedTo);
    if (f.validOn) where.and('f.performed_on <= ? AND f.valid_until >= ?', f.validOn, f.validOn);
    if (cas)
      where.and(
        'EXISTS (SELECT 1 FROM measurements m JOIN substances s ON s.id = m.substance_id WHERE m.follow_up_id = f.id AND s.cas_number = ?)',
        cas,
      );
    return this.pages.listing(FollowUpEntity, 'f', where);
  }

  /** A follow-up the caller may see; a PRIVATE one of another organisation is NOT_FOUND, as if it did not exist. */
  async get(id: string, viewer: Principal): Promise<FollowUpEntity> {
    const found = await this.reader.findOneBy(FollowUpEntity, { id });
    if (!found || !canSee(viewer, found)) throw notFound('FollowUp', id);
    return found;
  }
}
