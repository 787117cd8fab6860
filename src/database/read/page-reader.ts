import { Injectable } from '@nestjs/common';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { badInput } from '../../common/errors/domain-error.js';
import { type ConnectionShape, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination/connection.js';
import { type CursorCodec, type CursorValue, keysetCursor } from './cursor.js';
import { type Columns, withColumns } from './projection.js';
import { COUNT_COLUMN, SqlReader } from './sql-reader.js';
import type { SqlWhere } from './sql-where.js';
import { TableReader } from './table-reader.js';

/** One key of a list's order. */
export interface SortKey<T> {
  /** The column expression in the listing, e.g. `s.name` or `COALESCE(f.performed_on, '0001-01-01')`. */
  column: string;
  /** The node's property that holds the key's value (what its cursor records). */
  property: keyof T & string;
  /** The value of `column` for a node, when it is not just the property (e.g. a COALESCE). */
  value?: (node: T) => CursorValue;
  direction?: 'ASC' | 'DESC';
}

/** A list's order: keys that together are unique (so every row has a position of its own), and its cursors. */
export interface PageOrder<T> {
  keys: ReadonlyArray<SortKey<T>>;
  cursor: CursorCodec;
}

/**
 * What a list reads: the FROM clause (a table with its alias, and any joins), the filter, the
 * SELECT list and what each row becomes. PageReader adds the order, the keyset and the limit.
 */
export interface Listing<T> {
  from: string;
  where: SqlWhere;
  select: string;
  read(sql: string, params: readonly unknown[]): Promise<T[]>;
  /**
   * The same as `read` for a SELECT whose list ends with one more column, `kk_count` (COUNT_COLUMN):
   * the nodes and that column's value (null when no row came). A listing that has it gets its page
   * and its count in one statement; one without it, a statement for each.
   */
  readWithCount?(sql: string, params: readonly unknown[]): Promise<{ nodes: T[]; count: number | null }>;
}

/** The same listing with each node turned into another (e.g. an event into an audit-log entry). */
export function mapNodes<T, U>(listing: Listing<T>, map: (node: T) => U): Listing<U> {
  const { readWithCount } = listing;
  return {
    ...listing,
    read: async (sql, params) => (await listing.read(sql, params)).map(map),
    readWithCount:
      readWithCount &&
      (async (sql, params) => {
        const { nodes, count } = await readWithCount(sql, params);
        return { nodes: nodes.map(map), count };
      }),
  };
}

/** `first`/`after` (forwards) and `last`/`before` (backwards), as every connection takes them. */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Projected columns with the properties a page's order reads (its cursors record them). */
export function withOrderKeys<T>(columns: Columns<T>, order: PageOrder<T>): Columns<T> {
  return withColumns(
    columns,
    order.keys.map((k) => k.property),
  );
}

/** Ordered by `keys`, then by `<alias>.id`, with opaque keyset cursors: the catalogue lists' order and followUps'. */
export function keysetOrder<T extends { id: string }>(alias: string, ...keys: Array<SortKey<T>>): PageOrder<T> {
  return { keys: [...keys, { column: `${alias}.id`, property: 'id' }], cursor: keysetCursor };
}

/**
 * The pagination engine: every connection of the API (the catalogue lists, tokens and principals,
 * `followUps`, `auditLog`, `events`) and every other ordered read of a filtered list (the CSV export,
 * the event stream's replay) is filled here, through SqlReader.
 *
 * Keyset pagination: a page is the rows after the cursor's position in the order (`(k1 > v1) OR
 * (k1 = v1 AND k2 > v2) …`, `<` for descending keys), so pages are stable under inserts and a deep
 * page costs what the first does; `totalCount` is the filter's count without the keyset, counted by
 * a subquery in the page's own statement (`(SELECT COUNT(*) FROM … WHERE <filter>) AS kk_count`,
 * evaluated once: an InitPlan on PostgreSQL, a constant subquery on SQLite), so a page with its
 * count is one statement however long the list. A list
 * states only what it reads (a Listing: FROM, WHERE, SELECT) and its order (a PageOrder); how a page
 * is cut, counted and turned into edges, cursors and pageInfo is decided here alone.
 *
 * Backward paging (`last`/`before`) is the same keyset with the directions reversed, the rows turned
 * back. Pages of a relation for many parents at once (`Product.followUps(filter, first, after)`) are
 * the same listing partitioned by the parent's column (connectionsByParent), so the statements per
 * request do not grow with the page. Columns are projected from the GraphQL selection by the
 * listing's `select` (see Projection).
 */
@Injectable()
export class PageReader {
  constructor(private readonly reader: SqlReader) {}

  /**
   * The reads of one table (by key, and as a connection) for a feature's service: `type` is its
   * GraphQL type (what NOT_FOUND names), `alias` its alias in filters, and its rows are ordered by
   * `keys` and then by id.
   */
  table<T extends ObjectLiteral & { id: string }>(
    entity: EntityTarget<T>,
    type: string,
    alias: string,
    ...keys: Array<SortKey<T>>
  ): TableReader<T> {
    return new TableReader(this.reader, this, entity, type, alias, keysetOrder(alias, ...keys));
  }

  /**
   * A listing of an entity's rows (alias `alias`, with `joins` after it): nodes are the entities,
   * with only `columns` read when given (projected from the selection: see Projection; they must
   * hold the properties of the order's keys, which the cursors record: see `withOrderKeys`).
   */
  listing<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    alias: string,
    where: SqlWhere,
    joins = '',
    columns?: Columns<T>,
  ): Listing<T> {
    return {
      from: `${this.reader.tableOf(entity)} ${alias}${joins ? ` ${joins}` : ''}`,
      where,
      select: this.reader.selectList(entity, alias, '', columns),
      read: (sql, params) => this.reader.entities(entity, sql, params, columns),
      readWithCount: (sql, params) => this.reader.entitiesWithCount(entity, sql, params, columns),
    };
  }

  /**
   * One page of a list as a connection. `first` and `after` are checked before anything is read; a
   * listing given as a function is built after that check (for lists whose filter reads or refuses).
   */
  async connection<T>(
    listing: Listing<T> | (() => Promise<Listing<T>>),
    order: PageOrder<T>,
    args: PageRequest,
    maxPageSize = MAX_PAGE_SIZE,
  ): Promise<ConnectionShape<T>> {
    const page = pageSize(args, maxPageSize);
    const after = order.cursor.decode(args.after, order.keys.length, 'after');
    const before = order.cursor.decode(args.before, order.keys.length, 'before');
    const list = typeof listing === 'function' ? await listing() : listing;
    const bounded = before
      ? { ...list, where: list.where.clone().and(...keysetBeyond(order.keys, before, true)) }
      : list;
    const { rows, count } = await this.countedRows(bounded, list.where, order, after, page.size + 1, page.backwards);
    // The count came with the page unless no row did (or the listing cannot read it): then a page
    // with no cursor is the whole list, empty, and only a page beyond a cursor needs a statement of its own.
    const whole = after === null && before === null && rows.length <= page.size;
    const totalCount = count ?? (whole ? rows.length : await this.count(list));
    // Read backwards, the rows come nearest `before` first: the page is the first `size`, turned back.
    const nodes = page.backwards ? rows.slice(0, page.size).reverse() : rows.slice(0, page.size);
    const more = rows.length > page.size;
    return pageOf(nodes, order, totalCount, {
      hasNextPage: page.backwards ? before !== null : more,
      hasPreviousPage: page.backwards ? more : after !== null,
    });
  }

  /**
   * One page of the same list for each of many parents (`Product.followUps(first: 10)` in a page of
   * products), in three statements whatever the page size and the number of parents: the page's
   * ids per parent (a window, `ROW_NUMBER() OVER (PARTITION BY parent ORDER BY …)`), each parent's
   * count (`GROUP BY`), and the nodes by id (`load`, e.g. a DataLoader shared with the rest of the
   * request). `parent` is the column that ties a row to its parent, with any join it needs.
   */
  async connectionsByParent<T>(
    listing: Listing<T>,
    order: PageOrder<T>,
    args: PageRequest,
    parent: { column: string; join?: string; ids: readonly string[] },
    load: (ids: string[]) => Promise<Array<T | null>>,
  ): Promise<Map<string, ConnectionShape<T>>> {
    const page = pageSize(args, MAX_PAGE_SIZE);
    const after = order.cursor.decode(args.after, order.keys.length, 'after');
    const before = order.cursor.decode(args.before, order.keys.length, 'before');
    const from = parent.join ? `${listing.from} ${parent.join}` : listing.from;
    const mine = listing.where.clone().in(parent.column, parent.ids);
    const where = mine.clone();
    if (after) where.and(...keysetBeyond(order.keys, after, false));
    if (before) where.and(...keysetBeyond(order.keys, before, true));
    const by = order.keys.map((k) => `${k.column} ${direction(k, page.backwards)}`).join(', ');
    const id = order.keys.at(-1)!.column;
    const [counts, rows] = await Promise.all([
      this.reader.all<{ parent: string; n: number | string }>(
        `SELECT ${parent.column} AS parent, COUNT(*) AS n FROM ${from}${mine.sql} GROUP BY ${parent.column}`,
        mine.params,
      ),
      this.reader.all<{ parent: string; id: string }>(
        `SELECT parent, id FROM (SELECT ${parent.column} AS parent, ${id} AS id, ROW_NUMBER() OVER (PARTITION BY ${parent.column} ORDER BY ${by}) AS rn FROM ${from}${where.sql}) t WHERE rn <= ${page.size + 1} ORDER BY parent, rn`,
        where.params,
      ),
    ]);
    const nodes = await load([...new Set(rows.map((r) => r.id))]);
    const byId = new Map<string, T>();
    nodes.forEach((node) => node && byId.set(positionOf(node, order).at(-1) as string, node));
    const total = new Map(counts.map((c) => [c.parent, Number(c.n)]));
    const answer = new Map<string, ConnectionShape<T>>();
    for (const parentId of parent.ids) {
      const mineRows = rows.filter((r) => r.parent === parentId);
      const more = mineRows.length > page.size;
      const taken = mineRows
        .slice(0, page.size)
        .map((r) => byId.get(r.id)!)
        .filter(Boolean);
      const ordered = page.backwards ? taken.reverse() : taken;
      answer.set(
        parentId,
        pageOf(ordered, order, total.get(parentId) ?? 0, {
          hasNextPage: page.backwards ? before !== null : more,
          hasPreviousPage: page.backwards ? more : after !== null,
        }),
      );
    }
    return answer;
  }

  /** How many rows the listing's filter selects. */
  async count(listing: Listing<unknown>): Promise<number> {
    const row = await this.reader.one<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM ${listing.from}${listing.where.sql}`,
      listing.where.params,
    );
    return Number(row?.n ?? 0);
  }

  /**
   * `rows`, with the number of rows `counted` selects in the listing's FROM (its filter without the
   * keyset) read by the same statement, a subquery in the SELECT list (null when no row came, or when
   * the listing has no `readWithCount`).
   */
  private async countedRows<T>(
    listing: Listing<T>,
    counted: SqlWhere,
    order: PageOrder<T>,
    after: readonly CursorValue[] | null,
    limit: number,
    backwards: boolean,
  ): Promise<{ rows: T[]; count: number | null }> {
    if (!listing.readWithCount) return { rows: await this.rows(listing, order, after, limit, backwards), count: null };
    const page = pageStatement(listing, order, after, limit, backwards, {
      sql: `(SELECT COUNT(*) FROM ${listing.from}${counted.sql}) AS ${COUNT_COLUMN}`,
      params: counted.params,
    });
    const { nodes, count } = await listing.readWithCount(page.sql, page.params);
    return { rows: nodes, count };
  }

  /**
   * At most `limit` rows of the listing in `order`, after the position `after` (null: from the
   * start); `backwards`: in the reverse order, so from the end (the caller turns them back).
   */
  async rows<T>(
    listing: Listing<T>,
    order: PageOrder<T>,
    after: readonly CursorValue[] | null,
    limit: number,
    backwards = false,
  ): Promise<T[]> {
    const page = pageStatement(listing, order, after, limit, backwards);
    return listing.read(page.sql, page.params);
  }
}

/**
 * The SELECT of at most `limit` rows of the listing in `order` after `after`, with `extra` (an
 * expression and its values) at the end of the SELECT list when given.
 */
function pageStatement<T>(
  listing: Listing<T>,
  order: PageOrder<T>,
  after: readonly CursorValue[] | null,
  limit: number,
  backwards: boolean,
  extra?: { sql: string; params: readonly unknown[] },
): { sql: string; params: unknown[] } {
  const where = after ? listing.where.clone().and(...keysetBeyond(order.keys, after, false)) : listing.where;
  const by = order.keys.map((k) => `${k.column} ${direction(k, backwards)}`).join(', ');
  return {
    sql: `SELECT ${listing.select}${extra ? `, ${extra.sql}` : ''} FROM ${listing.from}${where.sql} ORDER BY ${by} LIMIT ${limit}`,
    params: [...(extra?.params ?? []), ...where.params],
  };
}

/**
 * A page as a connection. The cursors are encoded when read (`edges`, `startCursor`, `endCursor`),
 * so a request that selects only `nodes` and `totalCount`, the usual lookup, encodes none.
 */
function pageOf<T>(
  nodes: T[],
  order: PageOrder<T>,
  totalCount: number,
  more: { hasNextPage: boolean; hasPreviousPage: boolean },
): ConnectionShape<T> {
  const cursorOf = (node: T | undefined) => (node === undefined ? null : order.cursor.encode(positionOf(node, order)));
  let edges: ConnectionShape<T>['edges'] | undefined;
  return {
    get edges() {
      return (edges ??= nodes.map((node) => ({ node, cursor: cursorOf(node)! })));
    },
    nodes,
    totalCount,
    pageInfo: {
      ...more,
      get startCursor() {
        return cursorOf(nodes[0]);
      },
      get endCursor() {
        return cursorOf(nodes.at(-1));
      },
    },
  };
}

/**
 * The page a request asks for: `first` (forwards, the default) or `last` (backwards), not both;
 * each between 1 and `max`.
 */
function pageSize(args: PageRequest, max: number): { size: number; backwards: boolean } {
  const given = (n: number | null | undefined) => n !== null && n !== undefined;
  if (given(args.first) && given(args.last))
    throw badInput('last', 'give first or last, not both (first pages forwards, last backwards)');
  const backwards = given(args.last);
  const field = backwards ? 'last' : 'first';
  const size = backwards ? args.last! : (args.first ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(size) || size < 1 || size > max)
    throw badInput(field, `must be between 1 and ${max}, got ${size}`);
  return { size, backwards };
}

/** A key's direction, or its reverse when reading backwards. */
function direction<T>(key: SortKey<T>, backwards: boolean): 'ASC' | 'DESC' {
  const forwards = key.direction ?? 'ASC';
  return backwards ? (forwards === 'ASC' ? 'DESC' : 'ASC') : forwards;
}

/** The node's values of the order's keys: its position, as its cursor records it. */
function positionOf<T>(node: T, order: PageOrder<T>): CursorValue[] {
  return order.keys.map((k) => (k.value ? k.value(node) : ((node[k.property] as CursorValue) ?? null)));
}

/**
 * The rows beyond a position in the order: `(k1 > v1) OR (k1 = v1 AND k2 > v2) OR …` (`<` for
 * descending keys), or before it (`backwards`: the comparisons reversed), and its values.
 */
function keysetBeyond<T>(
  keys: ReadonlyArray<SortKey<T>>,
  values: readonly CursorValue[],
  backwards: boolean,
): [string, ...CursorValue[]] {
  const clauses: string[] = [];
  const params: CursorValue[] = [];
  keys.forEach((key, i) => {
    const parts = keys.slice(0, i).map((prev, j) => {
      params.push(values[j]!);
      return `${prev.column} = ?`;
    });
    params.push(values[i]!);
    parts.push(`${key.column} ${direction(key, backwards) === 'DESC' ? '<' : '>'} ?`);
    clauses.push(`(${parts.join(' AND ')})`);
  });
  return [`(${clauses.join(' OR ')})`, ...params];
}
