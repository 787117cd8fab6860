import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { ImportJobStatus, OnExisting } from '../vocabulary/vocabulary.js';

/** An upload imported in the background (POST /imports); see the migration CreateImportJobs. */
@Entity('import_jobs')
export class ImportJobEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) principalId: string | null;
  @Column({ type: 'varchar', length: 20 }) status: ImportJobStatus;
  /** 0–1. */
  @Column({ type: 'double precision' }) progress: number;
  @Column({ type: 'varchar', length: 300, nullable: true }) fileName: string | null;
  @Column({ type: 'boolean' }) dryRun: boolean;
  @Column({ type: 'varchar', length: 10 }) onExisting: OnExisting;
  /** The import's answer (ImportResult) as JSON, once it has finished. */
  @Column({ type: 'text', nullable: true }) result: string | null;
  /** Why it failed, when it did not finish (not the file's row errors: those are in `result`). */
  @Column({ type: 'text', nullable: true }) failure: string | null;
  /** The last sign of life of the instance running it (every IMPORT_HEARTBEAT_MS while unfinished). */
  @Column({ type: 'varchar', length: 30, nullable: true }) heartbeatAt: string | null;
}
