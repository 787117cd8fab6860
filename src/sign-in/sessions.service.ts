import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import { assertManages } from '../auth/ownership.js';
import type { AuthState, Principal } from '../auth/principal.js';
import type { Role } from '../auth/role.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { nowIso } from '../common/time.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { TransactionService, type UnitOfWork } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import type { SessionEndReason } from '../vocabulary/vocabulary.js';
import { SessionEntity } from './sign-in.entities.js';

/** The session cookie: an opaque random id (256 bits); the database keeps its SHA-256 hash only. */
export const SESSION_COOKIE = 'kk_session';

const hashOf = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');

interface SessionRow {
  id: string;
  principal_id: string;
  organisation_id: string;
  role: Role;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
  name: string;
  supplier_id: string | null;
}

/**
 * Server-side sessions of people who signed in through their organisation's identity provider:
 * opened at sign-in, resolved to the same Principal a bearer token gives (so `@Allow`, the guard
 * and every visibility rule apply unchanged), ended by sign-out, by an ADMIN, or by idle and
 * absolute expiry (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS). Every end is in the audit log.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reader: SqlReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
  ) {}

  /** Opens a session inside the sign-in's transaction; returns the cookie's value (shown to the browser only). */
  async open(
    uow: UnitOfWork,
    input: {
      principalId: string;
      organisationId: string;
      identityProviderId: string;
      role: Role;
      idTokenEncrypted: string | null;
    },
  ): Promise<{ cookie: string; session: SessionEntity }> {
    const cookie = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = uow.manager.create(SessionEntity, {
      ...input,
      idHash: hashOf(cookie),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.config.signIn.sessionAbsoluteSeconds * 1000).toISOString(),
      endedAt: null,
      endReason: null,
    });
    await uow.manager.insert(SessionEntity, session);
    return { cookie, session };
  }

  /**
   * The principal of a session cookie. An unknown (tampered) id, an ended session, or one past its
   * idle or absolute expiry is refused with a reason; an expired one is ended (and logged) here.
   */
  async authenticate(cookie: string): Promise<AuthState> {
    const row = await this.reader.one<SessionRow>(
      'SELECT s.id AS id, s.principal_id AS principal_id, s.organisation_id AS organisation_id, s.role AS role, s.last_seen_at AS last_seen_at, s.expires_at AS expires_at, s.ended_at AS ended_at, p.name AS name, o.supplier_id AS supplier_id FROM sessions s JOIN principals p ON p.id = s.principal_id JOIN organisations o ON o.id = s.organisation_id WHERE s.id_hash = ?',
      [hashOf(cookie)],
    );
    if (!row) return refused('the session is not valid: sign in again');
    if (row.ended_at) return refused('the session has ended: sign in again');
    const now = Date.now();
    const idleMs = this.config.signIn.sessionIdleSeconds * 1000;
    if (Date.parse(row.expires_at) <= now) {
      await this.end(row.id, 'EXPIRED', null);
      return refused('the session has expired: sign in again');
    }
    if (Date.parse(row.last_seen_at) + idleMs <= now) {
      await this.end(row.id, 'IDLE', null);
      return refused('the session ended after a time without use: sign in again');
    }
    // Written at most every tenth of the idle time (and at most a minute apart): not once per request.
    if (now - Date.parse(row.last_seen_at) >= Math.min(60_000, idleMs / 10))
      await this.tx.run((uow) =>
        uow.manager.update(
          SessionEntity,
          { id: row.id, endedAt: IsNull() },
          { lastSeenAt: new Date(now).toISOString() },
        ),
      );
    return {
      principal: {
        principalId: row.principal_id,
        organisationId: row.organisation_id,
        role: row.role,
        tokenId: '',
        sessionId: row.id,
        name: row.name,
        supplierId: row.supplier_id ?? null,
      },
      error: null,
    };
  }

  /** The session's row by its cookie (sign-out), or null. */
  async byCookie(cookie: string): Promise<SessionEntity | null> {
    return (await this.reader.findOneBy(SessionEntity, { idHash: hashOf(cookie) })) ?? null;
  }

  /** The open sessions of these ids that have ended or expired since (for closing their WebSockets). */
  async closedAmong(ids: readonly string[]): Promise<Set<string>> {
    const rows = ids.length ? await this.reader.findIn(SessionEntity, 'id', ids) : [];
    const now = Date.now();
    const idleMs = this.config.signIn.sessionIdleSeconds * 1000;
    const open = new Set(
      rows
        .filter((s) => !s.endedAt && Date.parse(s.expiresAt) > now && Date.parse(s.lastSeenAt) + idleMs > now)
        .map((s) => s.id),
    );
    return new Set(ids.filter((id) => !open.has(id)));
  }

  /**
   * Ends a session once (a second end changes nothing and logs nothing) with its SESSION_ENDED or
   * SIGNED_OUT event; returns the row when this call ended it.
   */
  async end(id: string, reason: SessionEndReason, actor: Principal | null): Promise<SessionEntity | null> {
    return this.tx.run(async (uow) => {
      const now = nowIso();
      const result = await uow.manager
        .createQueryBuilder()
        .update(SessionEntity)
        .set({ endedAt: now, endReason: reason, updatedAt: now })
        .where('id = :id AND ended_at IS NULL', { id })
        .execute();
      if (!result.affected) return null;
      const session = await uow.manager.findOneByOrFail(SessionEntity, { id });
      await this.events.append(uow, actor, {
        type: reason === 'SIGNED_OUT' ? 'SIGNED_OUT' : 'SESSION_ENDED',
        subjectType: 'Session',
        subjectId: id,
        payload: { principalId: session.principalId, identityProviderId: session.identityProviderId, reason },
        actorOrganisationId: session.organisationId,
      });
      return session;
    });
  }

  /** An ADMIN ends a session of its own organisation (the person's next request is refused, its sockets close). */
  async endByAdmin(id: string, actor: Principal): Promise<SessionEntity> {
    const session = await this.reader.findOneBy(SessionEntity, { id });
    if (!session) throw notFound('Session', id);
    assertManages(actor, session.organisationId, 'endSession');
    if (session.endedAt) throw conflict(`id: the session ended at ${session.endedAt} (${session.endReason})`, 'id');
    const ended = await this.end(id, 'ENDED_BY_ADMIN', actor);
    if (!ended) throw conflict('id: the session has just ended', 'id');
    return ended;
  }

  /** The sessions of an organisation, newest first: the open ones, or all when asked (at most 500). */
  async list(viewer: Principal, includeEnded: boolean): Promise<SessionEntity[]> {
    const now = new Date();
    const idleFrom = new Date(now.getTime() - this.config.signIn.sessionIdleSeconds * 1000).toISOString();
    const open = includeEnded ? '' : ' AND s.ended_at IS NULL AND s.expires_at > ? AND s.last_seen_at > ?';
    return this.reader.entities(
      SessionEntity,
      `SELECT ${this.reader.selectList(SessionEntity, 's')} FROM sessions s WHERE s.organisation_id = ?${open} ORDER BY s.created_at DESC, s.id LIMIT 500`,
      includeEnded ? [viewer.organisationId] : [viewer.organisationId, now.toISOString(), idleFrom],
    );
  }
}

const refused = (error: string): AuthState => ({ principal: null, error });
