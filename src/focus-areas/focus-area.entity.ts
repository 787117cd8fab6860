import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { CostSplit, FocusAreaStatus } from '../vocabulary/vocabulary.js';

/** A focus area (fokusområde): the year's joint follow-up of one theme, from plan to public report. */
@Entity('focus_areas')
export class FocusAreaEntity extends BaseEntity {
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'varchar', length: 20 }) status: FocusAreaStatus;
  @Column({ type: 'varchar', length: 20 }) costSplit: CostSplit;
  /** The prioritisation weights the focus area sets (JSON, a subset of PrioritisationWeights); null: the defaults. */
  @Column({ type: 'text', nullable: true }) weights: string | null;
  /** The day every sample's results are due; after it an unfinished sample is OVERDUE. */
  @Column({ type: 'date', nullable: true }) resultsDueOn: string | null;
  /** The coordinator's organisation that created it. */
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
}

@Entity('focus_area_categories')
export class FocusAreaCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) focusAreaId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) categoryId: string;
}

/** A requirement of the library the focus area checks. */
@Entity('focus_area_requirements')
export class FocusAreaRequirementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) focusAreaId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) requirementId: string;
}

/** A substance the experts add beyond the requirements. */
@Entity('focus_area_substances')
export class FocusAreaSubstanceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) focusAreaId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) substanceId: string;
}

@Entity('focus_area_participants')
export class FocusAreaParticipantEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) focusAreaId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) organisationId: string;
  @Column({ type: 'varchar', length: 30 }) joinedAt: string;
}

/** A participant's contract submitted to the focus area, with the annual volume it buys where given. */
@Entity('focus_area_submissions')
export class FocusAreaSubmissionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) focusAreaId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) contractId: string;
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
  @Column({ type: 'integer', nullable: true }) annualVolume: number | null;
  @Column({ type: 'varchar', length: 30 }) submittedAt: string;
}

/**
 * A product in the sampling plan: what to analyse, where, at what estimated cost (öre), and the one
 * participant that buys it. `followUpId` (unique) is its PLANNED follow-up, made when it is assigned.
 */
@Entity('focus_area_samples')
export class FocusAreaSampleEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) focusAreaId: string;
  @Column({ type: 'varchar', length: 36 }) productId: string;
  /** The analyses, one per line. */
  @Column({ type: 'text' }) analyses: string;
  @Column({ type: 'varchar', length: 200 }) laboratory: string;
  /** öre. */
  @Column({ type: 'integer' }) estimatedCost: number;
  @Column({ type: 'varchar', length: 36, nullable: true }) purchasingOrganisationId: string | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) followUpId: string | null;
}
