import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, date, fk, id, int, num, ref, str, text, timestamp, timestamps } from './columns.js';

export class CreateFollowUps1763769800000 implements MigrationInterface {
  name = 'CreateFollowUps1763769800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'follow_ups',
        columns: [
          id(),
          ref('organisation_id'),
          ref('product_id', true),
          ref('supplier_id'),
          ref('contract_id', true),
          str('method', 30),
          date('performed_on'),
          str('status', 20),
          str('visibility', 10),
          str('laboratory', 200, true),
          str('report_reference', 100, true),
          date('valid_until'),
          text('notes', true),
          text('confidential_notes', true),
          text('retracted_reason', true),
          timestamp('retracted_at', true),
          str('status_before_retraction', 20, true),
          int('version'),
          ref('created_by_principal_id', true),
          ...timestamps(),
        ],
        indices: [
          { columnNames: ['product_id', 'performed_on'] },
          { columnNames: ['supplier_id', 'performed_on'] },
          { columnNames: ['organisation_id', 'performed_on'] },
          { columnNames: ['status'] },
          { columnNames: ['performed_on'] },
        ],
        foreignKeys: [
          fk('organisation_id', 'organisations'),
          fk('product_id', 'products'),
          fk('supplier_id', 'suppliers'),
          fk('contract_id', 'contracts'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'follow_up_requirements',
        columns: [
          { ...ref('follow_up_id'), isPrimary: true },
          { ...ref('requirement_id'), isPrimary: true },
        ],
        indices: [{ columnNames: ['requirement_id'] }],
        foreignKeys: [fk('follow_up_id', 'follow_ups', 'CASCADE'), fk('requirement_id', 'requirements')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'measurements',
        columns: [
          id(),
          ref('follow_up_id'),
          ref('substance_id'),
          str('part', 200),
          str('part_key', 200),
          bool('detected'),
          num('value'),
          num('loq'),
          str('unit', 20),
          num('uncertainty'),
          str('analytical_method', 200, true),
          int('position'),
          timestamp('created_at'),
        ],
        indices: [{ columnNames: ['follow_up_id', 'position'] }, { columnNames: ['substance_id'] }],
        foreignKeys: [fk('follow_up_id', 'follow_ups', 'CASCADE'), fk('substance_id', 'substances')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'deviations',
        columns: [
          id(),
          ref('follow_up_id'),
          ref('organisation_id'),
          ref('supplier_id'),
          ref('requirement_id', true),
          ref('contract_id', true),
          str('severity', 20),
          text('description'),
          text('action_plan', true),
          date('due_date'),
          str('status', 30),
          timestamp('resolved_at', true),
          text('resolution', true),
          ...timestamps(),
        ],
        indices: [{ columnNames: ['follow_up_id'] }, { columnNames: ['supplier_id', 'status'] }],
        foreignKeys: [
          fk('follow_up_id', 'follow_ups'),
          fk('organisation_id', 'organisations'),
          fk('supplier_id', 'suppliers'),
          fk('requirement_id', 'requirements'),
          fk('contract_id', 'contracts'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reuses',
        columns: [
          id(),
          ref('follow_up_id'),
          ref('contract_id'),
          ref('organisation_id'),
          ref('principal_id', true),
          ...timestamps(),
        ],
        uniques: [{ columnNames: ['follow_up_id', 'contract_id'] }],
        indices: [{ columnNames: ['contract_id'] }, { columnNames: ['organisation_id'] }],
        foreignKeys: [
          fk('follow_up_id', 'follow_ups'),
          fk('contract_id', 'contracts'),
          fk('organisation_id', 'organisations'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['reuses', 'deviations', 'measurements', 'follow_up_requirements', 'follow_ups'])
      await q.dropTable(t);
  }
}
