import { Injectable, Logger } from '@nestjs/common';
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

export interface UnitOfWork {
  manager: EntityManager;
  /** Runs after the transaction has committed (e.g. publishing its events); never after a rollback. */
  afterCommit(hook: () => void | Promise<void>): void;
}

/**
 * Every write that touches the database runs here, as one transaction: all or nothing.
 *
 * On SQLite, TypeORM's better-sqlite3 driver shares ONE connection between all requests, so two
 * overlapping transactions would nest into each other (savepoints) and commit or roll back
 * together. Transactions are therefore queued one at a time on SQLite (SQLite allows one writer
 * anyway); on PostgreSQL each runs on its own pooled connection.
 */
@Injectable()
export class TransactionService {
  private readonly logger = new Logger(TransactionService.name);
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  async run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const hooks: Array<() => void | Promise<void>> = [];
    const execute = () =>
      this.dataSource.transaction((manager) => work({ manager, afterCommit: (hook) => hooks.push(hook) }));
    let result: T;
    try {
      result = this.isSqlite ? await this.serialised(execute) : await execute();
    } catch (error) {
      // A concurrent writer won the race past our own duplicate check: still a CONFLICT, not a crash.
      if (isUniqueViolation(error)) throw conflict(`${uniqueField(error) ?? 'a unique value'}: another record with this value was stored at the same time`, uniqueField(error) ?? undefined);
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
