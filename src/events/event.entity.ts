import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EventSubjectType, EventType } from '../vocabulary/vocabulary.js';

/**
 * One fact in the append-only log: who (principal, organisation) did what (type) to which subject,
 * when. The increasing `seq` orders events in commit order and serves as the resumable cursor.
 */
@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('increment') seq: number;
  @Column({ type: 'varchar', length: 40 }) type: EventType;
  @Column({ type: 'varchar', length: 30 }) occurredAt: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) actorPrincipalId: string | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) actorOrganisationId: string | null;
  @Column({ type: 'varchar', length: 40 }) subjectType: EventSubjectType;
  @Column({ type: 'varchar', length: 36 }) subjectId: string;
  /** The follow-up the event concerns, when it concerns one: what `followUp.history` reads. */
  @Column({ type: 'varchar', length: 36, nullable: true }) followUpId: string | null;
  /** A JSON summary of the change (changed field names and new values; never confidential text). */
  @Column({ type: 'text', nullable: true }) payload: string | null;
}
