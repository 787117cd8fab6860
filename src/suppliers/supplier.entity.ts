import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

@Entity('suppliers')
export class SupplierEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 200 }) name: string;
  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 }) country: string;
  @Column({ type: 'varchar', length: 11, nullable: true, unique: true }) organisationNumber: string | null;
  /** Lower-cased name and number, for case-insensitive search on both engines (SQLite's LOWER is ASCII-only). */
  @Column({ type: 'varchar', length: 400, select: false }) searchText: string;
}
