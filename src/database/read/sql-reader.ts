import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Database, Statement } from 'better-sqlite3';
import { DataSource, type EntityMetadata, type EntityTarget, type ObjectLiteral, QueryFailedError } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { notFound } from '../../common/errors/domain-error.js';
import type { Columns } from './projection.js';
import { stablePlan } from './stable-plan.js';

/** Prepared statements kept per SQLite connection (the distinct texts of the hot reads are few). */
const STATEMENT_CACHE_SIZE = 500;

interface EntityShape {
  metadata: EntityMetadata;
  table: string;
  /** `"col", "col2", …` selecting every column under its own name. */
  select: string;
  columns: Array<{ name: string; property: string; column: ColumnMetadata }>;
  /** Qualified select lists made so far, by `<alias> <prefix>` (a list reads one per request). */
  qualified: Map<string, string>;
  /** The shapes of the column sets read so far (projections), by their properties joined with commas. */
  subsets: Map<string, EntityShape>;
}

/**
 * The one way the application reads (outside the transactions of its writes, which run on
 * TypeORM's EntityManager: see TransactionService): hand-written SQL with `?` placeholders, run on
 * the data source's read connection, and entities built straight from the rows. Every token check,
 * every DataLoader batch, every list (through PageReader) and every lookup passes here.
 *
 * Why not TypeORM's query builder and `find`: for these small queries, building the SQL text and
 * mapping the rows through TypeORM's general transformer cost several times the query itself
 * (bench/report.md: a lookup spent 40 % of its CPU in TypeORM). Here the SQL text is written once,
 * SQLite statements are prepared once (better-sqlite3, the same connection TypeORM reads on), and
 * each value still passes through the driver's own `prepareHydratedValue`, so an entity read here
 * is the entity `find` would give (booleans, numbers and nulls alike) on either engine.
 *
 * Reads only, outside transactions: on SQLite this is TypeORM's main connection, which sees only
 * committed data (transactions run on a private writer connection, see TransactionService); on
 * PostgreSQL each query takes a pooled connection. Every statement is reported to the data
 * source's logger like TypeORM's own, so statement counts (tests, bench) include these.
 */
@Injectable()
export class SqlReader {
  private readonly sqlite: boolean;
  private readonly statements = new Map<string, Statement>();
  private readonly postgresText = new Map<string, string>();
  private readonly shapes = new Map<EntityTarget<ObjectLiteral>, EntityShape>();

  /** One per application (a provider of ReadModule), so its prepared statements serve every request. */
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
  }

  /** Rows of a SELECT. `?` placeholders on both engines (rewritten to `$n` for PostgreSQL). */
  async all<R = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    // On PostgreSQL TypeORM's query runner reports the statement itself.
    if (!this.sqlite) return this.dataSource.query(this.postgres(sql), params as unknown[]);
    this.dataSource.logger.logQuery(sql, params as unknown[]);
    try {
      return this.statement(sql, false).all(...params) as R[];
    } catch (error) {
      throw new QueryFailedError(sql, params as unknown[], error as Error);
    }
  }

  /**
   * Entities from a SELECT of exactly the entity's columns in `selectList` order. On SQLite the rows
   * come as arrays (better-sqlite3's raw mode): no object with named keys is built per row only to
   * be copied into the entity, which saves a third of the read of a hundred measurements.
   */
  async entities<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    sql: string,
    params: readonly unknown[] = [],
    columns?: Columns<T>,
  ): Promise<T[]> {
    if (!this.sqlite) return this.hydrate(entity, await this.all(sql, params), '', columns);
    const shape = this.shape(entity, columns);
    return this.rawRows(sql, params).map((row) => this.fromRaw<T>(shape, row, 0));
  }

  /**
   * `entities` of a SELECT whose list ends, after the entity's columns, with one more column named
   * `kk_count` that holds the same number on every row (a page's total, counted by a subquery in
   * the page's own statement: see PageReader): the entities and that number, null when no row came.
   */
  async entitiesWithCount<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    sql: string,
    params: readonly unknown[] = [],
    columns?: Columns<T>,
  ): Promise<{ nodes: T[]; count: number | null }> {
    if (!this.sqlite) {
      const rows = await this.all(sql, params);
      const count = rows.length ? Number(rows[0]![COUNT_COLUMN]) : null;
      return { nodes: this.hydrate(entity, rows, '', columns), count };
    }
    const shape = this.shape(entity, columns);
    const rows = this.rawRows(sql, params);
    const count = rows.length ? Number(rows[0]![shape.columns.length]) : null;
    return { nodes: rows.map((row) => this.fromRaw<T>(shape, row, 0)), count };
  }

  /** The rows of a SELECT as arrays (better-sqlite3's raw mode; SQLite only), the statement reported to the logger. */
  private rawRows(sql: string, params: readonly unknown[]): unknown[][] {
    this.dataSource.logger.logQuery(sql, params as unknown[]);
    try {
      return this.statement(sql, true).all(...params) as unknown[][];
    } catch (error) {
      throw new QueryFailedError(sql, params as unknown[], error as Error);
    }
  }

  /**
   * Two entities from each row of one statement (a join): `rest` is what follows the SELECT list
   * (`FROM … JOIN … WHERE … ORDER BY …`), in which `a.alias` and `b.alias` name the two tables. On
   * SQLite the rows come as arrays, cut where the first entity's columns end. Each side reads its
   * `columns` (see Projection; undefined: all of them).
   */
  async pairs<A extends ObjectLiteral, B extends ObjectLiteral>(
    a: { entity: EntityTarget<A>; alias: string; columns?: Columns<A> },
    b: { entity: EntityTarget<B>; alias: string; columns?: Columns<B> },
    rest: string,
    params: readonly unknown[] = [],
  ): Promise<Array<[A, B]>> {
    const sql = `SELECT ${this.selectList(a.entity, a.alias, 'a_', a.columns)}, ${this.selectList(b.entity, b.alias, 'b_', b.columns)} ${rest}`;
    if (!this.sqlite) {
      const rows = await this.all(sql, params);
      const bs = this.hydrate(b.entity, rows, 'b_', b.columns);
      return this.hydrate(a.entity, rows, 'a_', a.columns).map((x, i) => [x, bs[i]!]);
    }
    const rows = this.rawRows(sql, params);
    const shapeA = this.shape(a.entity, a.columns);
    const shapeB = this.shape(b.entity, b.columns);
    const offset = shapeA.columns.length;
    return rows.map((row) => [this.fromRaw<A>(shapeA, row, 0), this.fromRaw<B>(shapeB, row, offset)]);
  }

  /** An entity from a raw row whose columns, from `offset` on, are the entity's in `selectList` order. */
  private fromRaw<T>(shape: EntityShape, row: unknown[], offset: number): T {
    const { metadata, columns } = shape;
    const driver = this.dataSource.driver;
    const instance = metadata.create() as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++)
      instance[columns[i]!.property] = driver.prepareHydratedValue(row[offset + i], columns[i]!.column);
    return instance as T;
  }

  /** The first row of a SELECT, or undefined. */
  async one<R = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<R | undefined> {
    return (await this.all<R>(sql, params))[0];
  }

  /**
   * Entities whose `property` is one of `keys` (in batches the size of a DataLoader's), ordered by
   * `orderBy` (column names of the table, e.g. `position ASC`); only `columns` of them when given.
   */
  async findIn<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    property: keyof T & string,
    keys: readonly string[],
    orderBy?: string,
    columns?: Columns<T>,
  ): Promise<T[]> {
    if (keys.length === 0) return [];
    const shape = this.shape(entity, columns);
    const sql = `SELECT ${shape.select} FROM ${shape.table} WHERE ${this.columnOf(entity, property)} IN (${placeholders(keys.length)})${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
    return this.entities(entity, sql, keys, columns);
  }

  /** The entity whose properties have the given values (`id`, a unique code…), or undefined. */
  async findOneBy<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    where: Partial<Record<keyof T & string, string>>,
  ): Promise<T | undefined> {
    const [condition, params] = this.equalities(entity, where);
    const shape = this.shape(entity);
    return (
      await this.entities(entity, `SELECT ${shape.select} FROM ${shape.table} WHERE ${condition} LIMIT 1`, params)
    )[0];
  }

  /**
   * The entity whose `property` (by default its id) is `value`; NOT_FOUND naming `what` (the
   * GraphQL type, e.g. `Supplier`) and the value when there is none: every single lookup of the API.
   */
  async get<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    what: string,
    value: string,
    property: keyof T & string = 'id',
  ): Promise<T> {
    const found = await this.findOneBy(entity, { [property]: value } as Partial<Record<keyof T & string, string>>);
    if (!found) throw notFound(what, value);
    return found;
  }

  /** True when a row of the entity has the given values. */
  async existsBy<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    where: Partial<Record<keyof T & string, string>>,
  ): Promise<boolean> {
    const [condition, params] = this.equalities(entity, where);
    return Boolean(await this.one(`SELECT 1 AS found FROM ${this.tableOf(entity)} WHERE ${condition} LIMIT 1`, params));
  }

  /** An entity's table name, quoted. */
  tableOf(entity: EntityTarget<ObjectLiteral>): string {
    return this.fullShape(entity).table;
  }

  /** The column of an entity's property (e.g. `followUpId` → `follow_up_id`), quoted. */
  columnOf<T extends ObjectLiteral>(entity: EntityTarget<T>, property: keyof T & string): string {
    const column = this.shape(entity).metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.shape(entity).metadata.name} has no column for the property ${property}`);
    return quote(column.databaseName);
  }

  /**
   * The column list of an entity for a SELECT, qualified by `alias` when given (`"f"."id" AS "id", …`);
   * with a `prefix`, each column is named `<prefix><column>` (`"f"."id" AS "f_id"`), so that the
   * entities of a join can share a row (see `hydrate`). Only `columns` of them when given.
   */
  selectList<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    alias?: string,
    prefix = '',
    columns?: Columns<T>,
  ): string {
    const shape = this.shape(entity, columns);
    if (!alias) return shape.select;
    const key = `${alias} ${prefix}`;
    let list = shape.qualified.get(key);
    if (list === undefined) {
      list = shape.columns.map((c) => `${quote(alias)}.${quote(c.name)} AS ${quote(prefix + c.name)}`).join(', ');
      shape.qualified.set(key, list);
    }
    return list;
  }

  /** Entities from rows holding every column under its own name, or under `<prefix><column>` (see `selectList`). */
  hydrate<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    rows: ReadonlyArray<Record<string, unknown>>,
    prefix = '',
    projected?: Columns<T>,
  ): T[] {
    const { metadata, columns } = this.shape(entity, projected);
    const driver = this.dataSource.driver;
    return rows.map((row) => {
      const instance = metadata.create() as T;
      for (const c of columns)
        (instance as Record<string, unknown>)[c.property] = driver.prepareHydratedValue(row[prefix + c.name], c.column);
      return instance;
    });
  }

  /** `"a" = ? AND "b" = ?` for the properties of `where`, and their values. */
  private equalities<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    where: Partial<Record<keyof T & string, string>>,
  ): [string, string[]] {
    const keys = Object.keys(where) as Array<keyof T & string>;
    if (!keys.length) throw new Error('SqlReader: a lookup needs at least one property');
    return [keys.map((k) => `${this.columnOf(entity, k)} = ?`).join(' AND '), keys.map((k) => where[k]!)];
  }

  /**
   * An entity's shape: all its columns, or (`columns`) only those of the given properties, in the
   * entity's column order, made once per set.
   */
  private shape(entity: EntityTarget<ObjectLiteral>, projected?: Columns<ObjectLiteral>): EntityShape {
    const full = this.fullShape(entity);
    if (!projected) return full;
    const key = projected.join(',');
    let shape = full.subsets.get(key);
    if (!shape) {
      const wanted = new Set<string>(projected);
      for (const p of wanted)
        if (!full.columns.some((c) => c.property === p))
          throw new Error(`${full.metadata.name} has no column for the property ${p}`);
      const columns = full.columns.filter((c) => wanted.has(c.property));
      shape = {
        ...full,
        select: columns.map((c) => quote(c.name)).join(', '),
        columns,
        qualified: new Map(),
        subsets: full.subsets,
      };
      full.subsets.set(key, shape);
    }
    return shape;
  }

  private fullShape(entity: EntityTarget<ObjectLiteral>): EntityShape {
    let shape = this.shapes.get(entity);
    if (!shape) {
      const metadata = this.dataSource.getMetadata(entity);
      // Columns marked `select: false` (the search texts, for WHERE clauses only) are never read.
      const columns = metadata.columns
        .filter((column) => column.isSelect)
        .map((column) => ({
          name: column.databaseName,
          property: column.propertyName,
          column,
        }));
      shape = {
        metadata,
        table: quote(metadata.tableName),
        select: columns.map((c) => quote(c.name)).join(', '),
        columns,
        qualified: new Map(),
        subsets: new Map(),
      };
      this.shapes.set(entity, shape);
    }
    return shape;
  }

  private statement(sql: string, raw: boolean): Statement {
    const key = raw ? `raw:${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = (this.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection.prepare(
        stablePlan(sql),
      );
      if (raw) statement.raw(true);
      this.statements.set(key, statement);
      if (this.statements.size > STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
    }
    return statement;
  }

  /** `?` → `$1, $2, …` (the hand-written SQL here has no `?` inside string literals). */
  private postgres(sql: string): string {
    let text = this.postgresText.get(sql);
    if (text === undefined) {
      let n = 0;
      text = sql.replace(/\?/g, () => `$${++n}`);
      this.postgresText.set(sql, text);
      if (this.postgresText.size > STATEMENT_CACHE_SIZE)
        this.postgresText.delete(this.postgresText.keys().next().value!);
    }
    return text;
  }
}

/** The name of the count column a SELECT read by `entitiesWithCount` ends with. */
export const COUNT_COLUMN = 'kk_count';

/** A quoted identifier (both engines use double quotes). */
export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** `?, ?, …` for `n` values. */
export const placeholders = (n: number): string => (n === 1 ? '?' : `?${', ?'.repeat(n - 1)}`);
