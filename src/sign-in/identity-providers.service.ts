import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { assertManages } from '../auth/ownership.js';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { nowIso } from '../common/time.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { SecretKeyring } from './secret-keyring.js';
import { IdentityProviderEntity, type RoleMapping, SessionEntity } from './sign-in.entities.js';
import type { AddIdentityProviderInput, UpdateIdentityProviderInput } from './sign-in.inputs.js';
import type { IdentityProviderModel } from './sign-in.models.js';

const DEFAULT_SCOPES = ['openid', 'email', 'profile'];
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** How long a discovered configuration is kept before the provider's metadata is read again. */
const DISCOVERY_TTL_MS = 10 * 60_000;

/**
 * The organisations' identity providers (one per organisation): kept by their ADMINs and the
 * operator's CLI, and turned into openid-client configurations (discovered, cached) for sign-in.
 */
@Injectable()
export class IdentityProvidersService {
  private readonly discovered = new Map<string, { at: number; key: string; config: Promise<oidc.Configuration> }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reader: SqlReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    private readonly keyring: SecretKeyring,
  ) {}

  /** The providers an ADMIN sees: its own organisation's (any, for the operator's CLI: actor null). */
  async list(viewer: Principal | null, organisationId?: string | null): Promise<IdentityProviderModel[]> {
    const orgId = organisationId ?? viewer?.organisationId ?? null;
    if (viewer && orgId) assertManages(viewer, orgId, 'identityProviders');
    const rows = orgId
      ? await this.reader.findIn(IdentityProviderEntity, 'organisationId', [orgId])
      : await this.reader.entities(
          IdentityProviderEntity,
          `SELECT ${this.reader.selectList(IdentityProviderEntity, 'i')} FROM identity_providers i ORDER BY i.created_at`,
          [],
        );
    return rows.map(toModel);
  }

  async add(input: AddIdentityProviderInput, actor: Principal | null): Promise<IdentityProviderModel> {
    const organisationId = input.organisationId ?? actor?.organisationId;
    if (!organisationId) throw badInput('organisationId', 'name the organisation');
    if (actor) assertManages(actor, organisationId, 'addIdentityProvider');
    const box = this.keyring.required();
    const issuer = this.checkIssuer(input.issuer);
    return this.tx.run(async (uow) => {
      const m = uow.manager;
      if (!(await m.existsBy(OrganisationEntity, { id: organisationId })))
        throw notFound('Organisation', organisationId);
      if (await m.existsBy(IdentityProviderEntity, { organisationId }))
        throw conflict(
          'organisationId: the organisation already has an identity provider; change it with updateIdentityProvider',
          'organisationId',
        );
      const entity = m.create(IdentityProviderEntity, {
        organisationId,
        issuer,
        clientId: input.clientId.trim(),
        clientSecretEncrypted: box.seal(input.clientSecret),
        scopes: scopesOf(input.scopes),
        subjectClaim: input.subjectClaim ?? 'sub',
        roleClaim: input.roleClaim,
        roleMappings: JSON.stringify(mappingsOf(input.roleMappings)),
      });
      await m.insert(IdentityProviderEntity, entity);
      await this.events.append(uow, actor, {
        type: 'IDENTITY_PROVIDER_ADDED',
        subjectType: 'IdentityProvider',
        subjectId: entity.id,
        payload: { issuer, clientId: entity.clientId, subjectClaim: entity.subjectClaim, roleClaim: entity.roleClaim },
        actorOrganisationId: organisationId,
      });
      return toModel(entity);
    });
  }

  async update(
    id: string,
    input: UpdateIdentityProviderInput,
    actor: Principal | null,
  ): Promise<IdentityProviderModel> {
    const issuer = input.issuer != null ? this.checkIssuer(input.issuer) : null;
    const box = input.clientSecret != null ? this.keyring.required() : null;
    return this.tx.run(async (uow) => {
      const m = uow.manager;
      const entity = await m.findOneBy(IdentityProviderEntity, { id });
      if (!entity) throw notFound('IdentityProvider', id);
      if (actor) assertManages(actor, entity.organisationId, 'updateIdentityProvider');
      const changed: string[] = [];
      const set = <K extends keyof IdentityProviderEntity>(key: K, value: IdentityProviderEntity[K] | null) => {
        if (value === null || value === entity[key]) return;
        entity[key] = value;
        changed.push(key === 'clientSecretEncrypted' ? 'clientSecret' : key);
      };
      set('issuer', issuer);
      set('clientId', input.clientId?.trim() ?? null);
      if (box && input.clientSecret != null) set('clientSecretEncrypted', box.seal(input.clientSecret));
      set('scopes', input.scopes ? scopesOf(input.scopes) : null);
      set('subjectClaim', input.subjectClaim ?? null);
      set('roleClaim', input.roleClaim ?? null);
      set('roleMappings', input.roleMappings ? JSON.stringify(mappingsOf(input.roleMappings)) : null);
      if (!changed.length) return toModel(entity);
      entity.updatedAt = nowIso();
      await m.save(IdentityProviderEntity, entity);
      await this.events.append(uow, actor, {
        type: 'IDENTITY_PROVIDER_UPDATED',
        subjectType: 'IdentityProvider',
        subjectId: entity.id,
        payload: { changed },
        actorOrganisationId: entity.organisationId,
      });
      this.discovered.delete(entity.id);
      return toModel(entity);
    });
  }

  /** Removes the provider and ends its open sessions (their people can no longer sign in through it). */
  async remove(id: string, actor: Principal | null): Promise<IdentityProviderModel> {
    return this.tx.run(async (uow) => {
      const m = uow.manager;
      const entity = await m.findOneBy(IdentityProviderEntity, { id });
      if (!entity) throw notFound('IdentityProvider', id);
      if (actor) assertManages(actor, entity.organisationId, 'removeIdentityProvider');
      const now = nowIso();
      const ended = await m
        .createQueryBuilder()
        .update(SessionEntity)
        .set({ endedAt: now, endReason: 'PROVIDER_REMOVED', updatedAt: now })
        .where('identity_provider_id = :id AND ended_at IS NULL', { id })
        .execute();
      await m.delete(IdentityProviderEntity, { id });
      await this.events.append(uow, actor, {
        type: 'IDENTITY_PROVIDER_REMOVED',
        subjectType: 'IdentityProvider',
        subjectId: id,
        payload: { issuer: entity.issuer, sessionsEnded: ended.affected ?? 0 },
        actorOrganisationId: entity.organisationId,
      });
      this.discovered.delete(id);
      return toModel(entity);
    });
  }

  /** The provider of the organisation with this code; null when it has none. */
  async ofOrganisationCode(code: string): Promise<IdentityProviderEntity | null> {
    const organisation = await this.reader.findOneBy(OrganisationEntity, { code });
    if (!organisation) return null;
    return (await this.reader.findOneBy(IdentityProviderEntity, { organisationId: organisation.id })) ?? null;
  }

  async byId(id: string): Promise<IdentityProviderEntity | null> {
    return (await this.reader.findOneBy(IdentityProviderEntity, { id })) ?? null;
  }

  /** The organisations people can sign in to (those with a provider), for the sign-in page. */
  async signInOrganisations(): Promise<Array<{ code: string; name: string }>> {
    return this.reader.all<{ code: string; name: string }>(
      'SELECT o.code AS code, o.name AS name FROM identity_providers i JOIN organisations o ON o.id = i.organisation_id ORDER BY o.name',
    );
  }

  /**
   * The openid-client configuration of a provider: its discovery document read (and cached for ten
   * minutes, or until the provider changes), the client secret decrypted. http issuers only on
   * loopback outside production (the development provider and the tests).
   */
  clientConfig(provider: IdentityProviderEntity): Promise<oidc.Configuration> {
    const cached = this.discovered.get(provider.id);
    const key = `${provider.updatedAt}`;
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS && cached.key === key) return cached.config;
    const secret = this.keyring.required().open(provider.clientSecretEncrypted);
    const url = new URL(provider.issuer);
    const config = oidc.discovery(url, provider.clientId, secret, undefined, {
      ...(url.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
      timeout: 10,
    });
    const entry = { at: Date.now(), config, key };
    this.discovered.set(provider.id, entry);
    config.catch(() => this.discovered.get(provider.id) === entry && this.discovered.delete(provider.id));
    return config;
  }

  private checkIssuer(value: string): string {
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      throw badInput('issuer', `"${value}" is not a URL`);
    }
    const loopback = LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && !this.config.production))
      throw badInput('issuer', `"${value}" must be an https URL (http only on loopback, outside production)`);
    if (url.search || url.hash) throw badInput('issuer', `"${value}" must have no query or fragment`);
    return url.href.replace(/\/$/, '') === url.origin ? url.origin : url.href;
  }
}

function scopesOf(scopes: readonly string[] | null | undefined): string {
  const list = scopes?.length ? scopes : DEFAULT_SCOPES;
  return [...new Set(['openid', ...list])].join(' ');
}

function mappingsOf(mappings: ReadonlyArray<{ claimValue: string; role: RoleMapping['role'] }>): RoleMapping[] {
  const seen = new Set<string>();
  return mappings.map((mapping, i) => {
    const claimValue = mapping.claimValue.trim();
    if (seen.has(claimValue))
      throw badInput(`roleMappings[${i}].claimValue`, `"${claimValue}" is mapped twice; give each value one role`);
    seen.add(claimValue);
    return { claimValue, role: mapping.role };
  });
}

export function toModel(e: IdentityProviderEntity): IdentityProviderModel {
  return {
    id: e.id,
    organisationId: e.organisationId,
    issuer: e.issuer,
    clientId: e.clientId,
    scopes: e.scopes.split(' '),
    subjectClaim: e.subjectClaim,
    roleClaim: e.roleClaim,
    roleMappings: JSON.parse(e.roleMappings) as RoleMapping[],
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
