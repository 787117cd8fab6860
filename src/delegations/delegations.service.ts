import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, forbidden, notFound } from '../common/errors/domain-error.js';
import { nowIso, todayIso } from '../common/time.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { DelegationScope } from '../vocabulary/vocabulary.js';
import { delegationHolds, scopesOf, storedScopes } from './delegation-rules.js';
import { DelegationEntity } from './delegation.entity.js';
import type { DelegationsArgs, GrantDelegationArgs } from './delegation.inputs.js';

/**
 * How a principal may write a record of `organisationId`: as that organisation itself (`delegationId`
 * null), or as its delegate under the delegation named.
 */
export interface Authority {
  organisationId: string;
  delegationId: string | null;
}

/** What a record says about who owns it and who made it on its behalf (follow-ups and contracts). */
export interface Recorded {
  organisationId: string;
  recordedByOrganisationId: string | null;
}

/**
 * The delegation that lets `delegateOrganisationId` act for `organisationId` in `scope` today, read in
 * the caller's transaction (so a revocation or an expiry stops the next write), or null.
 */
export async function holdingDelegation(
  manager: EntityManager,
  delegateOrganisationId: string,
  organisationId: string,
  scope: DelegationScope,
): Promise<DelegationEntity | null> {
  const candidates = await manager.findBy(DelegationEntity, { organisationId, delegateOrganisationId });
  const today = todayIso();
  return candidates.find((d) => delegationHolds(d, scope, today)) ?? null;
}

/**
 * Who acts for whom, with delegations: a principal writes for its own organisation, or for one that
 * delegated `scope` to its organisation. No role is an exception (an ADMIN too acts for its own
 * organisation only). Refused with FORBIDDEN.
 */
export async function authorityFor(
  manager: EntityManager,
  actor: Principal | null,
  organisationId: string,
  scope: DelegationScope,
  what: string,
): Promise<Authority> {
  if (!actor) throw forbidden(`${what}: no principal`);
  if (actor.organisationId === organisationId) return { organisationId, delegationId: null };
  const delegation = await holdingDelegation(manager, actor.organisationId, organisationId, scope);
  if (delegation) return { organisationId, delegationId: delegation.id };
  throw forbidden(
    `${what}: it belongs to another organisation; you act for your own, or for one that has delegated ${scope} to yours`,
  );
}

/**
 * Who may change a record already made: its organisation; or a delegate, for what the delegate
 * itself recorded on the organisation's behalf, while the delegation for `scope` holds. A delegate
 * never changes what the organisation recorded itself.
 */
export async function authorityOver(
  manager: EntityManager,
  actor: Principal | null,
  record: Recorded,
  scope: DelegationScope,
  what: string,
): Promise<Authority> {
  if (!actor) throw forbidden(`${what}: no principal`);
  if (actor.organisationId === record.organisationId)
    return { organisationId: record.organisationId, delegationId: null };
  if (record.recordedByOrganisationId === actor.organisationId) {
    const delegation = await holdingDelegation(manager, actor.organisationId, record.organisationId, scope);
    if (delegation) return { organisationId: record.organisationId, delegationId: delegation.id };
    throw forbidden(`${what}: your organisation's ${scope} delegation from its organisation has ended or was revoked`);
  }
  throw forbidden(
    `${what}: it belongs to another organisation; a delegate changes only what it recorded on the organisation's behalf`,
  );
}

/** What a delegate's event adds to its payload: on whose behalf, under which delegation. */
export const onBehalfOf = (authority: Authority): Record<string, unknown> =>
  authority.delegationId
    ? { onBehalfOfOrganisationId: authority.organisationId, delegationId: authority.delegationId }
    : {};

/**
 * grantDelegation, revokeDelegation, delegations: an organisation's ADMIN lets another organisation
 * act for it (issue 12). Granted and revoked only for the ADMIN's own organisation.
 */
@Injectable()
export class DelegationsService {
  private readonly delegations: TableReader<DelegationEntity>;

  constructor(
    pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
  ) {
    this.delegations = pages.table(DelegationEntity, 'Delegation', 'd', {
      column: 'd.created_at',
      property: 'createdAt',
    });
  }

  /** The delegations your organisation granted, and those granted to it. */
  list(args: DelegationsArgs, viewer: Principal) {
    return this.delegations.list(
      new SqlWhere().and(
        '(d.organisation_id = ? OR d.delegate_organisation_id = ?)',
        viewer.organisationId,
        viewer.organisationId,
      ),
      args,
    );
  }

  async grant(args: GrantDelegationArgs, actor: Principal): Promise<DelegationEntity> {
    if (args.toOrganisationId === actor.organisationId)
      throw badInput('toOrganisationId', 'an organisation acts for itself without a delegation');
    if (args.expiresOn < todayIso())
      throw badInput('expiresOn', `"${args.expiresOn}": must be today (${todayIso()}) or later`);
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const delegate = await manager.findOneBy(OrganisationEntity, { id: args.toOrganisationId });
      if (!delegate) throw badInput('toOrganisationId', `"${args.toOrganisationId}": no organisation has this id`);
      // A supplier's own organisation never records or decides for its buyers.
      if (delegate.kind === 'SUPPLIER')
        throw badInput(
          'toOrganisationId',
          `"${delegate.code}" is a supplier's organisation; delegations go to contracting authorities`,
        );
      const entity = manager.create(DelegationEntity, {
        organisationId: actor.organisationId,
        delegateOrganisationId: args.toOrganisationId,
        scopes: storedScopes(args.scopes),
        expiresOn: args.expiresOn,
        revokedAt: null,
        grantedByPrincipalId: actor.principalId,
        revokedByPrincipalId: null,
      });
      await manager.insert(DelegationEntity, entity);
      await this.events.append(uow, actor, {
        type: 'DELEGATION_GRANTED',
        subjectType: 'Delegation',
        subjectId: entity.id,
        payload: {
          delegateOrganisationId: entity.delegateOrganisationId,
          scopes: scopesOf(entity.scopes),
          expiresOn: entity.expiresOn,
        },
      });
      return entity;
    });
  }

  async revoke(id: string, actor: Principal): Promise<DelegationEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const entity = await manager.findOneBy(DelegationEntity, { id });
      if (
        !entity ||
        (entity.organisationId !== actor.organisationId && entity.delegateOrganisationId !== actor.organisationId)
      )
        throw notFound('Delegation', id);
      if (entity.organisationId !== actor.organisationId)
        throw forbidden('revokeDelegation: only the organisation that granted a delegation revokes it');
      if (entity.revokedAt) throw conflict(`revokeDelegation: delegation ${id} is already revoked`);
      entity.revokedAt = nowIso();
      entity.revokedByPrincipalId = actor.principalId;
      await manager.update(
        DelegationEntity,
        { id },
        { revokedAt: entity.revokedAt, revokedByPrincipalId: actor.principalId, updatedAt: entity.revokedAt },
      );
      await this.events.append(uow, actor, {
        type: 'DELEGATION_REVOKED',
        subjectType: 'Delegation',
        subjectId: id,
        payload: { delegateOrganisationId: entity.delegateOrganisationId },
      });
      return entity;
    });
  }
}
