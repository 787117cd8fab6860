import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { Aggregation, LimitBasis, RequirementKind, Unit } from '../vocabulary/vocabulary.js';

@Entity('requirements')
export class RequirementEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 64, unique: true }) code: string;
  /** The Swedish title (name, nameSv). */
  @Column({ type: 'varchar', length: 300 }) title: string;
  /** The English name, e.g. Ortho-phthalates DEHP, DBP, BBP and DIBP. */
  @Column({ type: 'varchar', length: 300, nullable: true }) nameEn: string | null;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'varchar', length: 20 }) kind: RequirementKind;
  @Column({ type: 'double precision', nullable: true }) defaultLimitValue: number | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) defaultLimitUnit: Unit | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) basis: LimitBasis | null;
  @Column({ type: 'varchar', length: 10 }) aggregation: Aggregation;
  @Column({ type: 'varchar', length: 300, nullable: true }) legalSource: string | null;
  @Column({ type: 'text', select: false }) searchText: string;
}

@Entity('requirement_substances')
export class RequirementSubstanceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) requirementId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) substanceId: string;
}

@Entity('requirement_categories')
export class RequirementCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) requirementId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) categoryId: string;
}
