import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { Unit } from '../vocabulary/vocabulary.js';

@Entity('contracts')
export class ContractEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
  @Column({ type: 'varchar', length: 36 }) supplierId: string;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) reference: string | null;
  @Column({ type: 'date', nullable: true }) validFrom: string | null;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  /** The organisation that created it on `organisationId`'s behalf, under a delegation; null: the organisation itself. */
  @Column({ type: 'varchar', length: 36, nullable: true }) recordedByOrganisationId: string | null;
}

@Entity('contract_categories')
export class ContractCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) contractId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) categoryId: string;
}

/** A library requirement as written into one contract, with this contract's own limit if it sets one. */
@Entity('contract_requirements')
export class ContractRequirementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) contractId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) requirementId: string;
  @Column({ type: 'double precision', nullable: true }) limitValue: number | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) limitUnit: Unit | null;
  @Column({ type: 'varchar', length: 30 }) createdAt: string;
  @Column({ type: 'varchar', length: 30 }) updatedAt: string;
}
