import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { fk, id, ref, text, timestamps } from './columns.js';

/**
 * Supplier answers (issue 19, item 2): a supplier's action plan on a deviation and the region's
 * decision on it, comments beside a follow-up, and the supplier's release of a full report.
 */
export class AddSupplierAnswers1763772000000 implements MigrationInterface {
  name = 'AddSupplierAnswers1763772000000';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE … ADD COLUMN, which both engines take as is: TypeORM's SQLite addColumn
    // rebuilds the table and loses follow_ups' expression index (idx_follow_ups_product_lookup).
    for (const column of [
      'deviations ADD COLUMN action_plan_status varchar(20)',
      'deviations ADD COLUMN action_plan_due_date date',
      'deviations ADD COLUMN action_plan_rejection text',
      'follow_ups ADD COLUMN requires_supplier_release boolean NOT NULL DEFAULT FALSE',
      'follow_ups ADD COLUMN report_released_at varchar(30)',
    ])
      await q.query(`ALTER TABLE ${column}`);
    await q.createTable(
      new Table({
        name: 'follow_up_comments',
        columns: [id(), ref('follow_up_id'), ref('supplier_id'), ref('principal_id'), text('text'), ...timestamps()],
        indices: [{ columnNames: ['follow_up_id', 'created_at'] }],
        foreignKeys: [
          fk('follow_up_id', 'follow_ups'),
          fk('supplier_id', 'suppliers'),
          fk('principal_id', 'principals'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('follow_up_comments');
    for (const column of [
      'follow_ups DROP COLUMN report_released_at',
      'follow_ups DROP COLUMN requires_supplier_release',
      'deviations DROP COLUMN action_plan_rejection',
      'deviations DROP COLUMN action_plan_due_date',
      'deviations DROP COLUMN action_plan_status',
    ])
      await q.query(`ALTER TABLE ${column}`);
  }
}
