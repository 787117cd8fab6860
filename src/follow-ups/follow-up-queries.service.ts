import { Injectable } from '@nestjs/common';
import type { ConnectionShape } from '../common/pagination/connection.js';
import type { Loaders } from '../database/read/loaders/loaders.js';
import type { Principal } from '../auth/principal.js';
import { badInput, notFound } from '../common/errors/domain-error.js';
import { checkCasNumber, checkGtin, checkOrganisationNumber, gtinForms } from '../common/identifiers/identifiers.js';
import { normalised } from '../common/identifiers/normalise.js';
import { type Listing, type PageOrder, PageReader, keysetOrder, withOrderKeys } from '../database/read/page-reader.js';
import type { Columns } from '../database/read/projection.js';
import { placeholders, SqlReader } from '../database/read/sql-reader.js';
import { likePattern, SqlWhere } from '../database/read/sql-where.js';
import { ProductCategoriesService } from '../products/product-categories.service.js';
import { canSee, visibleCondition } from './follow-up-access.js';
import { FollowUpEntity } from './follow-up.entity.js';
import { andFollowUp } from './follow-up-where.js';
import type { FollowUpFilter, FollowUpsArgs } from './follow-up.inputs.js';

const NO_DATE = '0001-01-01';

/** The types with a `followUps` relation, and how a follow-up row is tied to its parent. */
const RELATIONS = {
  product: { column: 'f.product_id' },
  supplier: { column: 'f.supplier_id' },
  organisation: { column: 'f.organisation_id' },
  requirement: {
    column: 'rel.requirement_id',
    join: 'JOIN follow_up_requirements rel ON rel.follow_up_id = f.id',
  },
  // A follow-up belongs to each substance it measured (in any part), once.
  substance: {
    column: 'rel.id',
    join: 'JOIN substances rel ON EXISTS (SELECT 1 FROM measurements rm WHERE rm.follow_up_id = f.id AND rm.substance_id = rel.id)',
  },
} as const;
export type FollowUpRelation = keyof typeof RELATIONS;

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

  /** A page of `followUps`; only `columns` of each follow-up when given (projected from the selection). */
  async list(args: FollowUpsArgs, viewer: Principal, columns?: Columns<FollowUpEntity>) {
    const order = followUpOrder(args.orderBy);
    return this.pages.connection(await this.listing(args.filter, viewer, withOrderKeys(columns, order)), order, args);
  }

  /**
   * `Product.followUps` and its kin for many parents at once (one DataLoader batch): the same filter,
   * order and paging as `followUps`, partitioned by the parent, in a fixed number of statements.
   */
  async forParents(
    relation: FollowUpRelation,
    parentIds: readonly string[],
    args: FollowUpsArgs,
    viewer: Principal,
    loaders: Loaders,
    columns?: Columns<FollowUpEntity>,
  ): Promise<Array<ConnectionShape<FollowUpEntity>>> {
    const order = followUpOrder(args.orderBy);
    const byId = loaders.byId(FollowUpEntity, withOrderKeys(columns, order));
    const pages = await this.pages.connectionsByParent(
      await this.listing(args.filter, viewer),
      order,
      args,
      { ...RELATIONS[relation], ids: parentIds },
      async (ids) => (await byId.loadMany(ids)).map((f) => (f instanceof Error ? null : f)),
    );
    return parentIds.map((id) => pages.get(id)!);
  }

  /**
   * The follow-ups a filter selects among those the viewer may see (`follow_ups f`, the visibility
   * rule the first condition: see visibleCondition): for `followUps` and its CSV export alike.
   */
  async listing(
    filter: FollowUpFilter | undefined,
    viewer: Principal,
    columns?: Columns<FollowUpEntity>,
  ): Promise<Listing<FollowUpEntity>> {
    const visible = visibleCondition(viewer);
    const where = new SqlWhere().and(visible.sql, ...visible.params);
    const f = filter ?? {};
    // Identifiers are checked before anything is looked up, as the filter's fields are checked in order.
    const cas = f.substanceCas?.map((c, i) => normalised(`filter.substanceCas[${i}]`, c, checkCasNumber));
    const gtin = f.gtin && normalised('filter.gtin', f.gtin, checkGtin);
    const organisationNumber =
      f.supplierOrganisationNumber &&
      normalised('filter.supplierOrganisationNumber', f.supplierOrganisationNumber, checkOrganisationNumber);
    const categoryCode = f.productCategoryCode ?? f.categoryCode;
    const categoryField = f.productCategoryCode ? 'filter.productCategoryCode' : 'filter.categoryCode';
    const categoryIds = categoryCode
      ? await this.categories.idsWithDescendants(categoryCode, categoryField)
      : undefined;
    const requirementIds = f.requirementCodes && (await this.requirementIds(f.requirementCodes));
    andFollowUp(where, { ...f, categoryIds })
      .equal('f.method', f.method)
      .equal('f.status', f.status);
    if (f.performedFrom) where.and('f.performed_on >= ?', f.performedFrom);
    if (f.performedTo) where.and('f.performed_on <= ?', f.performedTo);
    if (f.validOn) where.and('f.performed_on <= ? AND f.valid_until >= ?', f.validOn, f.validOn);
    if (gtin)
      where.and(
        `EXISTS (SELECT 1 FROM products p WHERE p.id = f.product_id AND p.gtin IN (${placeholders(gtinForms(gtin).length)}))`,
        ...gtinForms(gtin),
      );
    if (organisationNumber)
      where.and(
        'EXISTS (SELECT 1 FROM suppliers su WHERE su.id = f.supplier_id AND su.organisation_number = ?)',
        organisationNumber,
      );
    if (requirementIds?.length)
      where.and(
        `EXISTS (SELECT 1 FROM follow_up_requirements fr WHERE fr.follow_up_id = f.id AND fr.requirement_id IN (${placeholders(requirementIds.length)}))`,
        ...requirementIds,
      );
    if (cas?.length)
      where.and(
        `EXISTS (SELECT 1 FROM measurements m JOIN substances s ON s.id = m.substance_id WHERE m.follow_up_id = f.id AND s.cas_number IN (${placeholders(cas.length)}))`,
        ...cas,
      );
    if (f.substanceGroup)
      where.and(
        'EXISTS (SELECT 1 FROM measurements m JOIN substance_groups g ON g.substance_id = m.substance_id WHERE m.follow_up_id = f.id AND g.group_code = ?)',
        f.substanceGroup,
      );
    if (f.text?.trim()) {
      const pattern = likePattern(f.text);
      where.and(
        "(EXISTS (SELECT 1 FROM products p WHERE p.id = f.product_id AND p.search_text LIKE ? ESCAPE '\\')" +
          " OR EXISTS (SELECT 1 FROM suppliers su WHERE su.id = f.supplier_id AND su.search_text LIKE ? ESCAPE '\\')" +
          " OR LOWER(f.report_reference) LIKE ? ESCAPE '\\')",
        pattern,
        pattern,
        pattern,
      );
    }
    return this.pages.listing(FollowUpEntity, 'f', where, '', columns);
  }

  /** The ids of the requirements with these codes; an unknown code is BAD_USER_INPUT naming it. */
  private async requirementIds(codes: readonly string[]): Promise<string[]> {
    const wanted = codes.map((c) => c.trim());
    if (!wanted.length) return [];
    const rows = await this.reader.all<{ id: string; code: string }>(
      `SELECT id, code FROM requirements WHERE code IN (${placeholders(wanted.length)})`,
      wanted,
    );
    const known = new Set(rows.map((r) => r.code));
    const unknown = wanted.findIndex((c) => !known.has(c));
    if (unknown >= 0)
      throw badInput(`filter.requirementCodes[${unknown}]`, `"${wanted[unknown]}": no requirement has this code`);
    return rows.map((r) => r.id);
  }

  /** A follow-up the caller may see; a PRIVATE one of another organisation is NOT_FOUND, as if it did not exist. */
  async get(id: string, viewer: Principal): Promise<FollowUpEntity> {
    const found = await this.reader.findOneBy(FollowUpEntity, { id });
    if (!found || !canSee(viewer, found)) throw notFound('FollowUp', id);
    return found;
  }
}
