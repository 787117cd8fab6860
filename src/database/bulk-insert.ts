import type Database from 'better-sqlite3';
import type { EntityManager } from 'typeorm';

type Value = string | number | boolean | null;

/** PostgreSQL accepts at most 65,535 parameters in one statement. */
const PG_MAX_PARAMETERS = 60_000;
const PG_MAX_ROWS = 1_000;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Inserts many rows into one table inside the caller's transaction, fast on both engines; for
 * imports and the dataset generator, where TypeORM's `insert()` (entity metadata, listeners,
 * parameter escaping per value) costs more than the database does.
 *
 * - SQLite: one prepared statement per table and column list, run once per row on the
 *   connection TypeORM's transaction is open on (better-sqlite3 shares one connection, so the
 *   rows are part of that transaction and roll back with it).
 * - PostgreSQL: multi-row `INSERT … VALUES (…), (…)` in chunks, on the transaction's runner.
 *
 * Tables and columns are snake_case literals from our own code, never user input; values are
 * always bound parameters. Booleans are stored as 1/0 on SQLite, as TypeORM does.
 */
export async function bulkInsert(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly Value[])[],
): Promise<void> {
  if (!rows.length) return;
  if (manager.connection.options.type === 'better-sqlite3') {
    const db = sqliteHandle(manager);
    let cache = statements.get(db);
    if (!cache) statements.set(db, (cache = new Map()));
    const key = `${table}(${columns.join(',')})`;
    let statement = cache.get(key);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      cache.set(key, statement);
    }
    for (const row of rows) statement.run(row.map((v) => (v === true ? 1 : v === false ? 0 : v)));
    return;
  }
  const perStatement = Math.max(1, Math.min(PG_MAX_ROWS, Math.floor(PG_MAX_PARAMETERS / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: Value[] = [];
    const tuples = chunk.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
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
