import { type TableColumnOptions, type TableForeignKeyOptions } from 'typeorm';

/**
 * Column builders for hand-written migrations that run unchanged on SQLite and PostgreSQL:
 * only types both engines accept, ids as application-made UUID text, timestamps as ISO text.
 */
export const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
export const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
export const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
export const num = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'double precision',
  isNullable: nullable,
});
export const int = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});
export const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: false });
export const date = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable: nullable,
});
export const timestamp = (name: string, nullable = false): TableColumnOptions => str(name, 30, nullable);
export const timestamps = (): TableColumnOptions[] => [timestamp('created_at'), timestamp('updated_at')];

export const fk = (
  column: string,
  table: string,
  onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT',
): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});
