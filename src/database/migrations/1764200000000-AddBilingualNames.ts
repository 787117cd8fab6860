import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { str } from './columns.js';

/**
 * Substances and requirements in Swedish and English: a substance's `name` is its English name and
 * gains `name_sv`; a requirement's `title` is Swedish and gains `name_en`. Nullable, as a record
 * created before has only the one; the reference data's names are filled in by the seed
 * (`npm run seed` fills a missing name of a reference row, and its search text with it).
 */
export class AddBilingualNames1764200000000 implements MigrationInterface {
  name = 'AddBilingualNames1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('substances', new TableColumn(str('name_sv', 300, true)));
    await q.addColumn('requirements', new TableColumn(str('name_en', 300, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('requirements', 'name_en');
    await q.dropColumn('substances', 'name_sv');
  }
}
