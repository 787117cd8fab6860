import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Unit } from '../vocabulary/vocabulary.js';

@Entity('measurements')
export class MeasurementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) followUpId: string;
  @Column({ type: 'varchar', length: 36 }) substanceId: string;
  /** The part or material as written, e.g. "PVC surface". */
  @Column({ type: 'varchar', length: 200 }) part: string;
  /** Trimmed and lower-cased: parts match by this key. */
  @Column({ type: 'varchar', length: 200 }) partKey: string;
  @Column({ type: 'boolean' }) detected: boolean;
  @Column({ type: 'double precision', nullable: true }) value: number | null;
  @Column({ type: 'double precision', nullable: true }) loq: number | null;
  @Column({ type: 'varchar', length: 20 }) unit: Unit;
  @Column({ type: 'double precision', nullable: true }) uncertainty: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) analyticalMethod: string | null;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'varchar', length: 30 }) createdAt: string;
}
