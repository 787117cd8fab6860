import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { FollowUpStatus, Method, Visibility } from '../vocabulary/vocabulary.js';

@Entity('follow_ups')
export class FollowUpEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) productId: string | null;
  /** Always set: the product's supplier, or the audited supplier. */
  @Column({ type: 'varchar', length: 36 }) supplierId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) contractId: string | null;
  @Column({ type: 'varchar', length: 30 }) method: Method;
  @Column({ type: 'date', nullable: true }) performedOn: string | null;
  @Column({ type: 'varchar', length: 20 }) status: FollowUpStatus;
  @Column({ type: 'varchar', length: 10 }) visibility: Visibility;
  @Column({ type: 'varchar', length: 200, nullable: true }) laboratory: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) reportReference: string | null;
  @Column({ type: 'date', nullable: true }) validUntil: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  /** Readable only by the recording organisation (OSL 31 kap. 16 §). */
  @Column({ type: 'text', nullable: true }) confidentialNotes: string | null;
  @Column({ type: 'text', nullable: true }) retractedReason: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) retractedAt: string | null;
  /** The status before retraction, for the record. */
  @Column({ type: 'varchar', length: 20, nullable: true }) statusBeforeRetraction: FollowUpStatus | null;
  /** Optimistic concurrency: every change increments it; updates name the version they read. */
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'varchar', length: 36, nullable: true }) createdByPrincipalId: string | null;
  /** The organisation that recorded it on `organisationId`'s behalf, under a delegation; null: the organisation itself. */
  @Column({ type: 'varchar', length: 36, nullable: true }) recordedByOrganisationId: string | null;
  /** Its identity in imported files (src/import/follow-up-identity.ts), unique; null unless an import wrote it. */
  @Column({ type: 'varchar', length: 64, nullable: true }) importIdentity: string | null;
  /**
   * Set by the recording organisation: the supplier must consent (releaseReport) before other
   * organisations read the report's details (report reference, laboratory). Verdicts and values stay shared.
   */
  @Column({ type: 'boolean', default: false }) requiresSupplierRelease: boolean;
  /** When the supplier released the report. */
  @Column({ type: 'varchar', length: 30, nullable: true }) reportReleasedAt: string | null;
}

/** A supplier's reply beside a follow-up's result (commentOnFollowUp), visible to whoever sees the follow-up. */
@Entity('follow_up_comments')
export class FollowUpCommentEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) followUpId: string;
  @Column({ type: 'varchar', length: 36 }) supplierId: string;
  @Column({ type: 'varchar', length: 36 }) principalId: string;
  @Column({ type: 'text' }) text: string;
}

@Entity('follow_up_requirements')
export class FollowUpRequirementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) followUpId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) requirementId: string;
}
