import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { checkCountryCode, checkOrganisationNumber } from '../common/identifiers/identifiers.js';
import { normalised, normalisedOrNull } from '../common/identifiers/normalise.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { TransactionService } from '../database/transaction.service.js';
import { EventLogService } from '../events/event-log.service.js';
import { SupplierEntity } from './supplier.entity.js';
import type { CreateSupplierInput, SupplierFilter, SuppliersArgs, UpdateSupplierInput } from './supplier.inputs.js';

const searchText = (s: Pick<SupplierEntity, 'name' | 'organisationNumber'>) =>
  [s.name, s.organisationNumber ?? ''].join(' ').toLowerCase();

/** The suppliers filter as SQL on `suppliers s`. */
const whereSupplier = (f: SupplierFilter) =>
  new SqlWhere()
    .search('s.search_text', f.search)
    .equal(
      's.organisation_number',
      f.organisationNumber && normalised('filter.organisationNumber', f.organisationNumber, checkOrganisationNumber),
    )
    .equal('s.country', f.country && normalised('filter.country', f.country, checkCountryCode));

@Injectable()
export class SuppliersService {
  private readonly suppliers: TableReader<SupplierEntity>;

  constructor(
    pages: PageReader,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
  ) {
    this.suppliers = pages.table(SupplierEntity, 'Supplier', 's', { column: 's.name', property: 'name' });
  }

  list(args: SuppliersArgs) {
    return this.suppliers.list(whereSupplier(args.filter ?? {}), args);
  }

  get(id: string): Promise<SupplierEntity> {
    return this.suppliers.get(id);
  }

  async create(input: CreateSupplierInput, actor: Principal | null): Promise<SupplierEntity> {
    const values = {
      name: input.name.trim(),
      country: normalised('country', input.country ?? 'SE', checkCountryCode),
      organisationNumber: normalisedOrNull('organisationNumber', input.organisationNumber, checkOrganisationNumber),
    };
    this.checkNumberFitsCountry(values.country, values.organisationNumber);
    return this.tx.run(async (uow) => {
      await this.assertNumberFree(uow.manager, values.organisationNumber, null);
      const entity = uow.manager.create(SupplierEntity, { ...values, searchText: searchText(values) });
      await uow.manager.insert(SupplierEntity, entity);
      await this.events.append(uow, actor, {
        type: 'SUPPLIER_CREATED',
        subjectType: 'Supplier',
        subjectId: entity.id,
        payload: values,
      });
      return entity;
    });
  }

  async update(id: string, input: UpdateSupplierInput, actor: Principal | null): Promise<SupplierEntity> {
    return this.tx.run(async (uow) => {
      const entity = await uow.manager.findOneBy(SupplierEntity, { id });
      if (!entity) throw notFound('Supplier', id);
      const changes: Partial<SupplierEntity> = {};
      if (input.name !== undefined) changes.name = input.name.trim();
      if (input.country !== undefined) changes.country = normalised('country', input.country, checkCountryCode);
      if (input.organisationNumber !== undefined)
        changes.organisationNumber = normalisedOrNull(
          'organisationNumber',
          input.organisationNumber,
          checkOrganisationNumber,
        );
      Object.assign(entity, changes);
      this.checkNumberFitsCountry(entity.country, entity.organisationNumber);
      await this.assertNumberFree(uow.manager, entity.organisationNumber, id);
      entity.searchText = searchText(entity);
      await uow.manager.save(SupplierEntity, entity);
      await this.events.append(uow, actor, {
        type: 'SUPPLIER_UPDATED',
        subjectType: 'Supplier',
        subjectId: id,
        payload: changes,
      });
      return entity;
    });
  }

  private checkNumberFitsCountry(country: string, organisationNumber: string | null): void {
    if (organisationNumber && country !== 'SE') {
      throw badInput(
        'organisationNumber',
        `"${organisationNumber}": a Swedish organisationsnummer is only for suppliers in SE, not ${country}`,
      );
    }
  }

  private async assertNumberFree(
    manager: EntityManager,
    organisationNumber: string | null,
    selfId: string | null,
  ): Promise<void> {
    if (!organisationNumber) return;
    const other = await manager.findOneBy(SupplierEntity, { organisationNumber });
    if (other && other.id !== selfId) {
      throw conflict(
        `organisationNumber "${organisationNumber}": supplier "${other.name}" (${other.id}) already has this number`,
        'organisationNumber',
      );
    }
  }
}
