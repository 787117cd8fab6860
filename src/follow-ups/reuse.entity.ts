import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

/** An organisation relied on another's follow-up for one of its contracts. */
@Entity('reuses')
export class ReuseEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) followUpId: string;
  @Column({ type: 'varchar', length: 36 }) contractId: string;
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) principalId: string | null;
}
