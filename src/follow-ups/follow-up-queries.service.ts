import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../common/errors/domain-error.js';
import { checkCasNumber } from '../common/identifiers/identifiers.js';
import { normalised } from '../common/identifiers/normalise.js';
import { paginate, type SortKey } from '../common/pagination/paginate.js';
import { ProductCategoriesService } from '../products/product-categories.service.js';
import { canSee, whereVisible } from './follow-up-access.js';
import { FollowUpEntity } from './follow-up.entity.js';
import type { FollowUpFilter, FollowUpsArgs } from './follow-up.inputs.js';

const NO_DATE = '0001-01-01';

const ORDERS: Record<FollowUpsArgs['orderBy'], SortKey[]> = {
  PERFORMED_ON_DESC: [{ column: `COALESCE(f.performed_on, '${NO_DATE}')`, property: 'performedOn', direction: 'DESC', value: (f: FollowUpEntity) => f.performedOn ?? NO_DATE }],
  PERFORMED_ON_ASC: [{ column: `COALESCE(f.performed_on, '${NO_DATE}')`, property: 'performedOn', direction: 'ASC', value: (f: FollowUpEntity) => f.performedOn ?? NO_DATE }],
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
    const qb = await this.filtered(args.filter, viewer);
    return paginate(qb, args, ORDERS[args.orderBy ?? 'PERFORMED_ON_DESC']);
  }

  /** The follow-ups a filter selects among those the viewer may see (alias `f`), unordered: for lists and exports. */
  async filtered(filter: FollowUpFilter | undefined, viewer: Principal): Promise<SelectQueryBuilder<FollowUpEntity>> {
    const qb = whereVisible(this.dataSource.getRepository(FollowUpEntity).createQueryBuilder('f'), viewer);
    const f = filter ?? {};
    if (f.productId) qb.andWhere('f.product_id = :productId', { productId: f.productId });
    if (f.supplierId) qb.andWhere('f.supplier_id = :supplierId', { supplierId: f.supplierId });
    if (f.organisationId) qb.andWhere('f.organisation_id = :organisationId', { organisationId: f.organisationId });
    if (f.method) qb.andWhere('f.method = :method', { method: f.method });
    if (f.status) qb.andWhere('f.status = :status', { status: f.status });
    if (f.performedFrom) qb.andWhere('f.performed_on >= :from', { from: f.performedFrom });
    if (f.performedTo) qb.andWhere('f.performed_on <= :to', { to: f.performedTo });
    if (f.validOn) qb.andWhere('f.performed_on <= :validOn AND f.valid_until >= :validOn', { validOn: f.validOn });
    if (f.requirementId) qb.andWhere('EXISTS (SELECT 1 FROM follow_up_requirements fr WHERE fr.follow_up_id = f.id AND fr.requirement_id = :requirementId)', { requirementId: f.requirementId });
    if (f.substanceCas) {
      const cas = normalised('filter.substanceCas', f.substanceCas, checkCasNumber);
      qb.andWhere('EXISTS (SELECT 1 FROM measurements m JOIN substances s ON s.id = m.substance_id WHERE m.follow_up_id = f.id AND s.cas_number = :cas)', { cas });
    }
    if (f.categoryCode) {
      const ids = await this.categories.idsWithDescendants(f.categoryCode, 'filter.categoryCode');
      qb.andWhere('EXISTS (SELECT 1 FROM products p WHERE p.id = f.product_id AND p.category_id IN (:...categoryIds))', { categoryIds: ids });
    }
    return qb;
  }

  /** A follow-up the caller may see; a PRIVATE one of another organisation is NOT_FOUND, as if it did not exist. */
  async get(id: string, viewer: Principal): Promise<FollowUpEntity> {
    const found = await this.dataSource.getRepository(FollowUpEntity).findOneBy({ id });
    if (!found || !canSee(viewer, found)) throw notFound('FollowUp', id);
    return found;
  }
}
