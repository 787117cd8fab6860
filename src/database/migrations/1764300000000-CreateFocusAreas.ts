import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, fk, id, int, ref, str, text, timestamp, timestamps } from './columns.js';

/**
 * Focus areas (issue 18): the yearly joint follow-up, its categories, requirements, extra substances,
 * participants, submitted contracts and sampling plan. Portable: the same statements on SQLite and
 * PostgreSQL. A sample is planned once per focus area (unique focus_area_id, product_id) and has at
 * most one follow-up (unique follow_up_id; NULLs, not yet assigned, do not collide on either engine).
 */
export class CreateFocusAreas1764300000000 implements MigrationInterface {
  name = 'CreateFocusAreas1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'focus_areas',
        columns: [
          id(),
          int('year'),
          str('title', 300),
          text('description', true),
          str('status', 20),
          str('cost_split', 20),
          text('weights', true),
          date('results_due_on'),
          ref('organisation_id'),
          ...timestamps(),
        ],
        indices: [{ columnNames: ['year'] }],
        foreignKeys: [fk('organisation_id', 'organisations')],
      }),
    );
    const link = (name: string, other: string, otherTable: string) =>
      new Table({
        name,
        columns: [
          { ...ref('focus_area_id'), isPrimary: true },
          { ...ref(other), isPrimary: true },
        ],
        indices: [{ columnNames: [other] }],
        foreignKeys: [fk('focus_area_id', 'focus_areas', 'CASCADE'), fk(other, otherTable)],
      });
    await q.createTable(link('focus_area_categories', 'category_id', 'product_categories'));
    await q.createTable(link('focus_area_requirements', 'requirement_id', 'requirements'));
    await q.createTable(link('focus_area_substances', 'substance_id', 'substances'));
    await q.createTable(
      new Table({
        name: 'focus_area_participants',
        columns: [
          { ...ref('focus_area_id'), isPrimary: true },
          { ...ref('organisation_id'), isPrimary: true },
          timestamp('joined_at'),
        ],
        indices: [{ columnNames: ['organisation_id'] }],
        foreignKeys: [fk('focus_area_id', 'focus_areas', 'CASCADE'), fk('organisation_id', 'organisations')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'focus_area_submissions',
        columns: [
          { ...ref('focus_area_id'), isPrimary: true },
          { ...ref('contract_id'), isPrimary: true },
          ref('organisation_id'),
          int('annual_volume', true),
          timestamp('submitted_at'),
        ],
        indices: [{ columnNames: ['contract_id'] }, { columnNames: ['focus_area_id', 'organisation_id'] }],
        foreignKeys: [
          fk('focus_area_id', 'focus_areas', 'CASCADE'),
          fk('contract_id', 'contracts'),
          fk('organisation_id', 'organisations'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'focus_area_samples',
        columns: [
          id(),
          ref('focus_area_id'),
          ref('product_id'),
          text('analyses'),
          str('laboratory', 200),
          int('estimated_cost'),
          ref('purchasing_organisation_id', true),
          ref('follow_up_id', true),
          ...timestamps(),
        ],
        indices: [
          { name: 'uq_focus_area_samples_product', columnNames: ['focus_area_id', 'product_id'], isUnique: true },
          { name: 'uq_focus_area_samples_follow_up', columnNames: ['follow_up_id'], isUnique: true },
          { columnNames: ['product_id'] },
        ],
        foreignKeys: [
          fk('focus_area_id', 'focus_areas', 'CASCADE'),
          fk('product_id', 'products'),
          fk('purchasing_organisation_id', 'organisations'),
          fk('follow_up_id', 'follow_ups'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'focus_area_samples',
      'focus_area_submissions',
      'focus_area_participants',
      'focus_area_substances',
      'focus_area_requirements',
      'focus_area_categories',
      'focus_areas',
    ])
      await q.dropTable(table);
  }
}
