import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

/**
 * An organisation's leave for another to act for it (a region for Adda, a central purchasing body):
 * in the listed scopes, up to and including `expiresOn`, until revoked. Never deleted: a revoked
 * one keeps when and by whom.
 */
@Entity('delegations')
export class DelegationEntity extends BaseEntity {
  /** The organisation that grants: whose contracts and follow-ups the delegate may write. */
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
  /** The organisation that may act for it. */
  @Column({ type: 'varchar', length: 36 }) delegateOrganisationId: string;
  /** The scopes, comma-separated in DELEGATION_SCOPES order (CONTRACTS,FOLLOW_UPS,IMPORTS). */
  @Column({ type: 'varchar', length: 100 }) scopes: string;
  /** The last day it holds (inclusive, UTC). */
  @Column({ type: 'date' }) expiresOn: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) revokedAt: string | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) grantedByPrincipalId: string | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) revokedByPrincipalId: string | null;
}
