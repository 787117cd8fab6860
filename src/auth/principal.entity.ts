import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { PrincipalKind, Role } from '../vocabulary/vocabulary.js';

/** A person in an organisation, or another tool acting for it. Holds tokens. */
@Entity('principals')
export class PrincipalEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
  @Column({ type: 'varchar', length: 20 }) kind: PrincipalKind;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 320, nullable: true }) email: string | null;
  /** A member created at its first sign-in: its organisation's identity provider, and who it is there. */
  @Column({ type: 'varchar', length: 36, nullable: true }) identityProviderId?: string | null;
  @Column({ type: 'varchar', length: 320, nullable: true }) externalSubject?: string | null;
}

/** A bearer token. Only its SHA-256 hash is stored; the token itself is shown once. */
@Entity('api_tokens')
export class ApiTokenEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) principalId: string;
  @Column({ type: 'varchar', length: 64, unique: true }) tokenHash: string;
  /** The first characters of the token, so a user can tell tokens apart in a list. */
  @Column({ type: 'varchar', length: 16 }) prefix: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ type: 'varchar', length: 30, nullable: true }) expiresAt: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) revokedAt: string | null;
}
