import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/time.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { DEMO_TOKENS } from '../seeding/demo-tokens.js';
import { ApiTokenEntity } from './principal.entity.js';
import type { AuthState } from './principal.js';
import { Role } from './role.js';

export const TOKEN_PREFIX = 'kk_';

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** 256 random bits, base64url: shown once, stored only as a SHA-256 hash. */
export const generateToken = (): string => TOKEN_PREFIX + randomBytes(32).toString('base64url');

/** The hashes of the published demo tokens (README): refused in production, wherever they came from. */
const DEMO_TOKEN_HASHES = new Set(DEMO_TOKENS.map((t) => hashToken(t.token)));

export interface IssuedToken {
  token: string;
  entity: ApiTokenEntity;
}

/** Issues, resolves and revokes bearer tokens. */
@Injectable()
export class TokenService {
  constructor(
    private readonly reader: SqlReader,
    /** Optional so that a test may build the service on a bare reader (then: not production). */
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  /** Resolves an `Authorization` header value. No header: anonymous. A bad token is refused, not ignored. */
  async authenticate(header: string | undefined | null): Promise<AuthState> {
    if (!header) return { principal: null, error: null };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return { principal: null, error: 'Authorization must be "Bearer <token>"' };
    const token = match[1]!;
    // A database once seeded with demo data must not open production to the README's tokens.
    if (this.config?.production && DEMO_TOKEN_HASHES.has(hashToken(token)))
      return { principal: null, error: 'demo tokens are not accepted in production' };
    // Every request passes here: one prepared statement (SqlReader), no query builder.
    const row = await this.reader.one<{
      token_id: string;
      role: Role;
      expires_at: string | null;
      revoked_at: string | null;
      principal_id: string;
      organisation_id: string;
      name: string;
    }>(
      'SELECT t.id AS token_id, t.role AS role, t.expires_at AS expires_at, t.revoked_at AS revoked_at, p.id AS principal_id, p.organisation_id AS organisation_id, p.name AS name FROM api_tokens t JOIN principals p ON p.id = t.principal_id WHERE t.token_hash = ?',
      [hashToken(token)],
    );
    if (!row) return { principal: null, error: 'the token is not valid' };
    if (row.revoked_at) return { principal: null, error: 'the token has been revoked' };
    if (row.expires_at && row.expires_at <= nowIso())
      return { principal: null, error: `the token expired at ${row.expires_at}` };
    return {
      principal: {
        principalId: row.principal_id,
        organisationId: row.organisation_id,
        role: row.role,
        tokenId: row.token_id,
        name: row.name,
      },
      error: null,
    };
  }

  /** Issues a token for a principal; `token` is the only time the secret exists outside the caller. */
  async issue(
    manager: EntityManager,
    input: { principalId: string; role: Role; name: string; expiresAt?: string | null; token?: string },
  ): Promise<IssuedToken> {
    const token = input.token ?? generateToken();
    const entity = manager.create(ApiTokenEntity, {
      principalId: input.principalId,
      role: input.role,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      expiresAt: input.expiresAt ?? null,
      revokedAt: null,
    });
    await manager.insert(ApiTokenEntity, entity);
    return { token, entity };
  }
}
