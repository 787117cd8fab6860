import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, forbidden, notFound } from '../common/errors/domain-error.js';
import { nowIso } from '../common/time.js';
import { ContractCategoryEntity, ContractEntity } from '../contracts/contract.entity.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { TransactionService, type UnitOfWork } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { FollowUpWriter } from '../follow-ups/follow-up-writer.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ProductCategoriesService } from '../products/product-categories.service.js';
import { ProductEntity } from '../products/product.entity.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { FOCUS_AREA_STATUSES, type EventType, type FocusAreaStatus } from '../vocabulary/vocabulary.js';
import { CategoryTree } from './category-tree.js';
import {
  FocusAreaCategoryEntity,
  FocusAreaEntity,
  FocusAreaParticipantEntity,
  FocusAreaRequirementEntity,
  FocusAreaSampleEntity,
  FocusAreaSubmissionEntity,
  FocusAreaSubstanceEntity,
} from './focus-area.entity.js';
import type {
  AddToSamplingPlanArgs,
  AssignSampleArgs,
  CreateFocusAreaInput,
  FocusAreasArgs,
  FocusAreaWeightsInput,
  SubmitContractsArgs,
  UpdateFocusAreaInput,
} from './focus-area.inputs.js';
import { FocusAreaFacts } from './focus-area-facts.service.js';
import { followUpOfSample } from './sample-follow-up.js';

/** What each move needs (docs/domain.md "Focus areas"); checked in `move`. */
export const MOVE_REQUIRES: Record<Exclude<FocusAreaStatus, 'PLANNING'>, string> = {
  SAMPLING: 'at least one product in the sampling plan',
  ANALYSING: 'every sample assigned to a purchasing organisation',
  REPORTING: "every sample's follow-up COMPLETED, CLOSED or RETRACTED",
  CLOSED: 'nothing more (from REPORTING)',
};

/** While a focus area is in these statuses the sampling plan may grow and samples may be assigned. */
const PLAN_OPEN: readonly FocusAreaStatus[] = ['PLANNING', 'SAMPLING'];

/**
 * The writes of a focus area: create, update, the status moves, joining and leaving, submissions,
 * the sampling plan and its assignment (whose PLANNED follow-up goes through FollowUpWriter). Each
 * write is one transaction that appends its event to the log (subject FocusArea: the history).
 */
@Injectable()
export class FocusAreasService {
  private readonly table: TableReader<FocusAreaEntity>;

  constructor(
    pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    private readonly writer: FollowUpWriter,
    private readonly categories: ProductCategoriesService,
    private readonly facts: FocusAreaFacts,
  ) {
    this.table = pages.table(FocusAreaEntity, 'FocusArea', 'fa', { column: 'fa.title', property: 'title' });
  }

  list(args: FocusAreasArgs) {
    const where = new SqlWhere().equal('fa.status', args.status);
    if (args.year !== undefined && args.year !== null) where.and('fa.year = ?', args.year);
    return this.table.list(where, args);
  }

  get(id: string): Promise<FocusAreaEntity> {
    return this.table.get(id);
  }

  async create(input: CreateFocusAreaInput, actor: Principal): Promise<FocusAreaEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const scope = await this.scope(manager, input);
      const entity = manager.create(FocusAreaEntity, {
        year: input.year,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        status: 'PLANNING',
        costSplit: input.costSplit,
        weights: weightsJson(input.weights),
        resultsDueOn: input.resultsDueOn ?? null,
        organisationId: actor.organisationId,
      });
      await manager.insert(FocusAreaEntity, entity);
      await this.writeScope(manager, entity.id, scope);
      await this.append(uow, actor, entity.id, 'FOCUS_AREA_CREATED', {
        year: entity.year,
        title: entity.title,
        categoryCodes: input.categoryCodes,
        requirementIds: input.requirementIds,
        extraSubstanceIds: input.extraSubstanceIds,
        costSplit: entity.costSplit,
      });
      return entity;
    });
  }

  async update(id: string, input: UpdateFocusAreaInput, actor: Principal): Promise<FocusAreaEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const current = await this.forWrite(manager, id);
      if (current.status === 'CLOSED') throw conflict(`updateFocusArea: focus area ${id} is CLOSED`);
      const scoped = (['categoryCodes', 'requirementIds', 'extraSubstanceIds', 'costSplit', 'weights'] as const).filter(
        (k) => input[k] !== undefined,
      );
      if (scoped.length && current.status !== 'PLANNING')
        throw conflict(
          `${scoped[0]}: the scope of focus area ${id} changes only in PLANNING; it is ${current.status}`,
          scoped[0],
        );
      const scope = await this.scope(manager, input);
      const columns: Partial<FocusAreaEntity> = {};
      if (input.title !== undefined) columns.title = input.title.trim();
      if (input.description !== undefined) columns.description = input.description?.trim() || null;
      if (input.costSplit !== undefined) columns.costSplit = input.costSplit;
      if (input.weights !== undefined) columns.weights = weightsJson(input.weights);
      if (input.resultsDueOn !== undefined) columns.resultsDueOn = input.resultsDueOn ?? null;
      const next = Object.assign(current, columns, { updatedAt: nowIso() });
      await manager.update(FocusAreaEntity, { id }, { ...columns, updatedAt: next.updatedAt });
      await this.writeScope(manager, id, scope, true);
      await this.append(uow, actor, id, 'FOCUS_AREA_UPDATED', {
        fields: Object.keys(input).filter((k) => input[k as keyof UpdateFocusAreaInput] !== undefined),
        ...columns,
        ...(input.categoryCodes ? { categoryCodes: input.categoryCodes } : {}),
      });
      return next;
    });
  }

  /**
   * One step forward (never back, never skipping), when what the step requires holds (MOVE_REQUIRES).
   * Read and changed in one transaction under `UPDATE … WHERE status = <read>`: of two moves at once, one wins.
   */
  async move(id: string, status: FocusAreaStatus, actor: Principal): Promise<FocusAreaEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const current = await this.forWrite(manager, id);
      const from = FOCUS_AREA_STATUSES.indexOf(current.status);
      const to = FOCUS_AREA_STATUSES.indexOf(status);
      if (to !== from + 1)
        throw badInput(
          'status',
          `${status}: focus area ${id} is ${current.status}; it moves only forward, one step at a time${
            from + 1 < FOCUS_AREA_STATUSES.length ? ` (next: ${FOCUS_AREA_STATUSES[from + 1]})` : ' (it is CLOSED)'
          }`,
        );
      const unmet = await this.unmet(manager, current, status as Exclude<FocusAreaStatus, 'PLANNING'>);
      if (unmet)
        throw conflict(
          `status ${status}: needs ${MOVE_REQUIRES[status as Exclude<FocusAreaStatus, 'PLANNING'>]}; ${unmet}`,
          'status',
        );
      const updatedAt = nowIso();
      const result = await manager
        .createQueryBuilder()
        .update(FocusAreaEntity)
        .set({ status, updatedAt })
        .where('id = :id AND status = :read', { id, read: current.status })
        .execute();
      if (!result.affected) throw conflict(`focus area ${id} was moved by someone else meanwhile; reload it`, 'status');
      await this.append(uow, actor, id, 'FOCUS_AREA_MOVED', { from: current.status, to: status });
      return Object.assign(current, { status, updatedAt });
    });
  }

  /** Why the move to `status` cannot be made yet, or null. */
  private async unmet(
    manager: EntityManager,
    area: FocusAreaEntity,
    status: Exclude<FocusAreaStatus, 'PLANNING'>,
  ): Promise<string | null> {
    const samples = await manager.findBy(FocusAreaSampleEntity, { focusAreaId: area.id });
    switch (status) {
      case 'SAMPLING':
        return samples.length ? null : 'the sampling plan is empty';
      case 'ANALYSING': {
        const open = samples.filter((s) => !s.purchasingOrganisationId).length;
        return open ? `${open} of ${samples.length} samples have no purchasing organisation` : null;
      }
      case 'REPORTING': {
        const ids = samples.map((s) => s.followUpId).filter((x): x is string => Boolean(x));
        const statuses = await this.facts.followUpStatuses(manager, ids);
        const open = ids.filter(
          (fid) => !['COMPLETED', 'CLOSED', 'RETRACTED'].includes(statuses.get(fid) ?? ''),
        ).length;
        return open ? `${open} of ${samples.length} samples' follow-ups are not finished` : null;
      }
      case 'CLOSED':
        return null;
    }
  }

  /** The caller's organisation joins (PLANNING only). Joining again changes nothing and is refused as CONFLICT. */
  async join(focusAreaId: string, actor: Principal): Promise<FocusAreaEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const area = await this.forWrite(manager, focusAreaId);
      if (area.status !== 'PLANNING')
        throw conflict(`joinFocusArea: focus area ${focusAreaId} is ${area.status}; organisations join in PLANNING`);
      if (await manager.existsBy(FocusAreaParticipantEntity, { focusAreaId, organisationId: actor.organisationId }))
        throw conflict(`joinFocusArea: your organisation already participates in focus area ${focusAreaId}`);
      await manager.insert(FocusAreaParticipantEntity, {
        focusAreaId,
        organisationId: actor.organisationId,
        joinedAt: nowIso(),
      });
      await this.append(uow, actor, focusAreaId, 'FOCUS_AREA_JOINED', { organisationId: actor.organisationId });
      return area;
    });
  }

  /** The caller's organisation leaves (PLANNING only), its submissions with it. */
  async leave(focusAreaId: string, actor: Principal): Promise<FocusAreaEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const area = await this.forWrite(manager, focusAreaId);
      if (area.status !== 'PLANNING')
        throw conflict(
          `leaveFocusArea: focus area ${focusAreaId} is ${area.status}; a participant may leave only in PLANNING`,
        );
      const where = { focusAreaId, organisationId: actor.organisationId };
      if (!(await manager.existsBy(FocusAreaParticipantEntity, where)))
        throw conflict(`leaveFocusArea: your organisation does not participate in focus area ${focusAreaId}`);
      const buying = await manager.countBy(FocusAreaSampleEntity, {
        focusAreaId,
        purchasingOrganisationId: actor.organisationId,
      });
      if (buying)
        throw conflict(
          `leaveFocusArea: your organisation buys ${buying} of focus area ${focusAreaId}'s samples; a participant that buys samples stays`,
        );
      const withdrawn = await manager.countBy(FocusAreaSubmissionEntity, where);
      await manager.delete(FocusAreaSubmissionEntity, where);
      await manager.delete(FocusAreaParticipantEntity, where);
      await this.append(uow, actor, focusAreaId, 'FOCUS_AREA_LEFT', {
        organisationId: actor.organisationId,
        withdrawnContracts: withdrawn,
      });
      return area;
    });
  }

  /**
   * A participant submits its own contracts in the area (PLANNING only): another organisation's contract
   * is FORBIDDEN; one without a category in the area's is BAD_USER_INPUT naming `contractIds[i]`.
   */
  async submitContracts(args: SubmitContractsArgs, actor: Principal): Promise<FocusAreaEntity> {
    const { focusAreaId, contractIds } = args;
    const volumes = new Map<string, number>();
    (args.annualVolumes ?? []).forEach((v, i) => {
      if (!contractIds.includes(v.contractId))
        throw badInput(`annualVolumes[${i}].contractId`, `"${v.contractId}": not one of contractIds`);
      volumes.set(v.contractId, v.annualVolume);
    });
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const area = await this.forWrite(manager, focusAreaId);
      if (area.status !== 'PLANNING')
        throw conflict(
          `submitContracts: focus area ${focusAreaId} is ${area.status}; contracts are submitted in PLANNING`,
        );
      if (!(await manager.existsBy(FocusAreaParticipantEntity, { focusAreaId, organisationId: actor.organisationId })))
        throw forbidden(
          `submitContracts: your organisation does not participate in focus area ${focusAreaId}; join it first (joinFocusArea)`,
        );
      const contracts = await manager.findBy(ContractEntity, { id: In([...new Set(contractIds)]) });
      const byId = new Map(contracts.map((c) => [c.id, c]));
      const [links, areaCategories, tree] = await Promise.all([
        manager.findBy(ContractCategoryEntity, { contractId: In(contracts.map((c) => c.id).concat([''])) }),
        manager.findBy(FocusAreaCategoryEntity, { focusAreaId }),
        CategoryTree.load(manager),
      ]);
      const areaIds = areaCategories.map((c) => c.categoryId);
      contractIds.forEach((id, i) => {
        const field = `contractIds[${i}]`;
        const contract = byId.get(id);
        if (!contract) throw badInput(field, `"${id}": no contract has this id`);
        if (contract.organisationId !== actor.organisationId)
          throw forbidden(
            `submitContracts: contract ${id} (${field}) belongs to another organisation; you submit your own organisation's contracts only`,
          );
        const categories = links.filter((l) => l.contractId === id).map((l) => l.categoryId);
        if (!categories.some((c) => tree.overlaps(c, areaIds)))
          throw badInput(
            field,
            `"${id}": the contract has no product category in the focus area's (${tree.codes(areaIds).join(', ')})`,
          );
      });
      const submittedAt = nowIso();
      for (const id of new Set(contractIds)) {
        const existing = await manager.findOneBy(FocusAreaSubmissionEntity, { focusAreaId, contractId: id });
        if (existing) {
          if (volumes.has(id))
            await manager.update(
              FocusAreaSubmissionEntity,
              { focusAreaId, contractId: id },
              {
                annualVolume: volumes.get(id)!,
              },
            );
        } else
          await manager.insert(FocusAreaSubmissionEntity, {
            focusAreaId,
            contractId: id,
            organisationId: actor.organisationId,
            annualVolume: volumes.get(id) ?? null,
            submittedAt,
          });
      }
      await this.append(uow, actor, focusAreaId, 'CONTRACTS_SUBMITTED', {
        organisationId: actor.organisationId,
        contractIds: [...new Set(contractIds)],
      });
      return area;
    });
  }

  /** A candidate product into the sampling plan (PLANNING or SAMPLING); once per focus area. */
  async addToSamplingPlan(args: AddToSamplingPlanArgs, actor: Principal): Promise<FocusAreaSampleEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const area = await this.forWrite(manager, args.focusAreaId);
      if (!PLAN_OPEN.includes(area.status))
        throw conflict(
          `addToSamplingPlan: focus area ${area.id} is ${area.status}; the plan is open in PLANNING and SAMPLING`,
        );
      if (!(await manager.existsBy(ProductEntity, { id: args.productId })))
        throw badInput('productId', `"${args.productId}": no product has this id`);
      const candidates = await this.facts.candidateProductIds(manager, area.id);
      if (!candidates.has(args.productId))
        throw badInput(
          'productId',
          `"${args.productId}": not a candidate of the focus area (no submitted contract covers it)`,
        );
      if (await manager.existsBy(FocusAreaSampleEntity, { focusAreaId: area.id, productId: args.productId }))
        throw conflict(`productId "${args.productId}": the product is already in the sampling plan`, 'productId');
      const sample = manager.create(FocusAreaSampleEntity, {
        focusAreaId: area.id,
        productId: args.productId,
        analyses: args.analyses.map((a) => a.trim()).join('\n'),
        laboratory: args.laboratory.trim(),
        estimatedCost: args.estimatedCost,
        purchasingOrganisationId: null,
        followUpId: null,
      });
      await manager.insert(FocusAreaSampleEntity, sample);
      await this.append(uow, actor, area.id, 'SAMPLE_PLANNED', {
        sampleId: sample.id,
        productId: sample.productId,
        laboratory: sample.laboratory,
        estimatedCost: sample.estimatedCost,
      });
      return sample;
    });
  }

  /**
   * Gives a sample its one purchasing organisation (a participant) and creates its PLANNED follow-up
   * through FollowUpWriter, SHARED so every organisation sees the product is being bought. The claim
   * is a conditional `UPDATE … WHERE purchasing_organisation_id IS NULL` in the same transaction as the
   * follow-up: of two assignments at once exactly one changes the row; the other is CONFLICT and its
   * follow-up is rolled back with it. `follow_up_id` is unique besides.
   */
  async assignSample(args: AssignSampleArgs, actor: Principal): Promise<FocusAreaSampleEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const sample = await manager.findOneBy(FocusAreaSampleEntity, { id: args.sampleId });
      if (!sample) throw notFound('FocusAreaSample', args.sampleId);
      const area = await this.forWrite(manager, sample.focusAreaId);
      if (!PLAN_OPEN.includes(area.status))
        throw conflict(
          `assignSample: focus area ${area.id} is ${area.status}; samples are assigned in PLANNING and SAMPLING`,
        );
      if (!(await manager.existsBy(OrganisationEntity, { id: args.organisationId })))
        throw badInput('organisationId', `"${args.organisationId}": no organisation has this id`);
      if (
        !(await manager.existsBy(FocusAreaParticipantEntity, {
          focusAreaId: area.id,
          organisationId: args.organisationId,
        }))
      )
        throw badInput(
          'organisationId',
          `"${args.organisationId}": the organisation does not participate in the focus area`,
        );
      const alreadyAssigned = () =>
        conflict(
          `sampleId "${sample.id}": the sample already has a purchasing organisation; nobody buys a product twice`,
          'sampleId',
        );
      if (sample.purchasingOrganisationId) throw alreadyAssigned();
      const updatedAt = nowIso();
      const claimed = await manager
        .createQueryBuilder()
        .update(FocusAreaSampleEntity)
        .set({ purchasingOrganisationId: args.organisationId, updatedAt })
        .where('id = :id AND purchasing_organisation_id IS NULL', { id: sample.id })
        .execute();
      if (!claimed.affected) throw alreadyAssigned();
      const product = await manager.findOneByOrFail(ProductEntity, { id: sample.productId });
      const requirementIds = (await manager.findBy(FocusAreaRequirementEntity, { focusAreaId: area.id })).map(
        (r) => r.requirementId,
      );
      // Linked to the buyer's own submitted contract that covers the product, when it has one.
      const facts = await this.facts.of(manager, area.id);
      const contract = facts.submitted.find(
        (s) => s.submission.organisationId === args.organisationId && FocusAreaFacts.covers(facts.tree, s, product),
      );
      const [followUp] = await this.writer.create(uow, actor, [
        {
          ...followUpOfSample(area, sample, product, args.organisationId, requirementIds),
          contractId: contract?.contract.id ?? null,
        },
      ]);
      await manager.update(FocusAreaSampleEntity, { id: sample.id }, { followUpId: followUp!.id });
      await this.append(uow, actor, area.id, 'SAMPLE_ASSIGNED', {
        sampleId: sample.id,
        productId: sample.productId,
        organisationId: args.organisationId,
        followUpId: followUp!.id,
      });
      return Object.assign(sample, {
        purchasingOrganisationId: args.organisationId,
        followUpId: followUp!.id,
        updatedAt,
      });
    });
  }

  private async forWrite(manager: EntityManager, id: string): Promise<FocusAreaEntity> {
    const found = await manager.findOneBy(FocusAreaEntity, { id });
    if (!found) throw notFound('FocusArea', id);
    return found;
  }

  /** The categories, requirements and substances an input names, resolved (BAD_USER_INPUT for unknown ones). */
  private async scope(
    manager: EntityManager,
    input: { categoryCodes?: string[]; requirementIds?: string[]; extraSubstanceIds?: string[] },
  ) {
    const categoryIds = input.categoryCodes
      ? await this.categories.idsForCodes(manager, input.categoryCodes)
      : undefined;
    const requirementIds = input.requirementIds
      ? await existing(manager, RequirementEntity, input.requirementIds, 'requirementIds', 'requirement')
      : undefined;
    const substanceIds = input.extraSubstanceIds
      ? await existing(manager, SubstanceEntity, input.extraSubstanceIds, 'extraSubstanceIds', 'substance')
      : undefined;
    return { categoryIds, requirementIds, substanceIds };
  }

  private async writeScope(
    manager: EntityManager,
    focusAreaId: string,
    scope: Awaited<ReturnType<FocusAreasService['scope']>>,
    replace = false,
  ): Promise<void> {
    const parts = [
      [FocusAreaCategoryEntity, scope.categoryIds, 'categoryId'],
      [FocusAreaRequirementEntity, scope.requirementIds, 'requirementId'],
      [FocusAreaSubstanceEntity, scope.substanceIds, 'substanceId'],
    ] as const;
    for (const [entity, ids, column] of parts) {
      if (!ids) continue;
      if (replace) await manager.delete(entity, { focusAreaId });
      if (ids.length) await manager.insert(entity, ids.map((id) => ({ focusAreaId, [column]: id })) as never);
    }
  }

  private append(
    uow: UnitOfWork,
    actor: Principal,
    focusAreaId: string,
    type: EventType,
    payload: Record<string, unknown>,
  ) {
    return this.events.append(uow, actor, { type, subjectType: 'FocusArea', subjectId: focusAreaId, payload });
  }
}

/** The ids, each known (else BAD_USER_INPUT naming `field[i]`), without duplicates. */
async function existing(
  manager: EntityManager,
  entity: typeof RequirementEntity | typeof SubstanceEntity,
  ids: string[],
  field: string,
  what: string,
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = new Set(
    (await manager.getRepository<{ id: string }>(entity).find({ select: { id: true }, where: { id: In(unique) } })).map(
      (r) => r.id,
    ),
  );
  ids.forEach((id, i) => {
    if (!found.has(id)) throw badInput(`${field}[${i}]`, `"${id}": no ${what} has this id`);
  });
  return unique;
}

/** The weights a focus area stores: only those given (the rest keep their defaults); null for none. */
function weightsJson(input: FocusAreaWeightsInput | null | undefined): string | null {
  if (!input) return null;
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null));
  return Object.keys(given).length ? JSON.stringify(given) : null;
}
