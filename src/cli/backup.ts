import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
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

export interface RestoreReport {
  source: string;
  target: string;
  bytes: number;
  integrity: string;
  /** Where the database that was replaced is kept; null when there was none. */
  previous: string | null;
}

/**
 * `npm run cli -- restore <backup>`: replaces the SQLite database with a backup. The backup is
 * checked first (integrity_check, and the tables of a kemkollen database); the database must not be
 * in use: the check takes SQLite's exclusive lock (locking_mode EXCLUSIVE, no waiting), which fails
 * while any other connection has the file open, the server's included. The backup is copied beside
 * the database and renamed over it (its -wal and -shm, which belong to the old file, are removed),
 * and the replaced file is kept as `<database>.before-restore-<time>`: a restore loses nothing.
 */
export function restoreSqlite(config: AppConfig, file: string): RestoreReport {
  if (config.databaseUrl)
    throw new Error(
      'restore replaces the SQLite database; for PostgreSQL (DATABASE_URL is set) use pg_restore (README, Operations)',
    );
  const source = resolve(file);
  const target = config.databasePath;
  if (source === target) throw new Error('the backup must not be the database itself');

  const backup = new Database(source, { readonly: true, fileMustExist: true });
  let integrity: string;
  let bytes: number;
  try {
    try {
      integrity = (backup.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
    } catch (error) {
      throw new Error(`${source} is not an SQLite database`, { cause: error });
    }
    const tables = new Set(
      (backup.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (t) => t.name,
      ),
    );
    if (!['migrations', 'organisations', 'follow_ups', 'events'].every((t) => tables.has(t)))
      throw new Error(`${source} is not a kemkollen database (it lacks its tables)`);
    const { page_count, page_size } = backup
      .prepare('SELECT page_count, page_size FROM pragma_page_count(), pragma_page_size()')
      .get() as { page_count: number; page_size: number };
    bytes = page_count * page_size;
  } finally {
    backup.close();
  }
  if (integrity !== 'ok') throw new Error(`${source} failed its integrity check: ${integrity}; nothing was restored`);
  if (!existsSync(dirname(target))) throw new Error(`the folder ${dirname(target)} does not exist (DATABASE_PATH)`);

  const restoring = `${target}.restoring`;
  copyFileSync(source, restoring);
  let previous: string | null = null;
  const lock = existsSync(target) ? new Database(target, { fileMustExist: true, timeout: 0 }) : null;
  try {
    if (lock) {
      try {
        lock.pragma('locking_mode = EXCLUSIVE');
        lock.exec('BEGIN EXCLUSIVE');
        lock.prepare('SELECT COUNT(*) FROM sqlite_master').get();
      } catch (error) {
        if (/^SQLITE_BUSY/.test((error as { code?: string }).code ?? ''))
          throw new Error(
            `${target} is in use (the server or another command has it open): stop it, then restore; nothing was changed`,
            { cause: error },
          );
        throw error;
      }
      // Holding the lock, the old file goes aside (with the last of its WAL checkpointed into it on close).
      lock.exec('COMMIT');
      lock.pragma('wal_checkpoint(TRUNCATE)');
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      copyFileSync(target, previous);
    }
    for (const extra of ['-wal', '-shm', '-journal']) rmSync(`${target}${extra}`, { force: true });
    renameSync(restoring, target);
  } catch (error) {
    rmSync(restoring, { force: true });
    throw error;
  } finally {
    lock?.close();
  }
  return { source, target, bytes, integrity, previous };
}
