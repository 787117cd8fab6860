import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { str } from './columns.js';

/** An import job's sign of life: the instance running it writes the time every IMPORT_HEARTBEAT_MS. */
export class AddImportJobHeartbeat1764250000000 implements MigrationInterface {
  name = 'AddImportJobHeartbeat1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('import_jobs', new TableColumn(str('heartbeat_at', 30, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('import_jobs', 'heartbeat_at');
  }
}
