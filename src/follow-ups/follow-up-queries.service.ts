import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../common/errors/domain-error.js';
import { checkCasNumber } from '../common/identifiers/identifiers.js';
import { normalised } from '../common/identifiers/normalise.js';
import { paginateSql, type SortKey, type SqlSelection } from '../database/read/page-reader.js';
import { namedParameters, placeholders, SqlReader } from '../database/read/sql-reader.js';
import { ProductCategoriesService } from '../products/product-categories.service.js';
import { canSee, visibleCondition } from './follow-up-access.js';
import { FollowUpEntity } from './follow-up.entity.js';
import type { FollowUpFilter, FollowUpsArgs } from './follow-up.inputs.js';

const NO_DATE = '0001-01-01';

const ORDERS: Record<FollowUpsArgs['orderBy'], SortKey[]> = {
  PERFORMED_ON_DESC: [
    {
      column: `COALESCE(f.performed_on, '${NO_DATE}')`,
      property: 'performedOn',
      direction: 'DESC',
      value: (f: FollowUpEntity) => f.performedOn ?? NO_DATE,
    },
  ],
  PERFORMED_ON_ASC: [
    {
      column: `COALESCE(f.performed_on, '${NO_DATE}')`,
      property: 'performedOn',
      direction: 'ASC',
      value: (f: FollowUpEntity) => f.performedOn ?? NO_DATE,
    },
  ],
  RECORDED_AT_DESC: [{ column: 'f.created_at', property: 'createdAt', direction: 'DESC' }],
  RECORDED_AT_ASC: [{ column: 'f.created_at', property: 'createdAt', direction: 'ASC' }],
};

/** Finds follow-ups: only those the caller may see, whatever the filter. */
@Injectable()
export class FollowUpQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: ProductCategoriesService,
  ) {}

  async list(args: FollowUpsArgs, viewer: Principal) {
    return paginateSql(
      SqlReader.of(this.dataSource),
      await this.selection(args.filter, viewer),
      args,
      ORDERS[args.orderBy ?? 'PERFORMED_ON_DESC'],
    );
  }

  /** The follow-ups a filter selects among those the viewer may see (alias `f`), unordered: for lists and exports. */
  async filtered(filter: FollowUpFilter | undefined, viewer: Principal): Promise<SelectQueryBuilder<FollowUpEntity>> {
    const { where, params } = await this.selection(filter, viewer);
    const qb = this.dataSource.getRepository(FollowUpEntity).createQueryBuilder('f');
    // One placeholder per value, in order, across all the conditions.
    let n = 0;
    for (const condition of where) {
      const count = condition.split('?').length - 1;
      qb.andWhere(...namedParameters(condition, params.slice(n, n + count), 'p', n));
      n += count;
    }
    return qb;
  }

  /** The filter as SQL conditions on `follow_ups f`, the visibility rule first (see whereVisible). */
  private async selection(
    filter: FollowUpFilter | undefined,
    viewer: Principal,
  ): Promise<SqlSelection<FollowUpEntity>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const and = (condition: string, ...values: unknown[]) => {
      where.push(condition);
      params.push(...values);
    };
    const visible = visibleCondition(viewer);
    and(visible.sql, ...visible.params);
    const f = filter ?? {};
    if (f.productId) and('f.product_id = ?', f.productId);
    if (f.supplierId) and('f.supplier_id = ?', f.supplierId);
    if (f.organisationId) and('f.organisation_id = ?', f.organisationId);
    if (f.method) and('f.method = ?', f.method);
    if (f.status) and('f.status = ?', f.status);
    if (f.performedFrom) and('f.performed_on >= ?', f.performedFrom);
    if (f.performedTo) and('f.performed_on <= ?', f.performedTo);
    if (f.validOn) and('f.performed_on <= ? AND f.valid_until >= ?', f.validOn, f.validOn);
    if (f.requirementId)
      and(
        'EXISTS (SELECT 1 FROM follow_up_requirements fr WHERE fr.follow_up_id = f.id AND fr.requirement_id = ?)',
        f.requirementId,
      );
    if (f.substanceCas) {
      const cas = normalised('filter.substanceCas', f.substanceCas, checkCasNumber);
      and(
        'EXISTS (SELECT 1 FROM measurements m JOIN substances s ON s.id = m.substance_id WHERE m.follow_up_id = f.id AND s.cas_number = ?)',
        cas,
      );
    }
    if (f.categoryCode) {
      const ids = await this.categories.idsWithDescendants(f.categoryCode, 'filter.categoryCode');
      and(
        `EXISTS (SELECT 1 FROM products p WHERE p.id = f.product_id AND p.category_id IN (${placeholders(ids.length)}))`,
        ...ids,
      );
    }
    return { entity: FollowUpEntity, alias: 'f', where, params };
  }

  /** A follow-up the caller may see; a PRIVATE one of another organisation is NOT_FOUND, as if it did not exist. */
  async get(id: string, viewer: Principal): Promise<FollowUpEntity> {
    const found = await this.dataSource.getRepository(FollowUpEntity).findOneBy({ id });
    if (!found || !canSee(viewer, found)) throw notFound('FollowUp', id);
    return found;
  }
}
