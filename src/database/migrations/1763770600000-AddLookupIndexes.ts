import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes for the pre-audit lookup ("has anyone checked this product?") at scale: a product's
 * follow-ups in the list's default order (performed, newest first; never performed last; then id),
 * so a page is read off the index instead of sorting all of a popular product's follow-ups, and
 * with the visibility columns in it, so `totalCount` is counted from the index alone.
 *
 * The order is an expression (COALESCE), which TypeORM's Table API cannot express; the statement
 * is written once in SQL that SQLite and PostgreSQL both accept (the date literal becomes a date
 * on PostgreSQL), and the query in FollowUpQueriesService uses the same expression.
 */
export class AddLookupIndexes1763770600000 implements MigrationInterface {
  name = 'AddLookupIndexes1763770600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      "CREATE INDEX idx_follow_ups_product_lookup ON follow_ups (product_id, (COALESCE(performed_on, '0001-01-01')) DESC, id, visibility, organisation_id)",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX idx_follow_ups_product_lookup');
  }
}
