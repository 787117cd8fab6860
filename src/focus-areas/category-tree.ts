import type { EntityManager } from 'typeorm';
import { ProductCategoryEntity } from '../products/product-category.entity.js';

/**
 * The product category tree (a few dozen rows, read whole): a category is within another when it is
 * that one or lies under it. A focus area's categories include those under them; a contract's too.
 */
export class CategoryTree {
  private readonly byId: Map<string, ProductCategoryEntity>;

  constructor(categories: readonly ProductCategoryEntity[]) {
    this.byId = new Map(categories.map((c) => [c.id, c]));
  }

  static async load(manager: EntityManager): Promise<CategoryTree> {
    return new CategoryTree(await manager.find(ProductCategoryEntity));
  }

  /** The category and its ancestors, nearest first (a cycle, were there one, ends the walk). */
  lineage(id: string | null): string[] {
    const seen: string[] = [];
    for (
      let c = id ? this.byId.get(id) : undefined;
      c && !seen.includes(c.id);
      c = c.parentId ? this.byId.get(c.parentId) : undefined
    )
      seen.push(c.id);
    return seen;
  }

  /** `id` is one of `ancestors` or lies under one. */
  within(id: string | null, ancestors: readonly string[]): boolean {
    return this.lineage(id).some((c) => ancestors.includes(c));
  }

  /** The two overlap: one lies within the other (a contract for CHILD is in an area of CHILD-TOY, and the reverse). */
  overlaps(id: string, others: readonly string[]): boolean {
    return others.some((o) => this.within(id, [o]) || this.within(o, [id]));
  }

  /** Every category within any of `ids`. */
  expand(ids: readonly string[]): string[] {
    return [...this.byId.keys()].filter((id) => this.within(id, ids));
  }

  /** The root of the category's tree, as a code (CHILD for CHILD-TOY). */
  rootCode(id: string | null): string | null {
    const line = this.lineage(id);
    return line.length ? this.byId.get(line[line.length - 1]!)!.code : null;
  }

  get(id: string | null): ProductCategoryEntity | null {
    return (id && this.byId.get(id)) || null;
  }

  codes(ids: readonly string[]): string[] {
    return ids.map((id) => this.byId.get(id)?.code ?? id);
  }
}
