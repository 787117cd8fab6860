import { Injectable } from '@nestjs/common';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput } from '../common/errors/domain-error.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { canSeeContract, canSeeReportDetails, isOwner } from '../follow-ups/follow-up-access.js';
import { FollowUpRequirementEntity } from '../follow-ups/follow-up.entity.js';
import type { FollowUpFilter } from '../follow-ups/follow-up.inputs.js';
import { followUpOrder, FollowUpQueriesService } from '../follow-ups/follow-up-queries.service.js';
import { MeasurementEntity } from '../follow-ups/measurement.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { CSV_COLUMNS, formatFollowUpCsv, LIST_SEPARATOR, type CsvColumn } from './follow-up-csv.js';
import { followUpsWorkbook, templateWorkbook } from './follow-up-workbook.js';

/** The most follow-ups one export holds; a larger selection is refused with a request to narrow the filter. */
export const MAX_EXPORT_FOLLOW_UPS = 20_000;
const IN_CHUNK = 500;

/**
 * Exports the follow-ups of a `followUps` filter as CSV in the import layout, so an export can be
 * imported again. The same filter and visibility rule as `followUps` (FollowUpQueriesService.listing):
 * another organisation's PRIVATE follow-ups are never exported, and confidential notes only to
 * the organisation that recorded them. RETRACTED follow-ups are left out: they are withdrawn, and
 * importing one again would reinstate a result its organisation took back.
 */
@Injectable()
export class FollowUpExportService {
  constructor(
    private readonly reader: SqlReader,
    private readonly pages: PageReader,
    private readonly queries: FollowUpQueriesService,
  ) {}

  async exportCsv(filter: FollowUpFilter | undefined, viewer: Principal): Promise<string> {
    return formatFollowUpCsv(await this.rows(filter, viewer));
  }

  /** The same rows as an XLSX workbook (follow-up-workbook.ts), base64-encoded for GraphQL. */
  async exportXlsx(filter: FollowUpFilter | undefined, viewer: Principal): Promise<string> {
    return (await followUpsWorkbook(await this.rows(filter, viewer))).toString('base64');
  }

  /** The import template, with the registry's substances and requirements (GET /imports/template.xlsx, `cli template`). */
  async template(): Promise<Buffer> {
    const [substances, requirements] = await Promise.all([
      this.reader.all<{ casNumber: string; ecNumber: string | null; name: string }>(
        'SELECT cas_number AS "casNumber", ec_number AS "ecNumber", name FROM substances ORDER BY cas_number',
      ),
      this.reader.all<{ code: string; title: string }>('SELECT code, title FROM requirements ORDER BY code'),
    ]);
    return templateWorkbook({ substances, requirements });
  }

  /** The rows of the export: one per measurement, the follow-up's columns repeated (follow-up-csv.ts). */
  private async rows(filter: FollowUpFilter | undefined, viewer: Principal): Promise<Array<Record<CsvColumn, string>>> {
    const listing = await this.queries.listing(filter, viewer);
    listing.where.and("f.status <> 'RETRACTED'");
    const total = await this.pages.count(listing);
    if (total > MAX_EXPORT_FOLLOW_UPS)
      throw badInput(
        'filter',
        `selects ${total} follow-ups; an export holds at most ${MAX_EXPORT_FOLLOW_UPS}, so narrow the filter (by organisation, product, supplier, category or dates)`,
      );
    const followUps = await this.pages.rows(listing, followUpOrder('PERFORMED_ON_DESC'), null, MAX_EXPORT_FOLLOW_UPS);
    const ids = followUps.map((f) => f.id);
    // In chunks (a statement's placeholders are limited), each chunk one prepared statement.
    const byKeys = <T extends ObjectLiteral>(
      entity: EntityTarget<T>,
      property: keyof T & string,
      keys: string[],
      orderBy?: string,
    ) => chunked(keys, (c) => this.reader.findIn(entity, property, c, orderBy));
    const [measurements, links] = await Promise.all([
      byKeys(MeasurementEntity, 'followUpId', ids, 'follow_up_id ASC, position ASC'),
      byKeys(FollowUpRequirementEntity, 'followUpId', ids),
    ]);
    const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => Boolean(v)))];
    const [organisations, products, suppliers, requirements, substances, contracts] = await Promise.all([
      byKeys(
        OrganisationEntity,
        'id',
        distinct(followUps.flatMap((f) => [f.organisationId, f.recordedByOrganisationId ?? ''])),
      ),
      byKeys(ProductEntity, 'id', distinct(followUps.map((f) => f.productId))),
      byKeys(SupplierEntity, 'id', distinct(followUps.map((f) => f.supplierId))),
      byKeys(RequirementEntity, 'id', distinct(links.map((l) => l.requirementId))),
      byKeys(SubstanceEntity, 'id', distinct(measurements.map((m) => m.substanceId))),
      byKeys(ContractEntity, 'id', distinct(followUps.map((f) => f.contractId))),
    ]);
    const visibleContracts = new Set(contracts.filter((c) => canSeeContract(viewer, c)).map((c) => c.id));
    const code = new Map(organisations.map((o) => [o.id, o.code]));
    const product = new Map(products.map((p) => [p.id, p]));
    const supplier = new Map(suppliers.map((s) => [s.id, s]));
    const requirement = new Map(requirements.map((r) => [r.id, r.code]));
    const cas = new Map(substances.map((s) => [s.id, s.casNumber]));
    const byFollowUp = groupBy(measurements, (m) => m.followUpId);
    const codesOf = groupBy(links, (l) => l.followUpId);

    const rows: Array<Record<CsvColumn, string>> = [];
    for (const f of followUps) {
      const p = f.productId ? product.get(f.productId) : undefined;
      const common = {
        follow_up_key: f.id,
        organisation: code.get(f.organisationId) ?? '',
        product_id: f.productId ?? '',
        product_gtin: p?.gtin ?? '',
        supplier_id: f.supplierId,
        supplier_organisation_number: supplier.get(f.supplierId)?.organisationNumber ?? '',
        contract_id: f.contractId && visibleContracts.has(f.contractId) ? f.contractId : '',
        requirement_codes: (codesOf.get(f.id) ?? [])
          .map((l) => requirement.get(l.requirementId) ?? '')
          .sort()
          .join(LIST_SEPARATOR),
        method: f.method,
        status: f.status,
        performed_on: f.performedOn ?? '',
        valid_until: f.validUntil ?? '',
        visibility: f.visibility,
        laboratory: (canSeeReportDetails(viewer, f) && f.laboratory) || '',
        report_reference: (canSeeReportDetails(viewer, f) && f.reportReference) || '',
        notes: f.notes ?? '',
        confidential_notes: isOwner(viewer, f) ? (f.confidentialNotes ?? '') : '',
        recorded_by: f.recordedByOrganisationId ? (code.get(f.recordedByOrganisationId) ?? '') : '',
      };
      const list = byFollowUp.get(f.id) ?? [];
      if (!list.length) rows.push({ ...empty(), ...common });
      for (const m of list) {
        rows.push({
          ...common,
          substance_cas: cas.get(m.substanceId) ?? '',
          part: m.part,
          detected: m.detected ? 'true' : 'false',
          value: num(m.value),
          loq: num(m.loq),
          unit: m.unit,
          uncertainty: num(m.uncertainty),
          analytical_method: m.analyticalMethod ?? '',
        });
      }
    }
    return rows;
  }
}

const num = (n: number | null): string => (n === null || n === undefined ? '' : String(n));
const empty = () => Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<CsvColumn, string>;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

async function chunked<T>(keys: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += IN_CHUNK) out.push(...(await query(keys.slice(i, i + IN_CHUNK))));
  return out;
}
