import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, fk, id, ref, str, timestamp, timestamps } from './columns.js';

/**
 * Delegations (issue 12): an organisation lets another act for it in some scopes until a day; and
 * who recorded a follow-up or created a contract on the organisation's behalf
 * (`recorded_by_organisation_id`, null when the organisation did it itself). Portable: the same
 * statements on SQLite and PostgreSQL.
 */
export class AddDelegations1764100000000 implements MigrationInterface {
  name = 'AddDelegations1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'delegations',
        columns: [
          id(),
          ref('organisation_id'),
          ref('delegate_organisation_id'),
          str('scopes', 100),
          date('expires_on', false),
          timestamp('revoked_at', true),
          ref('granted_by_principal_id', true),
          ref('revoked_by_principal_id', true),
          ...timestamps(),
        ],
        indices: [
          { columnNames: ['delegate_organisation_id', 'organisation_id'] },
          { columnNames: ['organisation_id'] },
        ],
        foreignKeys: [fk('organisation_id', 'organisations'), fk('delegate_organisation_id', 'organisations')],
      }),
    );
    // Plain ALTER TABLE, which both engines run in place: TypeORM's addColumn rebuilds a SQLite
    // table, and would lose the expression index of follow_ups (AddLookupIndexes).
    for (const table of ['follow_ups', 'contracts']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN recorded_by_organisation_id varchar(36) NULL`);
      await q.query(`CREATE INDEX idx_${table}_recorded_by ON ${table} (recorded_by_organisation_id)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['follow_ups', 'contracts']) {
      await q.query(`DROP INDEX idx_${table}_recorded_by`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN recorded_by_organisation_id`);
    }
    await q.dropTable('delegations');
  }
}
