import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { checkGtin, gtinForms } from '../common/identifiers/identifiers.js';
import { normalised, normalisedOrNull } from '../common/identifiers/normalise.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { ProductCategoriesService } from './product-categories.service.js';
import { ProductEntity } from './product.entity.js';
import type { CreateProductInput, ProductsArgs, UpdateProductInput } from './product.inputs.js';

const searchText = (p: Pick<ProductEntity, 'name' | 'articleNumber' | 'gtin'>) =>
  [p.name, p.articleNumber ?? '', p.gtin ?? ''].join(' ').toLowerCase();

@Injectable()
export class ProductsService {
  private readonly products: TableReader<ProductEntity>;

  constructor(
    pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    private readonly categories: ProductCategoriesService,
  ) {
    this.products = pages.table(ProductEntity, 'Product', 'p', { column: 'p.name', property: 'name' });
  }

  async list(args: ProductsArgs) {
    const f = args.filter ?? {};
    const where = new SqlWhere().equal('p.supplier_id', f.supplierId);
    if (f.categoryCode)
      where.in('p.category_id', await this.categories.idsWithDescendants(f.categoryCode, 'filter.categoryCode'));
    // Any GTIN form finds the product whatever form it was stored in: compared as GTIN-14.
    if (f.gtin) where.in('p.gtin', gtinForms(normalised('filter.gtin', f.gtin, checkGtin)));
    if (f.articleNumber) where.and('p.article_number = ?', f.articleNumber.trim());
    where.search('p.search_text', f.search);
    return this.products.list(where, args);
  }

  get(id: string): Promise<ProductEntity> {
    return this.products.get(id);
  }

  async create(input: CreateProductInput, actor: Principal | null): Promise<ProductEntity> {
    const gtin = normalisedOrNull('gtin', input.gtin, checkGtin);
    return this.tx.run(async (uow) => {
      if (!(await uow.manager.existsBy(SupplierEntity, { id: input.supplierId })))
        throw badInput('supplierId', `"${input.supplierId}": no supplier has this id`);
      await this.assertGtinFree(uow.manager, gtin, null);
      const category = input.categoryCode ? await this.categories.byCode(input.categoryCode, uow.manager) : null;
      const values = {
        supplierId: input.supplierId,
        name: input.name.trim(),
        articleNumber: input.articleNumber?.trim() || null,
        gtin,
        categoryId: category?.id ?? null,
      };
      const entity = uow.manager.create(ProductEntity, { ...values, searchText: searchText(values) });
      await uow.manager.insert(ProductEntity, entity);
      await this.events.append(uow, actor, {
        type: 'PRODUCT_CREATED',
        subjectType: 'Product',
        subjectId: entity.id,
        payload: { ...values },
      });
      return entity;
    });
  }

  async update(id: string, input: UpdateProductInput, actor: Principal | null): Promise<ProductEntity> {
    return this.tx.run(async (uow) => {
      const entity = await uow.manager.findOneBy(ProductEntity, { id });
      if (!entity) throw notFound('Product', id);
      const changes: Partial<ProductEntity> = {};
      if (input.name !== undefined) changes.name = input.name.trim();
      if (input.articleNumber !== undefined) changes.articleNumber = input.articleNumber?.trim() || null;
      if (input.gtin !== undefined) {
        changes.gtin = normalisedOrNull('gtin', input.gtin, checkGtin);
        await this.assertGtinFree(uow.manager, changes.gtin, id);
      }
      if (input.categoryCode !== undefined)
        changes.categoryId = input.categoryCode
          ? (await this.categories.byCode(input.categoryCode, uow.manager)).id
          : null;
      Object.assign(entity, changes);
      entity.searchText = searchText(entity);
      await uow.manager.save(ProductEntity, entity);
      await this.events.append(uow, actor, {
        type: 'PRODUCT_UPDATED',
        subjectType: 'Product',
        subjectId: id,
        payload: changes,
      });
      return entity;
    });
  }

  private async assertGtinFree(manager: EntityManager, gtin: string | null, selfId: string | null): Promise<void> {
    if (!gtin) return;
    const other = await manager.findOneBy(ProductEntity, { gtin: In(gtinForms(gtin)) });
    if (other && other.id !== selfId)
      throw conflict(`gtin "${gtin}": product "${other.name}" (${other.id}) already has this GTIN`, 'gtin');
  }
}
