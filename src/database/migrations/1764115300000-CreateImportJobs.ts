import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, fk, id, num, ref, str, text, timestamps } from './columns.js';

/**
 * Import jobs (POST /imports of a large file, `importJob(id)`): one row per upload run in the
 * background, so any instance can answer where it stands once it is done, and a restart does not
 * leave a client asking about a job nobody knows. Progress while it runs lives in the instance that
 * runs it (and is published to `importProgress`); the row is written at the start and the end.
 */
export class CreateImportJobs1764115300000 implements MigrationInterface {
  name = 'CreateImportJobs1764115300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'import_jobs',
        columns: [
          id(),
          ref('organisation_id'),
          ref('principal_id', true),
          str('status', 20),
          num('progress', false),
          str('file_name', 300, true),
          bool('dry_run'),
          str('on_existing', 10),
          text('result', true),
          text('failure', true),
          ...timestamps(),
        ],
        indices: [{ columnNames: ['organisation_id', 'created_at'] }],
        foreignKeys: [fk('organisation_id', 'organisations')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('import_jobs');
  }
}
