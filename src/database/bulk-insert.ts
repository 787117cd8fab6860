import type Database from 'better-sqlite3';
import type { EntityManager, EntityMetadata } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/** An entity's stored fields: its properties without its methods. */
type Stored<E> = { [K in keyof E as E[K] extends (...args: never[]) => unknown ? never : K]: E[K] };

/** A row to insert: every stored field of the entity except those the database generates (`Generated`). */
export type Insertable<E, Generated extends keyof E = never> = Omit<Stored<E>, Generated>;

/** PostgreSQL accepts at most 65,535 parameters in one statement. */
const PG_MAX_PARAMETERS = 60_000;
const PG_MAX_ROWS = 1_000;

interface InsertColumns {
  /** All but the generated ones, in metadata order. */
  columns: readonly ColumnMetadata[];
  convert: ReadonlyArray<((value: unknown) => unknown) | null>;
}

/** Per entity and connection (each has its own metadata). */
const insertColumns = new WeakMap<EntityMetadata, InsertColumns>();
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Inserts many rows of one entity inside the caller's transaction, fast on both engines: what
 * `manager.insert(Entity, rows)` stores (table, column names and value conversions come from the
 * entity's TypeORM metadata, through the driver's own `preparePersistentValue`), without its
 * per-value query building, which costs more than the database does for tens of thousands of rows.
 * Used by the follow-up writer (imports, seeds, recordFollowUp) and the dataset generator.
 *
 * - SQLite: one prepared statement per table, run once per row on the connection TypeORM's
 *   transaction is open on (better-sqlite3 shares one connection, so the rows are part of that
 *   transaction and roll back with it).
 * - PostgreSQL: multi-row `INSERT … VALUES (…), (…)` in chunks, on the transaction's runner.
 *
 * Every non-generated column must be given (null where it is empty): a missing one is a bug, and
 * throws rather than store a default nobody chose. Listeners (`@BeforeInsert`) do not run: rows
 * carry their ids and timestamps. Values are always bound parameters.
 */
export async function bulkInsert<E extends object, Generated extends keyof E = never>(
  manager: EntityManager,
  entity: new () => E,
  rows: readonly Insertable<E, Generated>[],
): Promise<void> {
  if (!rows.length) return;
  const metadata = manager.connection.getMetadata(entity);
  const { columns, convert } = columnsOf(metadata, manager.connection.driver);
  const values = (row: Insertable<E, Generated>): unknown[] => {
    const out = new Array<unknown>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const value = (row as Record<string, unknown>)[columns[i]!.propertyName];
      if (value === undefined)
        throw new Error(`bulkInsert: ${metadata.tableName}.${columns[i]!.databaseName} is missing from a row`);
      const to = convert[i];
      out[i] = value === null || !to ? value : to(value);
    }
    return out;
  };
  const table = metadata.tableName;
  const names = columns.map((c) => c.databaseName).join(', ');

  if (manager.connection.options.type === 'better-sqlite3') {
    const db = sqliteHandle(manager);
    let cache = statements.get(db);
    if (!cache) statements.set(db, (cache = new Map()));
    let statement = cache.get(table);
    if (!statement) {
      statement = db.prepare(`INSERT INTO ${table} (${names}) VALUES (${columns.map(() => '?').join(', ')})`);
      cache.set(table, statement);
    }
    for (const row of rows) statement.run(values(row));
    return;
  }
  const perStatement = Math.max(1, Math.min(PG_MAX_ROWS, Math.floor(PG_MAX_PARAMETERS / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuple = (row: Insertable<E, Generated>) => values(row).map((v) => `$${params.push(v)}`);
    const tuples = rows.slice(start, start + perStatement).map((row) => `(${tuple(row).join(', ')})`);
    await manager.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** Column types whose values every driver stores as given (TypeORM's preparePersistentValue returns them unchanged). */
const AS_GIVEN = new Set(['varchar', 'text', 'integer', 'int', 'double precision', 'real', 'float']);

/**
 * The columns an insert names, and for each the driver's conversion where it has one (booleans as
 * 1/0 on SQLite, dates, JSON, transformers): null for a column whose values are stored as given,
 * so that tens of thousands of rows do not pay a call per value for nothing.
 */
function columnsOf(metadata: EntityMetadata, driver: EntityManager['connection']['driver']): InsertColumns {
  let found = insertColumns.get(metadata);
  if (!found) {
    const columns = metadata.columns.filter((c) => !c.isGenerated);
    const convert = columns.map((column) =>
      column.transformer || !AS_GIVEN.has(String(column.type))
        ? (value: unknown) => driver.preparePersistentValue(value, column)
        : null,
    );
    insertColumns.set(metadata, (found = { columns, convert }));
  }
  return found;
}

/**
 * The better-sqlite3 database under TypeORM's driver: the one connection every query (and so
 * the open transaction) runs on.
 */
export function sqliteHandle(manager: EntityManager): Database.Database {
  const db = (manager.connection.driver as unknown as { databaseConnection?: Database.Database }).databaseConnection;
  if (!db) throw new Error('bulkInsert: the SQLite connection is not open');
  return db;
}
