import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict } from '../common/errors/domain-error.js';
import { isUniqueViolation } from '../common/errors/format-error.js';

/** The column a unique violation is about: PostgreSQL's `Key (gtin)=…`, SQLite's `UNIQUE constraint failed: products.gtin`. */
function uniqueField(error: unknown): string | null {
  const e = error as { detail?: string; message?: string; driverError?: { detail?: string; message?: string } };
  const text = `${e.driverError?.detail ?? e.detail ?? ''} ${e.driverError?.message ?? e.message ?? ''}`;
  const column = /Key \(([^)]+)\)/.exec(text)?.[1] ?? /UNIQUE constraint failed: \w+\.(\w+)/.exec(text)?.[1];
  return column ? column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()) : null;
}

/** SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, …: another process holds or has just changed the database. */
function isSqliteBusy(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return /^SQLITE_BUSY/.test(e?.driverError?.code ?? e?.code ?? '');
}

/**
 * Retries a whole SQLite transaction that met another process (the CLI, a backup, a second
 * server) on the same file. In WAL mode a transaction that read first and then writes gets
 * SQLITE_BUSY_SNAPSHOT at once, without waiting for busy_timeout, when another connection committed
 * in between; it has written nothing and rolled back, so running it again on a fresh snapshot is safe.
 */
async function retryBusy<T>(task: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!isSqliteBusy(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
    }
  }
}

export interface UnitOfWork {
  manager: EntityManager;
  /** Runs after the transaction has committed (e.g. publishing its events); never after a rollback. */
  afterCommit(hook: () => void | Promise<void>): void;
}

/**
 * Every write that touches the database runs here, as one transaction: all or nothing.
 *
 * On SQLite, TypeORM's better-sqlite3 driver has ONE connection, shared by every request. A
 * transaction open on it would be seen, uncommitted, by any read that runs in between (and two
 * overlapping transactions would nest into each other). So on SQLite writes run on a second,
 * private connection to the same file, one transaction at a time (SQLite has one writer anyway),
 * while reads stay on the main connection: in WAL mode they see only committed data, never a
 * write that may still roll back. On PostgreSQL each transaction has its own pooled connection.
 */
@Injectable()
export class TransactionService implements OnApplicationShutdown {
  private readonly logger = new Logger(TransactionService.name);
  private queue: Promise<unknown> = Promise.resolve();
  private writer: Promise<DataSource> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The connection transactions run on: a private SQLite writer, or the PostgreSQL pool. */
  private writerDataSource(): Promise<DataSource> {
    if (!this.isSqlite) return Promise.resolve(this.dataSource);
    this.writer ??= new DataSource({
      ...this.dataSource.options,
      migrationsRun: false,
      synchronize: false,
    } as typeof this.dataSource.options).initialize();
    return this.writer;
  }

  async onApplicationShutdown(): Promise<void> {
    const writer = await this.writer?.catch(() => null);
    if (writer?.isInitialized) await writer.destroy();
  }

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  async run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const hooks: Array<() => void | Promise<void>> = [];
    const execute = async () => {
      hooks.length = 0; // a retried attempt starts afresh
      return (await this.writerDataSource()).transaction((manager) =>
        work({ manager, afterCommit: (hook) => hooks.push(hook) }),
      );
    };
    let result: T;
    try {
      result = this.isSqlite ? await this.serialised(() => retryBusy(execute)) : await execute();
    } catch (error) {
      // A concurrent writer won the race past our own duplicate check: still a CONFLICT, not a crash.
      if (isUniqueViolation(error))
        throw conflict(
          `${uniqueField(error) ?? 'a unique value'}: another record with this value was stored at the same time`,
          uniqueField(error) ?? undefined,
        );
      throw error;
    }
    for (const hook of hooks) {
      try {
        await hook();
      } catch (error) {
        this.logger.error(`after-commit hook failed: ${(error as Error).message}`);
      }
    }
    return result;
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
