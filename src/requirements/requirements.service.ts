import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { checkCasNumber } from '../common/identifiers/identifiers.js';
import { normalised } from '../common/identifiers/normalise.js';
import type { LimitInput } from '../common/limit.js';
import { PageReader } from '../database/read/page-reader.js';
import { placeholders } from '../database/read/sql-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { ProductCategoriesService } from '../products/product-categories.service.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { LIMIT_OF_KIND, type RequirementKind } from '../vocabulary/vocabulary.js';
import { RequirementCategoryEntity, RequirementEntity, RequirementSubstanceEntity } from './requirement.entity.js';
import type { CreateRequirementInput, RequirementsArgs, UpdateRequirementInput } from './requirement.inputs.js';

/** What a requirement search matches: the code, both names and the text (lower-cased once, here). */
export const requirementSearchText = (r: Pick<RequirementEntity, 'code' | 'title' | 'nameEn' | 'text'>) =>
  [r.code, r.title, r.nameEn ?? '', r.text].join(' ').toLowerCase();

/** A LIMIT needs a limit; DOCUMENTATION has none; NOT_ADDED may add one ("not added, and ≤ 0.1 %"): LIMIT_OF_KIND. */
function checkKindAndLimit(kind: RequirementKind, limit: LimitInput | null | undefined, field: string): void {
  const rule = LIMIT_OF_KIND[kind];
  if (rule === 'REQUIRED' && !limit)
    throw badInput(field, `a ${kind} requirement needs a default limit (value and unit)`);
  if (rule === 'NONE' && limit) throw badInput(field, `a ${kind} requirement has no limit`);
}

@Injectable()
export class RequirementsService {
  private readonly requirements: TableReader<RequirementEntity>;

  constructor(
    pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    private readonly categories: ProductCategoriesService,
  ) {
    this.requirements = pages.table(RequirementEntity, 'ChemicalRequirement', 'r', {
      column: 'r.code',
      property: 'code',
    });
  }

  async list(args: RequirementsArgs) {
    const f = args.filter ?? {};
    const where = new SqlWhere().search('r.search_text', f.search).equal('r.kind', f.kind);
    if (f.substanceCas)
      where.and(
        'EXISTS (SELECT 1 FROM requirement_substances rs JOIN substances s ON s.id = rs.substance_id WHERE rs.requirement_id = r.id AND s.cas_number = ?)',
        normalised('filter.substanceCas', f.substanceCas, checkCasNumber),
      );
    if (f.categoryCode) {
      const ids = await this.categories.idsWithAncestors(f.categoryCode, 'filter.categoryCode');
      where.and(
        `EXISTS (SELECT 1 FROM requirement_categories rc WHERE rc.requirement_id = r.id AND rc.category_id IN (${placeholders(ids.length)}))`,
        ...ids,
      );
    }
    return this.requirements.list(where, args);
  }

  get(id: string): Promise<RequirementEntity> {
    return this.requirements.get(id);
  }

  async create(input: CreateRequirementInput, actor: Principal | null): Promise<RequirementEntity> {
    checkKindAndLimit(input.kind, input.defaultLimit, 'defaultLimit');
    return this.tx.run(async (uow) => {
      if (await uow.manager.existsBy(RequirementEntity, { code: input.code }))
        throw conflict(`code "${input.code}": a requirement with this code already exists`, 'code');
      const substanceIds = await this.substanceIds(uow.manager, input.substanceCas);
      const categoryIds = await this.categories.idsForCodes(uow.manager, input.categoryCodes);
      const values = {
        code: input.code,
        title: input.title.trim(),
        nameEn: input.nameEn?.trim() || null,
        text: input.text.trim(),
        kind: input.kind,
        defaultLimitValue: input.defaultLimit?.value ?? null,
        defaultLimitUnit: input.defaultLimit?.unit ?? null,
        basis: (input.basis ?? null) as RequirementEntity['basis'],
        aggregation: input.aggregation,
        legalSource: input.legalSource?.trim() || null,
      };
      const entity = uow.manager.create(RequirementEntity, { ...values, searchText: requirementSearchText(values) });
      await uow.manager.insert(RequirementEntity, entity);
      await this.replaceLinks(uow.manager, entity.id, substanceIds, categoryIds);
      await this.events.append(uow, actor, {
        type: 'REQUIREMENT_CREATED',
        subjectType: 'ChemicalRequirement',
        subjectId: entity.id,
        payload: { ...values, substanceCas: input.substanceCas, categoryCodes: input.categoryCodes },
      });
      return entity;
    });
  }

  async update(id: string, input: UpdateRequirementInput, actor: Principal | null): Promise<RequirementEntity> {
    return this.tx.run(async (uow) => {
      const entity = await uow.manager.findOneBy(RequirementEntity, { id });
      if (!entity) throw notFound('ChemicalRequirement', id);
      if (input.title !== undefined) entity.title = input.title.trim();
      if (input.nameEn !== undefined) entity.nameEn = input.nameEn?.trim() || null;
      if (input.text !== undefined) entity.text = input.text.trim();
      if (input.kind !== undefined) entity.kind = input.kind;
      if (input.defaultLimit !== undefined) {
        entity.defaultLimitValue = input.defaultLimit?.value ?? null;
        entity.defaultLimitUnit = input.defaultLimit?.unit ?? null;
      }
      if (input.basis !== undefined) entity.basis = (input.basis ?? null) as RequirementEntity['basis'];
      if (input.aggregation !== undefined) entity.aggregation = input.aggregation;
      if (input.legalSource !== undefined) entity.legalSource = input.legalSource?.trim() || null;
      const limit =
        entity.defaultLimitValue !== null && entity.defaultLimitUnit
          ? { value: entity.defaultLimitValue, unit: entity.defaultLimitUnit }
          : null;
      checkKindAndLimit(entity.kind, limit, 'defaultLimit');
      entity.searchText = requirementSearchText(entity);
      await uow.manager.save(RequirementEntity, entity);
      if (input.substanceCas !== undefined || input.categoryCodes !== undefined) {
        const substanceIds =
          input.substanceCas !== undefined
            ? await this.substanceIds(uow.manager, input.substanceCas)
            : (await uow.manager.findBy(RequirementSubstanceEntity, { requirementId: id })).map((r) => r.substanceId);
        const categoryIds =
          input.categoryCodes !== undefined
            ? await this.categories.idsForCodes(uow.manager, input.categoryCodes)
            : (await uow.manager.findBy(RequirementCategoryEntity, { requirementId: id })).map((r) => r.categoryId);
        await this.replaceLinks(uow.manager, id, substanceIds, categoryIds);
      }
      await this.events.append(uow, actor, {
        type: 'REQUIREMENT_UPDATED',
        subjectType: 'ChemicalRequirement',
        subjectId: id,
        payload: { ...input },
      });
      return entity;
    });
  }

  private async substanceIds(manager: EntityManager, casNumbers: string[]): Promise<string[]> {
    const unique = [...new Set(casNumbers.map((c, i) => normalised(`substanceCas[${i}]`, c, checkCasNumber)))];
    if (!unique.length) return [];
    const rows = await manager
      .getRepository(SubstanceEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.casNumber'])
      .where('s.cas_number IN (:...cas)', { cas: unique })
      .getMany();
    const missing = unique.filter((c) => !rows.some((r) => r.casNumber === c));
    if (missing.length)
      throw badInput(
        'substanceCas',
        `no substance has the CAS number ${missing.map((m) => `"${m}"`).join(', ')}; create it first`,
      );
    return rows.map((r) => r.id);
  }

  private async replaceLinks(
    manager: EntityManager,
    requirementId: string,
    substanceIds: string[],
    categoryIds: string[],
  ): Promise<void> {
    await manager.delete(RequirementSubstanceEntity, { requirementId });
    await manager.delete(RequirementCategoryEntity, { requirementId });
    if (substanceIds.length)
      await manager.insert(
        RequirementSubstanceEntity,
        substanceIds.map((substanceId) => ({ requirementId, substanceId })),
      );
    if (categoryIds.length)
      await manager.insert(
        RequirementCategoryEntity,
        categoryIds.map((categoryId) => ({ requirementId, categoryId })),
      );
  }
}
