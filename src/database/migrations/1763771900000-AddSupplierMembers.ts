import { type MigrationInterface, type QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { fk, ref } from './columns.js';

/**
 * Supplier members (issue 19): a supplier's own organisation (kind SUPPLIER) names the supplier
 * it is, so a member's token resolves to that supplier (see TokenService and follow-up-access.ts).
 * One organisation per supplier: the index is unique.
 */
export class AddSupplierMembers1763771900000 implements MigrationInterface {
  name = 'AddSupplierMembers1763771900000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('organisations', new TableColumn(ref('supplier_id', true)));
    await q.createIndex(
      'organisations',
      new TableIndex({ name: 'idx_organisations_supplier', columnNames: ['supplier_id'], isUnique: true }),
    );
    await q.createForeignKey('organisations', new TableForeignKey(fk('supplier_id', 'suppliers')));
  }

  async down(q: QueryRunner): Promise<void> {
    const table = await q.getTable('organisations');
    const key = table?.foreignKeys.find((k) => k.columnNames.includes('supplier_id'));
    if (key) await q.dropForeignKey('organisations', key);
    await q.dropIndex('organisations', 'idx_organisations_supplier');
    await q.dropColumn('organisations', 'supplier_id');
  }
}
