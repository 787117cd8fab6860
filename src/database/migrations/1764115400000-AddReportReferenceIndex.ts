import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The import finds a file's follow-up by its organisation and report reference: an index for that lookup. */
export class AddReportReferenceIndex1764115400000 implements MigrationInterface {
  name = 'AddReportReferenceIndex1764115400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX idx_follow_ups_report_reference ON follow_ups (report_reference, organisation_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX idx_follow_ups_report_reference');
  }
}
