import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { Role } from '../auth/role.js';
import type { SessionEndReason, SignInRole, SubjectClaim } from '../vocabulary/vocabulary.js';

/** One claim value (a group id, a role name) and the role it gives. */
export interface RoleMapping {
  claimValue: string;
  role: SignInRole;
}

/**
 * An organisation's OpenID Connect identity provider (at most one per organisation). The client
 * secret is stored only encrypted (secret-box.ts), and is never returned by the API.
 */
@Entity('identity_providers')
export class IdentityProviderEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36, unique: true }) organisationId: string;
  @Column({ type: 'varchar', length: 500 }) issuer: string;
  @Column({ type: 'varchar', length: 200 }) clientId: string;
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url, AES-256-GCM with IDP_SECRET_KEY. */
  @Column({ type: 'text' }) clientSecretEncrypted: string;
  /** Space-separated, always with `openid`. */
  @Column({ type: 'varchar', length: 500 }) scopes: string;
  @Column({ type: 'varchar', length: 20 }) subjectClaim: SubjectClaim;
  /** The claim holding the group ids or role names (a string or an array of strings), e.g. `groups` or `roles`. */
  @Column({ type: 'varchar', length: 100 }) roleClaim: string;
  /** JSON: RoleMapping[]. */
  @Column({ type: 'text' }) roleMappings: string;
}

/**
 * A signed-in person's session. The browser holds an opaque random id in a cookie; the row keeps
 * only its SHA-256 hash, so a copy of the database opens no session.
 */
@Entity('sessions')
export class SessionEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 64, unique: true }) idHash: string;
  @Column({ type: 'varchar', length: 36 }) principalId: string;
  @Column({ type: 'varchar', length: 36 }) organisationId: string;
  @Column({ type: 'varchar', length: 36 }) identityProviderId: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  /** The ID token, encrypted like the client secret: the hint for RP-initiated logout. */
  @Column({ type: 'text', nullable: true }) idTokenEncrypted: string | null;
  @Column({ type: 'varchar', length: 30 }) lastSeenAt: string;
  /** The absolute end: sign-in time + SESSION_ABSOLUTE_HOURS. */
  @Column({ type: 'varchar', length: 30 }) expiresAt: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) endedAt: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) endReason: SessionEndReason | null;
}
