import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { fk, id, ref, str, text, timestamp, timestamps } from './columns.js';

/**
 * Sign-in through an organisation's identity provider (issue 15): the providers, with their client
 * secrets encrypted, and the people's sessions. Portable: the same statements on SQLite and PostgreSQL.
 * Principals gain the identity provider's subject they were created for (just in time).
 */
export class AddSignIn1764310000000 implements MigrationInterface {
  name = 'AddSignIn1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'identity_providers',
        columns: [
          id(),
          { ...ref('organisation_id'), isUnique: true },
          str('issuer', 500),
          str('client_id', 200),
          text('client_secret_encrypted'),
          str('scopes', 500),
          str('subject_claim', 20),
          str('role_claim', 100),
          text('role_mappings'),
          ...timestamps(),
        ],
        foreignKeys: [fk('organisation_id', 'organisations')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id(),
          { ...str('id_hash', 64), isUnique: true },
          ref('principal_id'),
          ref('organisation_id'),
          ref('identity_provider_id'),
          str('role', 20),
          text('id_token_encrypted', true),
          timestamp('last_seen_at'),
          timestamp('expires_at'),
          timestamp('ended_at', true),
          str('end_reason', 20, true),
          ...timestamps(),
        ],
        indices: [{ columnNames: ['organisation_id', 'ended_at'] }, { columnNames: ['principal_id'] }],
        foreignKeys: [fk('principal_id', 'principals'), fk('organisation_id', 'organisations')],
      }),
    );
    // Who a just-in-time member is at its provider: (provider, subject) finds it again at the next sign-in.
    await q.query('ALTER TABLE principals ADD COLUMN identity_provider_id varchar(36) NULL');
    await q.query('ALTER TABLE principals ADD COLUMN external_subject varchar(320) NULL');
    await q.query(
      'CREATE UNIQUE INDEX idx_principals_external_subject ON principals (identity_provider_id, external_subject)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX idx_principals_external_subject');
    await q.query('ALTER TABLE principals DROP COLUMN external_subject');
    await q.query('ALTER TABLE principals DROP COLUMN identity_provider_id');
    await q.dropTable('sessions');
    await q.dropTable('identity_providers');
  }
}
