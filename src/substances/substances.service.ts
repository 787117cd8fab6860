import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { checkCasNumber, checkEcNumber } from '../common/identifiers/identifiers.js';
import { normalised, normalisedOrNull } from '../common/identifiers/normalise.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { SubstanceEntity, SubstanceGroupEntity, SubstanceListEntity } from './substance.entity.js';
import type {
  CreateSubstanceInput,
  SubstanceFilter,
  SubstancesArgs,
  UpdateSubstanceInput,
} from './substance.inputs.js';

/** What a substance search matches: both names, the CAS and EC numbers (lower-cased once, here). */
export const substanceSearchText = (s: Pick<SubstanceEntity, 'name' | 'nameSv' | 'casNumber' | 'ecNumber'>) =>
  [s.name, s.nameSv ?? '', s.casNumber, s.ecNumber ?? ''].join(' ').toLowerCase();

/** The substances filter as SQL on `substances s`. */
function whereSubstance(f: SubstanceFilter): SqlWhere {
  const where = new SqlWhere()
    .search('s.search_text', f.search)
    .equal('s.cas_number', f.casNumber && normalised('filter.casNumber', f.casNumber, checkCasNumber));
  if (f.group)
    where.and('EXISTS (SELECT 1 FROM substance_groups g WHERE g.substance_id = s.id AND g.group_code = ?)', f.group);
  if (f.list)
    where.and('EXISTS (SELECT 1 FROM substance_lists l WHERE l.substance_id = s.id AND l.list_code = ?)', f.list);
  return where;
}

@Injectable()
export class SubstancesService {
  private readonly substances: TableReader<SubstanceEntity>;

  constructor(
    pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
  ) {
    this.substances = pages.table(SubstanceEntity, 'Substance with CAS number', 's', {
      column: 's.name',
      property: 'name',
    });
  }

  list(args: SubstancesArgs) {
    return this.substances.list(whereSubstance(args.filter ?? {}), args);
  }

  byCas(casNumber: string, field = 'casNumber'): Promise<SubstanceEntity> {
    const cas = normalised(field, casNumber, checkCasNumber);
    return this.substances.get(cas, 'casNumber');
  }

  async create(input: CreateSubstanceInput, actor: Principal | null): Promise<SubstanceEntity> {
    const values = {
      name: input.name.trim(),
      nameSv: input.nameSv?.trim() || null,
      casNumber: normalised('casNumber', input.casNumber, checkCasNumber),
      ecNumber: normalisedOrNull('ecNumber', input.ecNumber, checkEcNumber),
    };
    return this.tx.run(async (uow) => {
      const existing = await uow.manager.findOneBy(SubstanceEntity, { casNumber: values.casNumber });
      if (existing)
        throw conflict(
          `casNumber "${values.casNumber}": substance "${existing.name}" already has this CAS number`,
          'casNumber',
        );
      const entity = uow.manager.create(SubstanceEntity, { ...values, searchText: substanceSearchText(values) });
      await uow.manager.insert(SubstanceEntity, entity);
      await this.replaceMemberships(uow.manager, entity.id, input.groups ?? [], input.lists ?? []);
      await this.events.append(uow, actor, {
        type: 'SUBSTANCE_CREATED',
        subjectType: 'Substance',
        subjectId: entity.id,
        payload: { ...values, groups: input.groups ?? [], lists: input.lists ?? [] },
      });
      return entity;
    });
  }

  async update(casNumber: string, input: UpdateSubstanceInput, actor: Principal | null): Promise<SubstanceEntity> {
    const cas = normalised('casNumber', casNumber, checkCasNumber);
    return this.tx.run(async (uow) => {
      const entity = await uow.manager.findOneBy(SubstanceEntity, { casNumber: cas });
      if (!entity) throw notFound('Substance with CAS number', cas);
      if (input.name !== undefined) entity.name = input.name.trim();
      if (input.nameSv !== undefined) entity.nameSv = input.nameSv?.trim() || null;
      if (input.ecNumber !== undefined) entity.ecNumber = normalisedOrNull('ecNumber', input.ecNumber, checkEcNumber);
      entity.searchText = substanceSearchText(entity);
      await uow.manager.save(SubstanceEntity, entity);
      if (input.groups !== undefined || input.lists !== undefined) {
        const groups =
          input.groups ??
          (await uow.manager.findBy(SubstanceGroupEntity, { substanceId: entity.id })).map((g) => g.groupCode);
        const lists =
          input.lists ??
          (await uow.manager.findBy(SubstanceListEntity, { substanceId: entity.id })).map((l) => l.listCode);
        await this.replaceMemberships(uow.manager, entity.id, groups, lists);
      }
      await this.events.append(uow, actor, {
        type: 'SUBSTANCE_UPDATED',
        subjectType: 'Substance',
        subjectId: entity.id,
        payload: { ...input },
      });
      return entity;
    });
  }

  /** Replaces a substance's groups and lists (bulk inserts, inside the caller's transaction). */
  async replaceMemberships(
    manager: EntityManager,
    substanceId: string,
    groups: string[],
    lists: string[],
  ): Promise<void> {
    await manager.delete(SubstanceGroupEntity, { substanceId });
    await manager.delete(SubstanceListEntity, { substanceId });
    const uniqueGroups = [...new Set(groups.map((g) => g.trim().toUpperCase()))];
    const uniqueLists = [...new Set(lists)];
    if (uniqueGroups.length)
      await manager.insert(
        SubstanceGroupEntity,
        uniqueGroups.map((groupCode) => ({ substanceId, groupCode })),
      );
    if (uniqueLists.length)
      await manager.insert(
        SubstanceListEntity,
        uniqueLists.map((listCode) => ({ substanceId, listCode })),
      );
  }
}
