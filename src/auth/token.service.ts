import { Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/time.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { EventFeedService } from '../events/event-feed.service.js';
import { DEMO_TOKENS } from '../seeding/demo-tokens.js';
import { ApiTokenEntity } from './principal.entity.js';
import type { AuthState } from './principal.js';
import type { Role } from './role.js';
import { TokenCache, type TokenRow } from './token-cache.js';

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

/** Issues and resolves bearer tokens (TokenAdminService revokes them). */
@Injectable()
export class TokenService implements OnModuleDestroy {
  /** Recent valid tokens (TOKEN_CACHE_MS), emptied on every instance by a revocation: see TokenCache. */
  private readonly cache: TokenCache | null;

  constructor(
    private readonly reader: SqlReader,
    /** Optional so that a test may build the service on a bare reader (then: not production, no cache). */
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
    @Optional() feed?: EventFeedService,
  ) {
    this.cache = feed && config && config.tokenCacheMs > 0 ? new TokenCache(reader, feed, config.tokenCacheMs) : null;
  }

  /** Forgets every cached token check (on this instance; the others hear of the event). After a revocation commits. */
  forgetCachedTokens(): void {
    this.cache?.clear();
  }

  onModuleDestroy(): void {
    this.cache?.stop();
  }

  /** Resolves an `Authorization` header value. No header: anonymous. A bad token is refused, not ignored. */
  async authenticate(header: string | undefined | null): Promise<AuthState> {
    if (!header) return { principal: null, error: null };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return { principal: null, error: 'Authorization must be "Bearer <token>"' };
    const hash = hashToken(match[1]!);
    // A database once seeded with demo data must not open production to the README's tokens.
    if (this.config?.production && DEMO_TOKEN_HASHES.has(hash))
      return { principal: null, error: 'demo tokens are not accepted in production' };
    const row = this.cache?.get(hash) ?? (await this.read(hash));
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
        supplierId: row.supplier_id ?? null,
      },
      error: null,
    };
  }

  /** The token's row from the database (one prepared statement, SqlReader), kept in the cache when valid. */
  private async read(hash: string): Promise<TokenRow | undefined> {
    await this.cache?.ready();
    const generation = this.cache?.current ?? 0;
    const row = await this.reader.one<TokenRow>(
      'SELECT t.id AS token_id, t.role AS role, t.expires_at AS expires_at, t.revoked_at AS revoked_at, p.id AS principal_id, p.organisation_id AS organisation_id, p.name AS name, o.supplier_id AS supplier_id FROM api_tokens t JOIN principals p ON p.id = t.principal_id JOIN organisations o ON o.id = p.organisation_id WHERE t.token_hash = ?',
      [hash],
    );
    if (row && !row.revoked_at) this.cache?.set(hash, row, generation);
    return row;
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
