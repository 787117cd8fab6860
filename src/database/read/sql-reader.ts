import type { Database, Statement } from 'better-sqlite3';
import { type DataSource, type EntityMetadata, type EntityTarget, type ObjectLiteral, QueryFailedError } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** Prepared statements kept per SQLite connection (the distinct texts of the hot reads are few). */
const STATEMENT_CACHE_SIZE = 500;

interface EntityShape {
  metadata: EntityMetadata;
  table: string;
  /** `"col", "col2", …` selecting every column under its own name. */
  select: string;
  columns: Array<{ name: string; property: string; column: ColumnMetadata }>;
}

/**
 * The read path of the hottest requests (every token check, every DataLoader batch, the
 * follow-up list): hand-written SQL with `?` placeholders, run on the data source's read
 * connection, and entities built straight from the rows.
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
export class SqlReader {
  private static readonly readers = new WeakMap<DataSource, SqlReader>();

  /** The reader of a data source (one per data source, so its statement cache is shared). */
  static of(dataSource: DataSource): SqlReader {
    let reader = SqlReader.readers.get(dataSource);
    if (!reader) {
      reader = new SqlReader(dataSource);
      SqlReader.readers.set(dataSource, reader);
    }
    return reader;
  }

  private readonly sqlite: boolean;
  private readonly statements = new Map<string, Statement>();
  private readonly postgresText = new Map<string, string>();
  private readonly shapes = new Map<EntityTarget<ObjectLiteral>, EntityShape>();

  private constructor(private readonly dataSource: DataSource) {
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
  ): Promise<T[]> {
    if (!this.sqlite) return this.hydrate(entity, await this.all(sql, params));
    this.dataSource.logger.logQuery(sql, params as unknown[]);
    let rows: unknown[][];
    try {
      rows = this.statement(sql, true).all(...params) as unknown[][];
    } catch (error) {
      throw new QueryFailedError(sql, params as unknown[], error as Error);
    }
    const { metadata, columns } = this.shape(entity);
    const driver = this.dataSource.driver;
    const n = columns.length;
    return rows.map((row) => {
      const instance = metadata.create() as Record<string, unknown>;
      for (let i = 0; i < n; i++)
        instance[columns[i]!.property] = driver.prepareHydratedValue(row[i], columns[i]!.column);
      return instance as T;
    });
  }

  /** The first row of a SELECT, or undefined. */
  async one<R = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<R | undefined> {
    return (await this.all<R>(sql, params))[0];
  }

  /**
   * Entities whose `property` is one of `keys` (in batches the size of a DataLoader's), ordered by
   * `orderBy` (column names of the table, e.g. `position ASC`).
   */
  async findIn<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    property: keyof T & string,
    keys: readonly string[],
    orderBy?: string,
  ): Promise<T[]> {
    if (keys.length === 0) return [];
    const shape = this.shape(entity);
    const sql = `SELECT ${shape.select} FROM ${shape.table} WHERE ${this.columnOf(entity, property)} IN (${placeholders(keys.length)})${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
    return this.entities(entity, sql, keys);
  }

  /** An entity's table name, quoted. */
  tableOf(entity: EntityTarget<ObjectLiteral>): string {
    return this.shape(entity).table;
  }

  /** The column of an entity's property (e.g. `followUpId` → `follow_up_id`), quoted. */
  columnOf<T extends ObjectLiteral>(entity: EntityTarget<T>, property: keyof T & string): string {
    const column = this.shape(entity).metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.shape(entity).metadata.name} has no column for the property ${property}`);
    return quote(column.databaseName);
  }

  /** The column list of an entity for a SELECT, qualified by `alias` when given (`"f"."id" AS "id", …`). */
  selectList(entity: EntityTarget<ObjectLiteral>, alias?: string): string {
    const shape = this.shape(entity);
    return alias
      ? shape.columns.map((c) => `${quote(alias)}.${quote(c.name)} AS ${quote(c.name)}`).join(', ')
      : shape.select;
  }

  /** Entities from rows holding every column under its own name (see `selectList`). */
  hydrate<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: ReadonlyArray<Record<string, unknown>>): T[] {
    const { metadata, columns } = this.shape(entity);
    const driver = this.dataSource.driver;
    return rows.map((row) => {
      const instance = metadata.create() as T;
      for (const c of columns)
        (instance as Record<string, unknown>)[c.property] = driver.prepareHydratedValue(row[c.name], c.column);
      return instance;
    });
  }

  private shape(entity: EntityTarget<ObjectLiteral>): EntityShape {
    let shape = this.shapes.get(entity);
    if (!shape) {
      const metadata = this.dataSource.getMetadata(entity);
      const columns = metadata.columns.map((column) => ({
        name: column.databaseName,
        property: column.propertyName,
        column,
      }));
      shape = {
        metadata,
        table: quote(metadata.tableName),
        select: columns.map((c) => quote(c.name)).join(', '),
        columns,
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
        sql,
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

/**
 * A condition with `?` placeholders as a query builder takes it: `:<prefix>0, :<prefix>1, …` and the
 * named values (for the places where hand-written conditions meet TypeORM's query builder).
 */
export function namedParameters(
  sql: string,
  params: readonly unknown[],
  prefix: string,
  from = 0,
): [string, Record<string, unknown>] {
  const named: Record<string, unknown> = {};
  let n = from;
  const text = sql.replace(/\?/g, () => {
    named[`${prefix}${n}`] = params[n - from];
    return `:${prefix}${n++}`;
  });
  return [text, named];
}

/** A quoted identifier (both engines use double quotes). */
export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** `?, ?, …` for `n` values. */
export const placeholders = (n: number): string => (n === 1 ? '?' : `?${', ?'.repeat(n - 1)}`);
