import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { nowIso } from '../common/time.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { PUB_SUB } from '../events/event-log.service.js';
import type { ImportJobStatus, OnExisting } from '../vocabulary/vocabulary.js';
import { FollowUpImportService, type ImportProgress, type ImportResultData } from './follow-up-import.service.js';
import { ImportJobEntity } from './import-job.entity.js';

/** Where a job stands: what `importJob` and `importProgress` answer (plain JSON: it travels through Redis). */
export interface ImportJobState {
  id: string;
  organisationId: string;
  status: ImportJobStatus;
  /** 0–1. */
  progress: number;
  /** What it is doing: queued, reading, checking, writing, done. */
  phase: string;
  fileName: string | null;
  dryRun: boolean;
  onExisting: OnExisting;
  createdAt: string;
  updatedAt: string;
  result: ImportResultData | null;
  failure: string | null;
}

export interface ImportJobOptions {
  dryRun: boolean;
  onExisting: OnExisting;
  sheet: string | null;
  fileName: string | null;
}

const topic = (id: string) => `importProgress.${id}`;
/** Progress is published at most this often (ms), and on every change of phase. */
const PUBLISH_EVERY_MS = 200;
const finished = (s: ImportJobState) => s.status === 'FINISHED' || s.status === 'FAILED';

/**
 * Imports of large uploads in the background (POST /imports): the job is a row in `import_jobs`,
 * written when it starts and when it ends (not in between: on SQLite the import's own transaction
 * holds the one writer), with a heartbeat every IMPORT_HEARTBEAT_MS between. While it runs, its progress is kept by the instance running it and
 * published on the PubSub (Redis between instances) for `importProgress`; `importJob` reads the
 * running instance's state, or the row.
 */
@Injectable()
export class ImportJobsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportJobsService.name);
  private readonly live = new Map<string, ImportJobState>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly importer: FollowUpImportService,
    private readonly tx: TransactionService,
    private readonly reader: SqlReader,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records the job and starts it; returns at once with the job QUEUED. */
  async start(bytes: Buffer, principal: Principal, options: ImportJobOptions): Promise<ImportJobState> {
    const now = nowIso();
    const state: ImportJobState = {
      id: randomUUID(),
      organisationId: principal.organisationId,
      status: 'QUEUED',
      progress: 0,
      phase: 'queued',
      fileName: options.fileName,
      dryRun: options.dryRun,
      onExisting: options.onExisting,
      createdAt: now,
      updatedAt: now,
      result: null,
      failure: null,
    };
    await this.tx.run(({ manager }) =>
      manager.insert(ImportJobEntity, {
        ...state,
        principalId: principal.principalId,
        result: null,
        heartbeatAt: now,
      }),
    );
    this.live.set(state.id, state);
    const work = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(state, bytes, principal, options))
      .finally(() => this.running.delete(work));
    this.running.add(work);
    return { ...state };
  }

  /**
   * A job of the caller's organisation, whatever its role (issue 12: an ADMIN's reach stops at its
   * organisation; a job's errors quote its rows); NOT_FOUND otherwise, as for one that does not exist.
   */
  async get(id: string, principal: Principal): Promise<ImportJobState> {
    const state = this.live.get(id) ?? (await this.stored(id));
    if (!state || state.organisationId !== principal.organisationId) throw notFound('ImportJob', id);
    return { ...state };
  }

  /** The job's state now, then at each change until it has finished (the importProgress subscription). */
  async *progress(id: string, principal: Principal): AsyncGenerator<ImportJobState> {
    await this.get(id, principal); // NOT_FOUND before anything is subscribed
    const updates = this.pubSub.asyncIterableIterator<ImportJobState>(topic(id));
    try {
      // Read after subscribing, so an update between the two is not lost (a later one repeats it at worst).
      let last = await this.get(id, principal);
      yield last;
      while (!finished(last)) {
        // Waits for the next update, or a heartbeat's time: a job whose instance has stopped sends
        // none, and is read again (then FAILED, see `stored`).
        let timer: NodeJS.Timeout | undefined;
        const next = await Promise.race([
          updates.next(),
          new Promise<'silent'>(
            (resolve) => (timer = setTimeout(() => resolve('silent'), this.config.importHeartbeatMs)),
          ),
        ]).finally(() => clearTimeout(timer));
        if (next === 'silent') {
          const now = await this.get(id, principal);
          if (now.updatedAt === last.updatedAt && now.status === last.status) continue;
          last = now;
          yield last;
          continue;
        }
        if (next.done) return;
        if (next.value.updatedAt < last.updatedAt) continue;
        last = next.value;
        yield last;
      }
    } finally {
      await updates.return?.();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(state: ImportJobState, bytes: Buffer, principal: Principal, options: ImportJobOptions) {
    let published = 0;
    const update = (changes: Partial<ImportJobState>, force = false) => {
      const phaseChanged = changes.phase !== undefined && changes.phase !== state.phase;
      Object.assign(state, changes, { updatedAt: nowIso() });
      if (force || phaseChanged || Date.now() - published >= PUBLISH_EVERY_MS) {
        published = Date.now();
        void this.pubSub.publish(topic(state.id), { ...state }).catch(() => undefined);
      }
    };
    update({ status: 'RUNNING', phase: 'reading', progress: 0.01 }, true);
    // The sign of life, outside the import's own transaction. On SQLite it waits behind the
    // transaction's write (one writer); the reader below forgives that on the instance running it.
    const heartbeat = setInterval(() => {
      void this.tx
        .run(({ manager }) => manager.update(ImportJobEntity, { id: state.id }, { heartbeatAt: nowIso() }))
        .catch((error: Error) => this.logger.warn(`import job ${state.id}: heartbeat: ${error.message}`));
    }, this.config.importHeartbeatMs);
    heartbeat.unref();
    try {
      const result = await this.importer.importFile(
        bytes,
        { principal },
        {
          dryRun: options.dryRun,
          onExisting: options.onExisting,
          sheet: options.sheet,
          onProgress: (p) => update({ phase: p.phase, progress: fraction(p) }),
        },
      );
      state.status = 'FINISHED';
      state.progress = 1;
      state.phase = 'done';
      state.result = result;
    } catch (error) {
      state.status = 'FAILED';
      state.phase = 'done';
      state.failure =
        error instanceof DomainError ? error.message : 'the import failed unexpectedly; nothing was stored';
      if (!(error instanceof DomainError)) this.logger.error(`import job ${state.id}: ${(error as Error).stack}`);
    }
    clearInterval(heartbeat);
    state.updatedAt = nowIso();
    try {
      await this.tx.run(({ manager }) =>
        manager.update(
          ImportJobEntity,
          { id: state.id },
          {
            status: state.status,
            progress: state.progress,
            result: state.result && JSON.stringify(state.result),
            failure: state.failure,
            updatedAt: state.updatedAt,
          },
        ),
      );
    } catch (error) {
      this.logger.error(`import job ${state.id}: its outcome could not be stored: ${(error as Error).message}`);
    }
    update({}, true);
    this.live.delete(state.id);
  }

  private async stored(id: string): Promise<ImportJobState | null> {
    const row = await this.reader.findOneBy(ImportJobEntity, { id });
    return row ? this.stateOf(row) : null;
  }

  /** A job's state from its row, or this instance's live state while it runs the job here. */
  stateOf(row: ImportJobEntity): ImportJobState {
    const live = this.live.get(row.id);
    if (live) return { ...live };
    const lastSign = row.heartbeatAt ?? row.updatedAt;
    const silent =
      (row.status === 'QUEUED' || row.status === 'RUNNING') &&
      Date.parse(lastSign) < Date.now() - 3 * this.config.importHeartbeatMs;
    return {
      id: row.id,
      organisationId: row.organisationId,
      // Unfinished, not running here, and silent for three heartbeats: its instance stopped.
      status: silent ? 'FAILED' : row.status,
      progress: row.progress,
      phase: silent || row.status === 'FINISHED' || row.status === 'FAILED' ? 'done' : row.status.toLowerCase(),
      fileName: row.fileName,
      dryRun: row.dryRun,
      onExisting: row.onExisting,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      result: row.result ? (JSON.parse(row.result) as ImportResultData) : null,
      failure: silent
        ? `the instance running this import stopped before it finished (no sign of life since ${lastSign}); ` +
          'a file is written in one transaction, so nothing of it was stored: upload it again'
        : row.failure,
    };
  }
}

/** Checking is the first half of the work, writing the second. */
function fraction(p: ImportProgress): number {
  if (p.phase === 'checking') return 0.02 + 0.48 * (p.rows ? p.checked / p.rows : 1);
  const total = p.totalMeasurements || p.totalFollowUps;
  const done = p.totalMeasurements ? p.measurements : p.followUps;
  return 0.5 + 0.49 * (total ? done / total : 1);
}
