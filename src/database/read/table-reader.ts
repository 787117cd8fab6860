import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { ConnectionShape } from '../../common/pagination/connection.js';
import type { PageOrder, PageReader, PageRequest } from './page-reader.js';
import type { SqlReader } from './sql-reader.js';
import type { SqlWhere } from './sql-where.js';

/**
 * The reads a feature makes of its own table: a row by its id (or another unique key), NOT_FOUND
 * naming the GraphQL type when there is none, and the rows a filter selects, a page at a time in
 * the table's order, as a connection. One generic piece for the organisations, suppliers, products,
 * product categories, substances, requirements and contracts, and the token administration's
 * tokens and principals: each states only its filter. Made by PageReader.table.
 */
export class TableReader<T extends ObjectLiteral & { id: string }> {
  constructor(
    private readonly reader: SqlReader,
    private readonly pages: PageReader,
    private readonly entity: EntityTarget<T>,
    /** The GraphQL type, as NOT_FOUND names it (e.g. `ChemicalRequirement` for the requirements table). */
    private readonly type: string,
    /** The table's alias in `where` and in `order`'s keys. */
    private readonly alias: string,
    private readonly order: PageOrder<T>,
  ) {}

  /** The row whose `property` (by default its id) is `value`, or NOT_FOUND (`<type> "<value>" was not found`). */
  get(value: string, property: keyof T & string = 'id'): Promise<T> {
    return this.reader.get(this.entity, this.type, value, property);
  }

  /** A page of the rows `where` selects (conditions on the table's alias and on `joins`). */
  list(where: SqlWhere, args: PageRequest, joins = ''): Promise<ConnectionShape<T>> {
    return this.pages.connection(this.pages.listing(this.entity, this.alias, where, joins), this.order, args);
  }
}
