import { type EntityTarget, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { namedParameters, type SqlReader } from './sql-reader.js';
import { badInput } from '../../common/errors/domain-error.js';
import { type ConnectionShape, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination/connection.js';

export interface SortKey {
  /** Column expression in the query builder, e.g. `s.name`. */
  column: string;
  /** Property on the entity that holds the column's value, e.g. `name`. */
  property: string;
  /** The value the column expression has for a node, when it is not just the property (e.g. COALESCE). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one sort key type serves every entity
  value?: (node: any) => string | number | null;
  direction?: 'ASC' | 'DESC';
}

type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => v === null || ['string', 'number'].includes(typeof v))
    ) {
      return values as CursorValue[];
    }
  } catch {
    /* fall through */
  }
  throw badInput('after', `"${cursor}" is not a cursor this list issued`);
}

/**
 * Keyset pagination over a query builder: orders by the sort keys and then by the entity id,
 * so pages are stable under inserts and deep pages cost the same as the first. `totalCount`
 * is counted on the same filtered query without ordering or limits.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: { first?: number; after?: string },
  sort: SortKey[],
): Promise<ConnectionShape<T>> {
  const first = pageSize(args);
  const alias = qb.alias;
  const keys: SortKey[] = [...sort, { column: `${alias}.id`, property: 'id', direction: 'ASC' }];
  const totalCount = await qb.clone().getCount();

  const page = qb.clone();
  if (args.after) {
    const { sql, params } = keysetAfter(keys, decodeCursor(args.after, keys.length));
    page.andWhere(...namedParameters(sql, params, 'c'));
  }
  keys.forEach((key, i) =>
    i === 0 ? page.orderBy(key.column, key.direction ?? 'ASC') : page.addOrderBy(key.column, key.direction ?? 'ASC'),
  );
  const rows = await page.limit(first + 1).getMany();
  return connectionOf(rows, totalCount, first, keys, args);
}

/** A filtered SELECT over one entity's table, as SQL: `FROM <table> <alias> WHERE <where…>`, `?` placeholders. */
export interface SqlSelection<T> {
  entity: EntityTarget<T>;
  alias: string;
  /** Conditions joined with AND, each with `?` placeholders for its share of `params`, in order. */
  where: string[];
  params: unknown[];
}

/**
 * `paginate` for the hottest list (followUps): the same keyset pages and cursors, run as
 * hand-written SQL through SqlReader instead of a query builder (see sql-reader.ts for why).
 */
export async function paginateSql<T extends ObjectLiteral & { id: string }>(
  reader: SqlReader,
  selection: SqlSelection<T>,
  args: { first?: number; after?: string },
  sort: SortKey[],
): Promise<ConnectionShape<T>> {
  const first = pageSize(args);
  const { alias } = selection;
  const keys: SortKey[] = [...sort, { column: `${alias}.id`, property: 'id', direction: 'ASC' }];
  const from = `FROM ${reader.tableOf(selection.entity)} ${alias}`;
  const where = selection.where.length ? ` WHERE ${selection.where.join(' AND ')}` : '';
  const counted = await reader.one<{ n: number | string }>(`SELECT COUNT(*) AS n ${from}${where}`, selection.params);
  const totalCount = Number(counted?.n ?? 0);

  const conditions = [...selection.where];
  const params = [...selection.params];
  if (args.after) {
    const after = keysetAfter(keys, decodeCursor(args.after, keys.length));
    conditions.push(after.sql);
    params.push(...after.params);
  }
  const order = keys.map((k) => `${k.column} ${k.direction ?? 'ASC'}`).join(', ');
  const sql = `SELECT ${reader.selectList(selection.entity, alias)} ${from}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${first + 1}`;
  const rows = await reader.entities(selection.entity, sql, params);
  return connectionOf(rows, totalCount, first, keys, args);
}

function pageSize(args: { first?: number }): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

/** `(k1 > v1) OR (k1 = v1 AND k2 > v2) OR …` (with `<` for descending keys), for any number of keys. */
function keysetAfter(keys: SortKey[], values: CursorValue[]): { sql: string; params: CursorValue[] } {
  const clauses: string[] = [];
  const params: CursorValue[] = [];
  keys.forEach((key, i) => {
    const parts = keys.slice(0, i).map((prev, j) => {
      params.push(values[j]!);
      return `${prev.column} = ?`;
    });
    params.push(values[i]!);
    parts.push(`${key.column} ${key.direction === 'DESC' ? '<' : '>'} ?`);
    clauses.push(`(${parts.join(' AND ')})`);
  });
  return { sql: `(${clauses.join(' OR ')})`, params };
}

function connectionOf<T extends ObjectLiteral & { id: string }>(
  rows: T[],
  totalCount: number,
  first: number,
  keys: SortKey[],
  args: { after?: string },
): ConnectionShape<T> {
  const hasNextPage = rows.length > first;
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor(keys.map((k) => (k.value ? k.value(node) : (node[k.property] ?? null)) as CursorValue)),
  }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Escapes a user's search text for a LIKE pattern (with ESCAPE '\\'). */
export function likePattern(search: string): string {
  return `%${search
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
