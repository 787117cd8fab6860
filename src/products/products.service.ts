import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { checkGtin } from '../common/identifiers/identifiers.js';
import { normalised, normalisedOrNull } from '../common/identifiers/normalise.js';
import { likePattern, paginate } from '../database/read/page-reader.js';
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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    private readonly categories: ProductCategoriesService,
  ) {}

  async list(args: ProductsArgs) {
    const qb = this.dataSource.getRepository(ProductEntity).createQueryBuilder('p');
    const f = args.filter;
    if (f?.supplierId) qb.andWhere('p.supplier_id = :supplierId', { supplierId: f.supplierId });
    if (f?.categoryCode)
      qb.andWhere('p.category_id IN (:...categoryIds)', {
        categoryIds: await this.categories.idsWithDescendants(f.categoryCode, 'filter.categoryCode'),
      });
    if (f?.gtin) qb.andWhere('p.gtin = :gtin', { gtin: normalised('filter.gtin', f.gtin, checkGtin) });
    if (f?.articleNumber) qb.andWhere('p.article_number = :articleNumber', { articleNumber: f.articleNumber.trim() });
    if (f?.search) qb.andWhere("p.search_text LIKE :q ESCAPE '\\'", { q: likePattern(f.search) });
    return paginate(qb, args, [{ column: 'p.name', property: 'name' }]);
  }

  async get(id: string): Promise<ProductEntity> {
    const found = await this.dataSource.getRepository(ProductEntity).findOneBy({ id });
    if (!found) throw notFound('Product', id);
    return found;
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
    const other = await manager.findOneBy(ProductEntity, { gtin });
    if (other && other.id !== selfId)
      throw conflict(`gtin "${gtin}": product "${other.name}" (${other.id}) already has this GTIN`, 'gtin');
  }
}
