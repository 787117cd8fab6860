import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { PrincipalEntity } from '../auth/principal.entity.js';
import { Role } from '../auth/role.js';
import { checkEmail, checkName } from '../auth/token-admin.service.js';
import { TokenService } from '../auth/token.service.js';
import { badInput, forbidden, notFound } from '../common/errors/domain-error.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { TransactionService, type UnitOfWork } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { organisationSearchText } from '../organisations/organisations.service.js';
import { SupplierEntity } from './supplier.entity.js';

export interface SupplierInvitationResult {
  token: string;
  principal: PrincipalEntity;
  supplier: SupplierEntity;
}

/**
 * Supplier members: people of a supplier who sign in to see and answer the follow-ups of their
 * own products. They belong to the supplier's own organisation (kind SUPPLIER, one per supplier,
 * made at the first invitation), and their tokens hold the role SUPPLIER.
 */
@Injectable()
export class SupplierMembersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly tokens: TokenService,
    private readonly events: EventLogService,
  ) {}

  /**
   * Invites a person of a supplier. Only a region that buys from the supplier (has a contract
   * with it) may: it is the region that knows who answers for the supplier. One transaction: the
   * supplier's organisation if new, the member, its token and their events.
   */
  async invite(
    input: { supplierId: string; name: string; email: string },
    actor: Principal,
  ): Promise<SupplierInvitationResult> {
    const name = checkName('name', input.name);
    const email = checkEmail(input.email);
    if (!email) throw badInput('email', 'a supplier member needs an e-mail address');
    if (actor.supplierId) throw forbidden('inviteSupplierMember: a supplier member cannot invite');
    return this.tx.run(async (uow) => {
      const m = uow.manager;
      const supplier = await m.findOneBy(SupplierEntity, { id: input.supplierId });
      if (!supplier) throw notFound('Supplier', input.supplierId);
      if (!(await m.existsBy(ContractEntity, { organisationId: actor.organisationId, supplierId: supplier.id })))
        throw forbidden(
          `supplierId: your organisation has no contract with supplier "${supplier.id}"; only a region that buys from a supplier invites its members`,
        );
      const organisation = await this.organisationOf(uow, supplier, actor);
      const principal = m.create(PrincipalEntity, { organisationId: organisation.id, kind: 'MEMBER', name, email });
      await m.insert(PrincipalEntity, principal);
      const issued = await this.tokens.issue(m, { principalId: principal.id, role: Role.SUPPLIER, name });
      await this.events.append(uow, actor, {
        type: 'PRINCIPAL_CREATED',
        subjectType: 'Principal',
        subjectId: principal.id,
        payload: { kind: principal.kind, organisationId: organisation.id, supplierId: supplier.id },
      });
      await this.events.append(uow, actor, {
        type: 'TOKEN_CREATED',
        subjectType: 'ApiToken',
        subjectId: issued.entity.id,
        payload: { principalId: principal.id, kind: principal.kind, role: Role.SUPPLIER, expiresAt: null },
      });
      return { token: issued.token, principal, supplier };
    });
  }

  /** The supplier's own organisation, made at its first member's invitation. */
  private async organisationOf(uow: UnitOfWork, supplier: SupplierEntity, actor: Principal) {
    const existing = await uow.manager.findOneBy(OrganisationEntity, { supplierId: supplier.id });
    if (existing) return existing;
    const organisation = newSupplierOrganisation(uow.manager, supplier);
    await uow.manager.insert(OrganisationEntity, organisation);
    await this.events.append(uow, actor, {
      type: 'ORGANISATION_CREATED',
      subjectType: 'Organisation',
      subjectId: organisation.id,
      payload: { code: organisation.code, supplierId: supplier.id },
    });
    return organisation;
  }
}

/**
 * A supplier's organisation: named like the supplier, coded `supplier-<id>`. Its organisation
 * number stays empty (the supplier row holds it; organisations' numbers are unique among members).
 */
export function newSupplierOrganisation(m: EntityManager, supplier: SupplierEntity): OrganisationEntity {
  const values = { code: `supplier-${supplier.id}`, name: supplier.name, organisationNumber: null };
  return m.create(OrganisationEntity, {
    ...values,
    kind: 'SUPPLIER',
    countyCode: null,
    supplierId: supplier.id,
    searchText: organisationSearchText(values),
  });
}
