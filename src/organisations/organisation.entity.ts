import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { OrganisationKind } from '../vocabulary/vocabulary.js';

@Entity('organisations')
export class OrganisationEntity extends BaseEntity {
  /** Short stable handle, e.g. `region-skane`, used by the CLI and seeds. */
  @Column({ type: 'varchar', length: 64, unique: true }) code: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) kind: OrganisationKind;
  /** Two-digit länskod, for regions. */
  @Column({ type: 'varchar', length: 2, nullable: true }) countyCode: string | null;
  @Column({ type: 'varchar', length: 11, nullable: true, unique: true }) organisationNumber: string | null;
  /** For an organisation of kind SUPPLIER: the supplier it is (its members have the role SUPPLIER). */
  @Column({ type: 'varchar', length: 36, nullable: true }) supplierId: string | null;
  /** Lower-cased in JavaScript: SQLite's LOWER folds only A–Z, so "Örebro" would not match "örebro". */
  @Column({ type: 'varchar', length: 400, select: false }) searchText: string;
}
