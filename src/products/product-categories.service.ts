import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import type { PageArgs } from '../common/pagination/connection.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { ProductCategoryEntity } from './product-category.entity.js';
import type { CreateProductCategoryInput, UpdateProductCategoryInput } from './product.inputs.js';

/** The category tree as read whole for the walks below (it is small). */
type TreeNode = Pick<ProductCategoryEntity, 'id' | 'code' | 'parentId'>;

@Injectable()
export class ProductCategoriesService {
  private readonly categories: TableReader<ProductCategoryEntity>;

  constructor(
    private readonly reader: SqlReader,
    pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
  ) {
    this.categories = pages.table(ProductCategoryEntity, 'ProductCategory', 'c', {
      column: 'c.code',
      property: 'code',
    });
  }

  list(args: PageArgs) {
    return this.categories.list(new SqlWhere(), args);
  }

  /** A category by code inside a write's transaction: an unknown code is BAD_USER_INPUT naming `field`. */
  async byCode(code: string, manager: EntityManager, field = 'categoryCode'): Promise<ProductCategoryEntity> {
    const found = await manager.findOneBy(ProductCategoryEntity, { code });
    if (!found) throw badInput(field, `"${code}": no product category has this code`);
    return found;
  }

  /** A category by code, for a lookup: an unknown code is NOT_FOUND. */
  get(code: string): Promise<ProductCategoryEntity> {
    return this.categories.get(code, 'code');
  }

  /** The ids of a category and all its descendants. */
  async idsWithDescendants(code: string, field = 'categoryCode'): Promise<string[]> {
    const all = await this.tree();
    const root = all.find((c) => c.code === code);
    if (!root) throw badInput(field, `"${code}": no product category has this code`);
    const ids = [root.id];
    for (let i = 0; i < ids.length; i++) for (const c of all) if (c.parentId === ids[i]) ids.push(c.id);
    return ids;
  }

  /** The ids of a category and all its ancestors. */
  async idsWithAncestors(code: string, field = 'categoryCode'): Promise<string[]> {
    const all = await this.tree();
    const byId = new Map(all.map((c) => [c.id, c]));
    const root = all.find((c) => c.code === code);
    if (!root) throw badInput(field, `"${code}": no product category has this code`);
    const ids: string[] = [];
    for (
      let at: TreeNode | undefined = root;
      at && !ids.includes(at.id);
      at = at.parentId ? byId.get(at.parentId) : undefined
    )
      ids.push(at.id);
    return ids;
  }

  private async tree(): Promise<TreeNode[]> {
    const rows = await this.reader.all<{ id: string; code: string; parent_id: string | null }>(
      'SELECT id, code, parent_id FROM product_categories',
    );
    return rows.map((r) => ({ id: r.id, code: r.code, parentId: r.parent_id }));
  }

  /** Resolves category codes to ids in one query; an unknown code is BAD_USER_INPUT naming it. */
  async idsForCodes(manager: EntityManager, codes: string[], field = 'categoryCodes'): Promise<string[]> {
    const unique = [...new Set(codes)];
    if (!unique.length) return [];
    const rows = await manager
      .getRepository(ProductCategoryEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.code'])
      .where('c.code IN (:...codes)', { codes: unique })
      .getMany();
    const missing = unique.filter((c) => !rows.some((r) => r.code === c));
    if (missing.length)
      throw badInput(field, `no product category has the code ${missing.map((m) => `"${m}"`).join(', ')}`);
    return rows.map((r) => r.id);
  }

  async create(input: CreateProductCategoryInput, actor: Principal | null): Promise<ProductCategoryEntity> {
    return this.tx.run(async (uow) => {
      if (await uow.manager.existsBy(ProductCategoryEntity, { code: input.code })) {
        throw conflict(`code "${input.code}": a product category with this code already exists`, 'code');
      }
      const parent = input.parentCode ? await this.byCode(input.parentCode, uow.manager, 'parentCode') : null;
      const entity = uow.manager.create(ProductCategoryEntity, {
        code: input.code,
        name: input.name.trim(),
        parentId: parent?.id ?? null,
      });
      await uow.manager.insert(ProductCategoryEntity, entity);
      await this.events.append(uow, actor, {
        type: 'CATEGORY_CREATED',
        subjectType: 'ProductCategory',
        subjectId: entity.id,
        payload: { code: input.code },
      });
      return entity;
    });
  }

  async update(id: string, input: UpdateProductCategoryInput, actor: Principal | null): Promise<ProductCategoryEntity> {
    return this.tx.run(async (uow) => {
      const entity = await uow.manager.findOneBy(ProductCategoryEntity, { id });
      if (!entity) throw notFound('ProductCategory', id);
      if (input.name !== undefined) entity.name = input.name.trim();
      if (input.parentCode !== undefined) {
        const parent = input.parentCode ? await this.byCode(input.parentCode, uow.manager, 'parentCode') : null;
        if (parent) await this.assertNoCycle(uow.manager, entity.id, parent.id);
        entity.parentId = parent?.id ?? null;
      }
      await uow.manager.save(ProductCategoryEntity, entity);
      await this.events.append(uow, actor, {
        type: 'CATEGORY_UPDATED',
        subjectType: 'ProductCategory',
        subjectId: id,
        payload: { ...input },
      });
      return entity;
    });
  }

  private async assertNoCycle(manager: EntityManager, id: string, parentId: string): Promise<void> {
    const all = await manager.find(ProductCategoryEntity, { select: { id: true, parentId: true } });
    const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
    for (let at: string | null | undefined = parentId; at; at = parentOf.get(at)) {
      if (at === id) throw badInput('parentCode', 'a category cannot be its own ancestor');
    }
  }
}
