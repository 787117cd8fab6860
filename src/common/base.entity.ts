import { BeforeInsert, BeforeUpdate, Column, PrimaryColumn } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { nowIso } from './time.js';

/**
 * Id and audit timestamps shared by every table. Ids are UUIDs made by the application (no
 * database extension needed on either engine); timestamps are ISO-8601 UTC text, which sorts
 * correctly and is never shifted by a driver's time zone.
 */
export abstract class BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;

  @BeforeInsert()
  protected beforeInsert(): void {
    this.id ??= randomUUID();
    this.createdAt ??= nowIso();
    this.updatedAt ??= this.createdAt;
  }

  @BeforeUpdate()
  protected beforeUpdate(): void {
    this.updatedAt = nowIso();
  }
}
