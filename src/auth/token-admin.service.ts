import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { badInput, conflict, forbidden, notFound } from '../common/errors/domain-error.js';
import { isIsoDate } from '../common/validation/is-iso-date.js';
import { nowIso } from '../common/time.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { assertManages } from './ownership.js';
import { assertNever } from '../vocabulary/assert-never.js';
import { isOneOf, ROLES, type PrincipalKind } from '../vocabulary/vocabulary.js';
import { ApiTokenEntity, PrincipalEntity } from './principal.entity.js';
import type { Principal } from './principal.js';
import { Role, roleAtLeast } from './role.js';
import { TokenService } from './token.service.js';

export interface CreateTokenInput {
  /** The organisation's stable code, e.g. `region-skane`. */
  organisationCode: string;
  /** Checked here (not only by the caller's parser): the CLI passes the raw text. */
  role: string;
  /** The principal's name; also the token's name unless `tokenName` is given. Not needed when `member` finds one. */
  name: string;
  email?: string | null;
  /**
   * A member's e-mail address (the CLI's `--member`): the token is for the existing MEMBER with this
   * address (any case), in `organisationCode`'s organisation when several have it; when there is none,
   * a member with this address is created (then `name` is needed).
   */
  member?: string | null;
  kind?: PrincipalKind;
  /** YYYY-MM-DD (00:00 UTC that day) or an ISO date-time with a zone; null: never expires. */
  expiresAt?: string | null;
  tokenName?: string | null;
}

/** What an administrator may see of a token: never its secret or hash. */
export interface TokenSummary {
  id: string;
  prefix: string;
  name: string;
  role: Role;
  organisationCode: string;
  principalId: string;
  principalName: string;
  principalKind: PrincipalKind;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** A member (a person) or an API client of an organisation, created by one of its ADMINs. */
export interface NewPrincipal {
  organisationId: string;
  kind: PrincipalKind;
  name: string;
  email?: string | null;
}

/** A token for an existing principal; `role` is checked here, so raw text is fine. */
export interface NewToken {
  principalId: string;
  role: string;
  name: string;
  /** As for `parseExpiry`; null or omitted: never expires. */
  expiresAt?: string | null;
}

export interface CreatedToken {
  /** The secret: returned once, stored only as its SHA-256 hash. */
  token: string;
  summary: TokenSummary;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An ISO date-time with an explicit zone: a bare local time would depend on the server's zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an expiry given as YYYY-MM-DD (the token stops working at 00:00 UTC that day) or as an
 * ISO date-time with a zone, into the stored form (UTC, `toISOString`), which `TokenService`
 * compares as text with `nowIso()`. It must lie in the future.
 */
export function parseExpiry(value: string, now: Date = new Date()): string {
  const text = value.trim();
  const day = text.slice(0, 10);
  let at: Date;
  if (text === day && isIsoDate(day)) at = new Date(`${day}T00:00:00.000Z`);
  else if (DATE_TIME.test(text) && isIsoDate(day)) at = new Date(text);
  else
    throw badInput(
      'expiresAt',
      `"${value}" must be a date YYYY-MM-DD or a date-time with a zone, e.g. 2026-06-30T12:00:00Z`,
    );
  if (Number.isNaN(at.getTime())) throw badInput('expiresAt', `"${value}" is not a valid date-time`);
  if (at.getTime() <= now.getTime()) throw badInput('expiresAt', `${at.toISOString()} is in the past`);
  return at.toISOString();
}

function checkRole(role: string): Role {
  if (!isOneOf(ROLES, role)) throw badInput('role', `must be one of ${ROLES.join(', ')} (got "${role}")`);
  return role;
}

/** A member is a person with an e-mail address; an API client is a tool without one. Returns the operation that creates it. */
function checkKindAndEmail(kind: PrincipalKind, email: string | null): 'createMember' | 'createApiClient' {
  switch (kind) {
    case 'MEMBER':
      if (!email) throw badInput('email', 'a member needs an e-mail address');
      return 'createMember';
    case 'API_CLIENT':
      if (email) throw badInput('email', 'an API client has no e-mail address');
      return 'createApiClient';
    default:
      return assertNever(kind, 'principal kind');
  }
}

/**
 * SUPPLIER is the role of a supplier's organisation and its only one: a region's member cannot
 * hold it, and a supplier member cannot be given a region's role (which would read PRIVATE data).
 */
export function checkRoleFits(role: Role, organisation: Pick<OrganisationEntity, 'kind' | 'code'>): void {
  if (role === Role.SUPPLIER && organisation.kind !== 'SUPPLIER')
    throw badInput('role', `SUPPLIER is only for members of a supplier's organisation (see inviteSupplierMember)`);
  if (role !== Role.SUPPLIER && organisation.kind === 'SUPPLIER')
    throw badInput('role', `"${organisation.code}" is a supplier's organisation: its members hold the role SUPPLIER`);
}

export function checkName(field: string, value: string): string {
  const name = value.trim();
  if (!name || name.length > 200) throw badInput(field, 'must be 1 to 200 characters');
  return name;
}

export function checkEmail(value: string | null | undefined): string | null {
  const email = value?.trim() || null;
  if (email && (email.length > 320 || !EMAIL.test(email)))
    throw badInput('email', `"${email}" is not an e-mail address`);
  return email;
}

/**
 * Administration of principals and their bearer tokens: create, revoke, list. Used by the CLI
 * (`npm run cli -- token …`, where there is no actor: the operator bootstraps any organisation)
 * and by the admin mutations, where the actor manages its own organisation only (see
 * `assertManages`) and cannot hand out a role above its own.
 * Each change is one transaction with its audit event; the secret never reaches the event log.
 */
@Injectable()
export class TokenAdminService {
  constructor(
    private readonly reader: SqlReader,
    private readonly tx: TransactionService,
    private readonly tokens: TokenService,
    private readonly events: EventLogService,
  ) {}

  async create(input: CreateTokenInput, actor: Principal | null = null): Promise<CreatedToken> {
    const role = checkRole(input.role);
    if (input.member) {
      const existing = await this.member(input.member, input.organisationCode);
      if (existing) return this.issueFor(existing, role, input, actor);
    }
    const name = checkName('name', input.name);
    const tokenName = input.tokenName?.trim() || name;
    if (tokenName.length > 200) throw badInput('tokenName', 'must be at most 200 characters');
    const email = checkEmail(input.member || input.email);
    const expiresAt = input.expiresAt ? parseExpiry(input.expiresAt) : null;
    const kind = input.kind ?? 'MEMBER';
    if (actor && !roleAtLeast(actor.role, role))
      throw forbidden(`role: you cannot issue ${role}, which is above your own role ${actor.role}`);

    return this.tx.run(async (uow) => {
      const m = uow.manager;
      const organisation = await m.findOneBy(OrganisationEntity, { code: input.organisationCode.trim() });
      if (!organisation) throw notFound('Organisation', input.organisationCode);
      if (actor) assertManages(actor, organisation.id, 'token');
      checkRoleFits(role, organisation);
      const principal = m.create(PrincipalEntity, { organisationId: organisation.id, kind, name, email });
      await m.insert(PrincipalEntity, principal);
      const issued = await this.tokens.issue(m, { principalId: principal.id, role, name: tokenName, expiresAt });
      await this.events.append(uow, actor, {
        type: 'TOKEN_CREATED',
        subjectType: 'ApiToken',
        subjectId: issued.entity.id,
        payload: { principalId: principal.id, kind, role, expiresAt },
        actorOrganisationId: organisation.id,
      });
      return { token: issued.token, summary: toSummary(issued.entity, principal, organisation.code) };
    });
  }

  /** The MEMBER with this e-mail address (any case), of the organisation when a code is given; null when none. */
  private async member(address: string, organisationCode: string | null | undefined): Promise<PrincipalEntity | null> {
    const email = checkEmail(address)!;
    const members = await this.reader.entities(
      PrincipalEntity,
      `SELECT ${this.reader.selectList(PrincipalEntity, 'p')} FROM principals p JOIN organisations o ON o.id = p.organisation_id
        WHERE p.kind = 'MEMBER' AND LOWER(p.email) = ? ${organisationCode ? 'AND o.code = ?' : ''} ORDER BY p.created_at`,
      organisationCode ? [email.toLowerCase(), organisationCode.trim()] : [email.toLowerCase()],
    );
    if (members.length > 1 && !organisationCode)
      throw badInput('member', `${members.length} members have the e-mail address ${email}: name the organisation too`);
    return members[0] ?? null;
  }

  /** A new token for an existing principal (the CLI's `--member`), with its TOKEN_CREATED event. */
  private async issueFor(
    principal: PrincipalEntity,
    role: Role,
    input: CreateTokenInput,
    actor: Principal | null,
  ): Promise<CreatedToken> {
    const tokenName = input.tokenName?.trim() || input.name?.trim() || principal.name;
    if (tokenName.length > 200) throw badInput('tokenName', 'must be at most 200 characters');
    const expiresAt = input.expiresAt ? parseExpiry(input.expiresAt) : null;
    if (actor && !roleAtLeast(actor.role, role))
      throw forbidden(`role: you cannot issue ${role}, which is above your own role ${actor.role}`);
    return this.tx.run(async (uow) => {
      const organisation = await uow.manager.findOneBy(OrganisationEntity, { id: principal.organisationId });
      if (actor) assertManages(actor, principal.organisationId, 'token');
      const issued = await this.tokens.issue(uow.manager, {
        principalId: principal.id,
        role,
        name: tokenName,
        expiresAt,
      });
      await this.events.append(uow, actor, {
        type: 'TOKEN_CREATED',
        subjectType: 'ApiToken',
        subjectId: issued.entity.id,
        payload: { principalId: principal.id, kind: principal.kind, role, expiresAt },
        actorOrganisationId: principal.organisationId,
      });
      return { token: issued.token, summary: toSummary(issued.entity, principal, organisation!.code) };
    });
  }

  /** A member or API client of the actor's own organisation, without a token yet (see `issueToken`). */
  async createPrincipal(input: NewPrincipal, actor: Principal): Promise<PrincipalEntity> {
    const name = checkName('name', input.name);
    const email = checkEmail(input.email);
    const operation = checkKindAndEmail(input.kind, email);
    return this.tx.run(async (uow) => {
      const m = uow.manager;
      if (!(await m.existsBy(OrganisationEntity, { id: input.organisationId })))
        throw notFound('Organisation', input.organisationId);
      assertManages(actor, input.organisationId, operation);
      const principal = m.create(PrincipalEntity, {
        organisationId: input.organisationId,
        kind: input.kind,
        name,
        email,
      });
      await m.insert(PrincipalEntity, principal);
      // Names and e-mail addresses stay out of the log: the principal row holds them.
      await this.events.append(uow, actor, {
        type: 'PRINCIPAL_CREATED',
        subjectType: 'Principal',
        subjectId: principal.id,
        payload: { kind: principal.kind, organisationId: principal.organisationId },
      });
      return principal;
    });
  }

  /**
   * Issues a token for a principal of the actor's own organisation, with a role no higher than
   * the actor's own. The secret is returned once; only its hash is stored.
   */
  async issueToken(input: NewToken, actor: Principal): Promise<{ token: string; entity: ApiTokenEntity }> {
    const role = checkRole(input.role);
    const name = checkName('name', input.name);
    const expiresAt = input.expiresAt ? parseExpiry(input.expiresAt) : null;
    if (!roleAtLeast(actor.role, role))
      throw forbidden(`role: you cannot issue ${role}, which is above your own role ${actor.role}`);
    return this.tx.run(async (uow) => {
      const m = uow.manager;
      const principal = await m.findOneBy(PrincipalEntity, { id: input.principalId });
      if (!principal) throw notFound('Principal', input.principalId);
      assertManages(actor, principal.organisationId, 'createToken');
      checkRoleFits(role, await m.findOneByOrFail(OrganisationEntity, { id: principal.organisationId }));
      const issued = await this.tokens.issue(m, { principalId: principal.id, role, name, expiresAt });
      await this.events.append(uow, actor, {
        type: 'TOKEN_CREATED',
        subjectType: 'ApiToken',
        subjectId: issued.entity.id,
        payload: { principalId: principal.id, kind: principal.kind, role, expiresAt },
      });
      return issued;
    });
  }

  /** Revokes a token at once; a revoked token cannot be restored (issue a new one). */
  async revoke(tokenId: string, actor: Principal | null = null): Promise<TokenSummary> {
    return this.tx.run(async (uow) => {
      const m = uow.manager;
      const token = await m.findOneBy(ApiTokenEntity, { id: tokenId.trim() });
      if (!token) throw notFound('Token', tokenId);
      const principal = await m.findOneByOrFail(PrincipalEntity, { id: token.principalId });
      if (actor) assertManages(actor, principal.organisationId, 'revokeToken');
      if (token.revokedAt) throw conflict(`Token "${token.id}" was already revoked at ${token.revokedAt}`);
      const organisation = await m.findOneByOrFail(OrganisationEntity, { id: principal.organisationId });
      token.revokedAt = nowIso();
      // Conditional, so two concurrent revocations (PostgreSQL) cannot both succeed.
      const result = await m.update(
        ApiTokenEntity,
        { id: token.id, revokedAt: IsNull() },
        { revokedAt: token.revokedAt, updatedAt: token.revokedAt },
      );
      if (result.affected === 0) throw conflict(`Token "${token.id}" was already revoked`);
      await this.events.append(uow, actor, {
        type: 'TOKEN_REVOKED',
        subjectType: 'ApiToken',
        subjectId: token.id,
        payload: { principalId: principal.id },
        actorOrganisationId: organisation.id,
      });
      // This instance forgets cached token checks before answering; the others when they hear of the event.
      uow.afterCommit(() => this.tokens.forgetCachedTokens());
      return toSummary(token, principal, organisation.code);
    });
  }

  /** Every token, oldest first, optionally of one organisation. */
  async list(filter: { organisationCode?: string | null } = {}): Promise<TokenSummary[]> {
    const where = new SqlWhere();
    if (filter.organisationCode) {
      const code = filter.organisationCode.trim();
      if (!(await this.reader.existsBy(OrganisationEntity, { code }))) throw notFound('Organisation', code);
      where.and('o.code = ?', code);
    }
    const rows = await this.reader.all<{
      id: string;
      prefix: string;
      name: string;
      role: Role;
      expires_at: string | null;
      revoked_at: string | null;
      created_at: string;
      principal_id: string;
      principal_name: string;
      principal_kind: PrincipalKind;
      organisation_code: string;
    }>(
      `SELECT t.id AS id, t.prefix AS prefix, t.name AS name, t.role AS role, t.expires_at AS expires_at,
       t.revoked_at AS revoked_at, t.created_at AS created_at, p.id AS principal_id, p.name AS principal_name,
       p.kind AS principal_kind, o.code AS organisation_code
       FROM api_tokens t INNER JOIN principals p ON p.id = t.principal_id INNER JOIN organisations o ON o.id = p.organisation_id
       ${where.sql} ORDER BY t.created_at ASC, t.id ASC`,
      where.params,
    );
    return rows.map((r) => ({
      id: r.id,
      prefix: r.prefix,
      name: r.name,
      role: r.role,
      organisationCode: r.organisation_code,
      principalId: r.principal_id,
      principalName: r.principal_name,
      principalKind: r.principal_kind,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      createdAt: r.created_at,
    }));
  }
}

function toSummary(token: ApiTokenEntity, principal: PrincipalEntity, organisationCode: string): TokenSummary {
  return {
    id: token.id,
    prefix: token.prefix,
    name: token.name,
    role: token.role,
    organisationCode,
    principalId: principal.id,
    principalName: principal.name,
    principalKind: principal.kind,
    expiresAt: token.expiresAt,
    revokedAt: token.revokedAt,
    createdAt: token.createdAt,
  };
}
