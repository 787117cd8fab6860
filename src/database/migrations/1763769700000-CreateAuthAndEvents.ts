import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { fk, id, ref, str, text, timestamp, timestamps } from './columns.js';

export class CreateAuthAndEvents1763769700000 implements MigrationInterface {
  name = 'CreateAuthAndEvents1763769700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'principals',
        columns: [
          id(),
          ref('organisation_id'),
          str('kind', 20),
          str('name', 200),
          str('email', 320, true),
          ...timestamps(),
        ],
        indices: [{ columnNames: ['organisation_id'] }],
        foreignKeys: [fk('organisation_id', 'organisations')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          id(),
          ref('principal_id'),
          str('token_hash', 64),
          str('prefix', 16),
          str('name', 200),
          str('role', 20),
          timestamp('expires_at', true),
          timestamp('revoked_at', true),
          ...timestamps(),
        ],
        uniques: [{ columnNames: ['token_hash'] }],
        indices: [{ columnNames: ['principal_id'] }],
        foreignKeys: [fk('principal_id', 'principals')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'events',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          str('type', 40),
          timestamp('occurred_at'),
          ref('actor_principal_id', true),
          ref('actor_organisation_id', true),
          str('subject_type', 40),
          ref('subject_id'),
          ref('follow_up_id', true),
          text('payload', true),
        ],
        indices: [
          { columnNames: ['follow_up_id', 'seq'] },
          { columnNames: ['subject_id'] },
          { columnNames: ['actor_organisation_id', 'seq'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('events');
    await q.dropTable('api_tokens');
    await q.dropTable('principals');
  }
}
