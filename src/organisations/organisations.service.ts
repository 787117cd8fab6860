import { Inject, Injectable } from '@nestjs/common';
import { conflict, forbidden } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { checkOrganisationNumber } from '../common/identifiers/identifiers.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import type { Principal } from '../auth/principal.js';
import { OrganisationEntity } from './organisation.entity.js';
import type { CreateOrganisationInput, OrganisationFilter, OrganisationsArgs } from './organisation.inputs.js';

export const organisationSearchText = (o: Pick<OrganisationEntity, 'code' | 'name' | 'organisationNumber'>) =>
  [o.name, o.code, o.organisationNumber ?? ''].join(' ').toLowerCase();

/**
 * The organisations filter as SQL on `organisations o`. Without a kind, the member organisations:
 * suppliers' own organisations (kind SUPPLIER, issue 19) are listed only when asked for by kind.
 */
const whereOrganisation = (f: OrganisationFilter) => {
  const where = new SqlWhere().search('o.search_text', f.search).equal('o.kind', f.kind);
  return f.kind ? where : where.and("o.kind <> 'SUPPLIER'");
};

@Injectable()
export class OrganisationsService {
  private readonly organisations: TableReader<OrganisationEntity>;

  constructor(
    pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.organisations = pages.table(OrganisationEntity, 'Organisation', 'o', { column: 'o.name', property: 'name' });
  }

  list(args: OrganisationsArgs) {
    return this.organisations.list(whereOrganisation(args.filter ?? {}), args);
  }

  get(id: string): Promise<OrganisationEntity> {
    return this.organisations.get(id);
  }

  /**
   * Creates a member organisation: a registry-wide power, held by the operator's CLI (`actor` null)
   * or an ADMIN of the one operator organisation (OPERATOR_ORGANISATION), never by the ADMIN role
   * as such (issue 12).
   */
  async create(input: CreateOrganisationInput, actor: Principal | null): Promise<OrganisationEntity> {
    if (actor) await this.assertOperator(actor);
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

  private async assertOperator(actor: Principal): Promise<void> {
    const operator = this.config.operatorOrganisation;
    const own = await this.organisations.get(actor.organisationId);
    if (!operator || own.code !== operator)
      throw forbidden(
        `createOrganisation: organisations are created by the registry's operator (the CLI's \`organisation create\`${
          operator ? `, or an ADMIN of ${operator}` : ''
        }), not by an organisation's ADMIN`,
      );
  }
}
