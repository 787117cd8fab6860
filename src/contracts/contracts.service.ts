import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput, notFound } from '../common/errors/domain-error.js';
import type { LimitInput } from '../common/limit.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { nowIso } from '../common/time.js';
import { TransactionService } from '../database/transaction.service.js';
import { areComparable, UNIT_SYMBOLS } from '../evaluation/units.js';
import { LIMIT_OF_KIND } from '../vocabulary/vocabulary.js';
import { authorityFor, authorityOver, onBehalfOf } from '../delegations/delegations.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ProductCategoriesService } from '../products/product-categories.service.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { ContractCategoryEntity, ContractEntity, ContractRequirementEntity } from './contract.entity.js';
import type {
  ContractRequirementInput,
  ContractsArgs,
  CreateContractInput,
  UpdateContractInput,
} from './contract.inputs.js';

/** A contract's own limit must be of the same dimension as the library's (mg/L says nothing about % w/w). */
export function checkContractLimit(
  requirement: RequirementEntity,
  limit: LimitInput | null | undefined,
  field: string,
): void {
  if (!limit) return;
  if (!(Number.isFinite(limit.value) && limit.value > 0 && limit.value <= 1e12))
    throw badInput(`${field}.value`, `${limit.value}: must be a positive number, at most 1e12`);
  if (LIMIT_OF_KIND[requirement.kind] === 'NONE')
    throw badInput(field, `requirement ${requirement.code} is a ${requirement.kind} requirement and takes no limit`);
  if (requirement.defaultLimitUnit && !areComparable(limit.unit, requirement.defaultLimitUnit)) {
    throw badInput(
      `${field}.unit`,
      `${limit.unit} (${UNIT_SYMBOLS[limit.unit]}) cannot be compared with requirement ${requirement.code}'s unit ${requirement.defaultLimitUnit} (${UNIT_SYMBOLS[requirement.defaultLimitUnit]})`,
    );
  }
}

function checkPeriod(validFrom: string | null, validTo: string | null): void {
  if (validFrom && validTo && validFrom > validTo)
    throw badInput('validTo', `"${validTo}": must not be before validFrom "${validFrom}"`);
}

@Injectable()
export class ContractsService {
  private readonly contracts: TableReader<ContractEntity>;

  constructor(
    pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    private readonly categories: ProductCategoriesService,
  ) {
    this.contracts = pages.table(ContractEntity, 'Contract', 'c', { column: 'c.title', property: 'title' });
  }

  list(args: ContractsArgs) {
    const f = args.filter ?? {};
    return this.contracts.list(
      new SqlWhere().equal('c.organisation_id', f.organisationId).equal('c.supplier_id', f.supplierId),
      args,
    );
  }

  get(id: string): Promise<ContractEntity> {
    return this.contracts.get(id);
  }

  /** The contract a write changes, read in its transaction. */
  private async forWrite(manager: EntityManager, id: string): Promise<ContractEntity> {
    const found = await manager.findOneBy(ContractEntity, { id });
    if (!found) throw notFound('Contract', id);
    return found;
  }

  async create(input: CreateContractInput, actor: Principal): Promise<ContractEntity> {
    const organisationId = input.organisationId ?? actor.organisationId;
    checkPeriod(input.validFrom ?? null, input.validTo ?? null);
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      if (!(await manager.existsBy(OrganisationEntity, { id: organisationId })))
        throw badInput('organisationId', `"${organisationId}": no organisation has this id`);
      const authority = await authorityFor(manager, actor, organisationId, 'CONTRACTS', 'createContract');
      if (!(await manager.existsBy(SupplierEntity, { id: input.supplierId })))
        throw badInput('supplierId', `"${input.supplierId}": no supplier has this id`);
      const categoryIds = await this.categories.idsForCodes(manager, input.categoryCodes);
      const entity = manager.create(ContractEntity, {
        organisationId,
        recordedByOrganisationId: authority.delegationId ? actor.organisationId : null,
        supplierId: input.supplierId,
        title: input.title.trim(),
        reference: input.reference?.trim() || null,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
      });
      await manager.insert(ContractEntity, entity);
      if (categoryIds.length)
        await manager.insert(
          ContractCategoryEntity,
          categoryIds.map((categoryId) => ({ contractId: entity.id, categoryId })),
        );
      const rows = await this.requirementRows(manager, entity.id, input.requirements);
      if (rows.length) await manager.insert(ContractRequirementEntity, rows);
      await this.events.append(uow, actor, {
        type: 'CONTRACT_CREATED',
        subjectType: 'Contract',
        subjectId: entity.id,
        payload: { title: entity.title, supplierId: entity.supplierId, ...onBehalfOf(authority) },
      });
      return entity;
    });
  }

  async update(id: string, input: UpdateContractInput, actor: Principal): Promise<ContractEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const entity = await this.forWrite(manager, id);
      const authority = await authorityOver(manager, actor, entity, 'CONTRACTS', 'updateContract');
      if (input.title !== undefined) entity.title = input.title.trim();
      if (input.reference !== undefined) entity.reference = input.reference?.trim() || null;
      if (input.validFrom !== undefined) entity.validFrom = input.validFrom;
      if (input.validTo !== undefined) entity.validTo = input.validTo;
      checkPeriod(entity.validFrom, entity.validTo);
      await manager.save(ContractEntity, entity);
      if (input.categoryCodes !== undefined) {
        const categoryIds = await this.categories.idsForCodes(manager, input.categoryCodes);
        await manager.delete(ContractCategoryEntity, { contractId: id });
        if (categoryIds.length)
          await manager.insert(
            ContractCategoryEntity,
            categoryIds.map((categoryId) => ({ contractId: id, categoryId })),
          );
      }
      await this.events.append(uow, actor, {
        type: 'CONTRACT_UPDATED',
        subjectType: 'Contract',
        subjectId: id,
        payload: { ...input, ...onBehalfOf(authority) },
      });
      return entity;
    });
  }

  /** Adds a requirement to a contract, or changes its contract-specific limit (null: use the library default). */
  async setRequirement(
    contractId: string,
    requirementId: string,
    limit: LimitInput | null | undefined,
    actor: Principal,
  ): Promise<ContractEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const contract = await this.forWrite(manager, contractId);
      const authority = await authorityOver(manager, actor, contract, 'CONTRACTS', 'setContractRequirement');
      const [row] = await this.requirementRows(
        manager,
        contractId,
        [{ requirementId, limit }],
        'requirementId',
        'limit',
      );
      const existing = await manager.findOneBy(ContractRequirementEntity, { contractId, requirementId });
      if (existing) {
        await manager.update(
          ContractRequirementEntity,
          { contractId, requirementId },
          { limitValue: row!.limitValue, limitUnit: row!.limitUnit, updatedAt: row!.updatedAt },
        );
      } else {
        await manager.insert(ContractRequirementEntity, row!);
      }
      await this.events.append(uow, actor, {
        type: 'CONTRACT_REQUIREMENT_SET',
        subjectType: 'Contract',
        subjectId: contractId,
        payload: { requirementId, limit: limit ?? null, ...onBehalfOf(authority) },
      });
      return contract;
    });
  }

  async removeRequirement(contractId: string, requirementId: string, actor: Principal): Promise<ContractEntity> {
    return this.tx.run(async (uow) => {
      const contract = await this.forWrite(uow.manager, contractId);
      const authority = await authorityOver(uow.manager, actor, contract, 'CONTRACTS', 'removeContractRequirement');
      const result = await uow.manager.delete(ContractRequirementEntity, { contractId, requirementId });
      if (!result.affected) throw notFound(`Requirement in contract ${contractId}`, requirementId);
      await this.events.append(uow, actor, {
        type: 'CONTRACT_REQUIREMENT_REMOVED',
        subjectType: 'Contract',
        subjectId: contractId,
        payload: { requirementId, ...onBehalfOf(authority) },
      });
      return contract;
    });
  }

  private async requirementRows(
    manager: EntityManager,
    contractId: string,
    inputs: ContractRequirementInput[],
    idField = 'requirements',
    limitField = 'requirements',
  ): Promise<ContractRequirementEntity[]> {
    const ids = [...new Set(inputs.map((r) => r.requirementId))];
    if (ids.length !== inputs.length) throw badInput(idField, 'a requirement is listed twice');
    if (!ids.length) return [];
    const requirements = await manager
      .getRepository(RequirementEntity)
      .createQueryBuilder('r')
      .where('r.id IN (:...ids)', { ids })
      .getMany();
    const now = nowIso();
    return inputs.map((input, i) => {
      const requirement = requirements.find((r) => r.id === input.requirementId);
      const where = inputs.length > 1 || idField === 'requirements' ? `requirements[${i}]` : '';
      if (!requirement)
        throw badInput(
          where ? `${where}.requirementId` : idField,
          `"${input.requirementId}": no requirement has this id`,
        );
      checkContractLimit(requirement, input.limit, where ? `${where}.limit` : limitField);
      return {
        contractId,
        requirementId: requirement.id,
        limitValue: input.limit?.value ?? null,
        limitUnit: input.limit?.unit ?? null,
        createdAt: now,
        updatedAt: now,
      };
    });
  }
}
