import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A follow-up's identity in imported files (src/import/follow-up-identity.ts): a SHA-256 of its
 * organisation and report reference, or, without a reference, of its organisation, product (or
 * supplier), method, date performed and measurements. Set by the import on what it creates or
 * updates; null for follow-ups recorded otherwise. The unique index is what makes imports
 * idempotent under concurrency: of two imports of the same file racing past their lookups, the
 * second one's insert fails, and it classifies its file again (then everything is UNCHANGED).
 * Content is indexed through a hash because a follow-up's measurements are rows of another table:
 * no index over follow_ups could see them. NULLs are distinct on both engines, so follow-ups
 * without an identity never collide. Plain SQL that SQLite and PostgreSQL both accept.
 */
export class AddImportIdentity1764115200000 implements MigrationInterface {
  name = 'AddImportIdentity1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE follow_ups ADD COLUMN import_identity varchar(64)');
    await q.query('CREATE UNIQUE INDEX uq_follow_ups_import_identity ON follow_ups (import_identity)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX uq_follow_ups_import_identity');
    await q.query('ALTER TABLE follow_ups DROP COLUMN import_identity');
  }
}
