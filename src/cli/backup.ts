import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppConfig } from '../config/configuration.js';

export interface BackupReport {
  source: string;
  target: string;
  pages: number;
  bytes: number;
  integrity: string;
}

/**
 * An online, consistent copy of the SQLite database (`npm run cli -- backup <file>`), safe while the
 * server runs and writes: SQLite's backup API (better-sqlite3 `.backup()`) copies every page in one
 * step, inside one read transaction, so the copy is the database as of one commit (WAL included);
 * writers are not blocked in WAL mode. The copy is written to `<file>.partial`, checked with
 * `PRAGMA integrity_check`, and only then renamed to `<file>`: a failed backup leaves no file that
 * looks good. An existing `<file>` is never overwritten.
 */
export async function backupSqlite(config: AppConfig, file: string): Promise<BackupReport> {
  if (config.databaseUrl) {
    throw new Error('backup copies the SQLite database; for PostgreSQL (DATABASE_URL is set) use pg_dump');
  }
  const source = config.databasePath;
  const target = resolve(file);
  if (!existsSync(source)) throw new Error(`no database at ${source} (DATABASE_PATH)`);
  if (target === source) throw new Error('the backup file must not be the database itself');
  if (existsSync(target)) throw new Error(`${target} already exists: choose a new file name`);
  if (!existsSync(dirname(target))) throw new Error(`the folder ${dirname(target)} does not exist`);

  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  let pages: number;
  try {
    db.pragma(`busy_timeout = ${config.sqliteBusyTimeoutMs}`);
    // Returning the total page count copies everything in one step: one consistent snapshot, and
    // no restarts when the server commits meanwhile (a step-wise copy starts over on every write).
    await db.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 1) });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }

  const copy = new Database(partial, { fileMustExist: true });
  let integrity: string;
  let bytes: number;
  try {
    integrity = (copy.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
    const { page_count, page_size } = copy
      .prepare('SELECT page_count, page_size FROM pragma_page_count(), pragma_page_size()')
      .get() as { page_count: number; page_size: number };
    bytes = page_count * page_size;
    pages = page_count;
    // A self-contained single file: leave WAL mode so the copy needs no -wal or -shm beside it.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  if (integrity !== 'ok') {
    rmSync(partial, { force: true });
    throw new Error(`the copy failed its integrity check: ${integrity}`);
  }
  renameSync(partial, target);
  return { source, target, pages, bytes, integrity };
}
