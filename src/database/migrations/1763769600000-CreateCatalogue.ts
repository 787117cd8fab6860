import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, fk, id, num, ref, str, text, timestamps } from './columns.js';

export class CreateCatalogue1763769600000 implements MigrationInterface {
  name = 'CreateCatalogue1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'organisations',
        columns: [
          id(),
          str('code', 64),
          str('name', 200),
          str('kind', 20),
          str('county_code', 2, true),
          str('organisation_number', 11, true),
          str('search_text', 400),
          ...timestamps(),
        ],
        uniques: [{ columnNames: ['code'] }, { columnNames: ['organisation_number'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'suppliers',
        columns: [
          id(),
          str('name', 200),
          str('country', 2),
          str('organisation_number', 11, true),
          str('search_text', 400),
          ...timestamps(),
        ],
        uniques: [{ columnNames: ['organisation_number'] }],
        indices: [{ columnNames: ['name'] }, { columnNames: ['country'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'product_categories',
        columns: [id(), str('code', 64), str('name', 200), ref('parent_id', true), ...timestamps()],
        uniques: [{ columnNames: ['code'] }],
        foreignKeys: [fk('parent_id', 'product_categories')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'products',
        columns: [
          id(),
          ref('supplier_id'),
          str('name', 300),
          str('article_number', 100, true),
          str('gtin', 14, true),
          ref('category_id', true),
          str('search_text', 500),
          ...timestamps(),
        ],
        uniques: [{ columnNames: ['gtin'] }],
        indices: [
          { columnNames: ['supplier_id', 'name'] },
          { columnNames: ['category_id'] },
          { columnNames: ['article_number'] },
          { columnNames: ['name'] },
        ],
        foreignKeys: [fk('supplier_id', 'suppliers'), fk('category_id', 'product_categories')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'substances',
        columns: [
          id(),
          str('name', 300),
          str('cas_number', 12),
          str('ec_number', 9, true),
          str('search_text', 400),
          ...timestamps(),
        ],
        uniques: [{ columnNames: ['cas_number'] }],
        indices: [{ columnNames: ['ec_number'] }, { columnNames: ['name'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'substance_groups',
        columns: [
          { ...ref('substance_id'), isPrimary: true },
          { ...str('group_code', 64), isPrimary: true },
        ],
        indices: [{ columnNames: ['group_code'] }],
        foreignKeys: [fk('substance_id', 'substances', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'substance_lists',
        columns: [
          { ...ref('substance_id'), isPrimary: true },
          { ...str('list_code', 64), isPrimary: true },
        ],
        indices: [{ columnNames: ['list_code'] }],
        foreignKeys: [fk('substance_id', 'substances', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'requirements',
        columns: [
          id(),
          str('code', 64),
          str('title', 300),
          text('text'),
          str('kind', 20),
          num('default_limit_value'),
          str('default_limit_unit', 20, true),
          str('basis', 30, true),
          str('aggregation', 10),
          str('legal_source', 300, true),
          text('search_text'),
          ...timestamps(),
        ],
        uniques: [{ columnNames: ['code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'requirement_substances',
        columns: [
          { ...ref('requirement_id'), isPrimary: true },
          { ...ref('substance_id'), isPrimary: true },
        ],
        indices: [{ columnNames: ['substance_id'] }],
        foreignKeys: [fk('requirement_id', 'requirements', 'CASCADE'), fk('substance_id', 'substances')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'requirement_categories',
        columns: [
          { ...ref('requirement_id'), isPrimary: true },
          { ...ref('category_id'), isPrimary: true },
        ],
        indices: [{ columnNames: ['category_id'] }],
        foreignKeys: [fk('requirement_id', 'requirements', 'CASCADE'), fk('category_id', 'product_categories')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contracts',
        columns: [
          id(),
          ref('organisation_id'),
          ref('supplier_id'),
          str('title', 300),
          str('reference', 100, true),
          date('valid_from'),
          date('valid_to'),
          ...timestamps(),
        ],
        indices: [{ columnNames: ['organisation_id'] }, { columnNames: ['supplier_id'] }],
        foreignKeys: [fk('organisation_id', 'organisations'), fk('supplier_id', 'suppliers')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contract_categories',
        columns: [
          { ...ref('contract_id'), isPrimary: true },
          { ...ref('category_id'), isPrimary: true },
        ],
        foreignKeys: [fk('contract_id', 'contracts', 'CASCADE'), fk('category_id', 'product_categories')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contract_requirements',
        columns: [
          { ...ref('contract_id'), isPrimary: true },
          { ...ref('requirement_id'), isPrimary: true },
          num('limit_value'),
          str('limit_unit', 20, true),
          ...timestamps(),
        ],
        indices: [{ columnNames: ['requirement_id'] }],
        foreignKeys: [fk('contract_id', 'contracts', 'CASCADE'), fk('requirement_id', 'requirements')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'contract_requirements',
      'contract_categories',
      'contracts',
      'requirement_categories',
      'requirement_substances',
      'requirements',
      'substance_lists',
      'substance_groups',
      'substances',
      'products',
      'product_categories',
      'suppliers',
      'organisations',
    ]) {
      await q.dropTable(table);
    }
  }
}
