import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { checkOrganisationNumber } from '../common/identifiers/identifiers.js';
import { likePattern, paginate } from '../database/read/page-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import type { Principal } from '../auth/principal.js';
import { OrganisationEntity } from './organisation.entity.js';
import type { CreateOrganisationInput, OrganisationsArgs } from './organisation.inputs.js';

export const organisationSearchText = (o: Pick<OrganisationEntity, 'code' | 'name' | 'organisationNumber'>) =>
  [o.name, o.code, o.organisationNumber ?? ''].join(' ').toLowerCase();

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
  ) {}

  list(args: OrganisationsArgs) {
    const qb = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (args.filter?.search) qb.andWhere("o.search_text LIKE :q ESCAPE '\\'", { q: likePattern(args.filter.search) });
    if (args.filter?.kind) qb.andWhere('o.kind = :kind', { kind: args.filter.kind });
    return paginate(qb, args, [{ column: 'o.name', property: 'name' }]);
  }

  async get(id: string): Promise<OrganisationEntity> {
    const found = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
    if (!found) throw notFound('Organisation', id);
    return found;
  }

  async byCode(code: string): Promise<OrganisationEntity> {
    const found = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ code });
    if (!found) throw notFound('Organisation', code);
    return found;
  }

  async create(input: CreateOrganisationInput, actor: Principal | null): Promise<OrganisationEntity> {
    const organisationNumber = input.organisationNumber
      ? (checkOrganisationNumber(input.organisationNumber) as { value: string }).value
      : null;
    return this.tx.run(async ({ manager, afterCommit }) => {
      const repo = manager.getRepository(OrganisationEntity);
      if (await repo.existsBy({ code: input.code }))
        throw conflict(`code "${input.code}": an organisation with this code already exists`, 'code');
      if (organisationNumber && (await repo.existsBy({ organisationNumber }))) {
        throw conflict(
          `organisationNumber "${organisationNumber}": an organisation with this number already exists`,
          'organisationNumber',
        );
      }
      const values = {
        code: input.code,
        name: input.name.trim(),
        kind: input.kind as OrganisationEntity['kind'],
        countyCode: input.countyCode ?? null,
        organisationNumber,
      };
      const entity = repo.create({ ...values, searchText: organisationSearchText(values) });
      await repo.insert(entity);
      await this.events.append({ manager, afterCommit }, actor, {
        type: 'ORGANISATION_CREATED',
        subjectType: 'Organisation',
        subjectId: entity.id,
        payload: { code: entity.code },
      });
      return entity;
    });
  }
}
