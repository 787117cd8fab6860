import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { ActionPlanStatus, DeviationStatus, Severity } from '../vocabulary/vocabulary.js';

@Entity('deviations')
export class DeviationEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) followUpId: string;
  /** The organisation that opened it: the follow-up's own, or one that relied on the follow-up. */
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
  @Column({ type: 'varchar', length: 36 }) supplierId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) requirementId: string | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) contractId: string | null;
  @Column({ type: 'varchar', length: 20 }) severity: Severity;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', nullable: true }) actionPlan: string | null;
  @Column({ type: 'date', nullable: true }) dueDate: string | null;
  @Column({ type: 'varchar', length: 30 }) status: DeviationStatus;
  @Column({ type: 'varchar', length: 30, nullable: true }) resolvedAt: string | null;
  @Column({ type: 'text', nullable: true }) resolution: string | null;
  /** The supplier's answer (respondToDeviation): null until it answers. `actionPlan` holds its text. */
  @Column({ type: 'varchar', length: 20, nullable: true }) actionPlanStatus: ActionPlanStatus | null;
  /** The date the supplier's plan promises; once ACCEPTED, the deviation is due by it. */
  @Column({ type: 'date', nullable: true }) actionPlanDueDate: string | null;
  /** Why the opening organisation rejected the plan. */
  @Column({ type: 'text', nullable: true }) actionPlanRejection: string | null;
}
