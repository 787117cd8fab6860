import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { forbidden, notFound } from '../common/errors/domain-error.js';
import { checkGtin, checkOrganisationNumber } from '../common/identifiers/identifiers.js';
import { todayIso } from '../common/time.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { DelegationEntity } from '../delegations/delegation.entity.js';
import { delegationHolds } from '../delegations/delegation-rules.js';
import { holdingDelegation } from '../delegations/delegations.service.js';
import { TransactionService, type UnitOfWork } from '../database/transaction.service.js';
import { requirementScopes } from '../follow-ups/follow-up-rules.js';
import { FollowUpWriter, recordedPayload, type WriteProgress } from '../follow-ups/follow-up-writer.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { RequirementEntity, RequirementSubstanceEntity } from '../requirements/requirement.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { parseFollowUpCsv, type CsvRow, type RowError } from './follow-up-csv.js';
import { checkRows, type FollowUpDraft, type ImportReferences, type ImportScope } from './follow-up-rows.js';

/** Who imports. A principal (GraphQL) is held to its role; the CLI (no principal) acts as an operator. */
export interface ImportActor {
  principal: Principal | null;
  /** For rows without an `organisation`: the CLI's --organisation code; a principal's own organisation otherwise. */
  defaultOrganisationCode?: string | null;
}

export type ImportProgress =
  | { phase: 'checking'; rows: number; checked: number }
  | ({ phase: 'writing'; totalFollowUps: number; totalMeasurements: number } & WriteProgress);

export interface ImportOptions {
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOutcome {
  dryRun: boolean;
  /** True when the file was stored; false for a dry run and for a file with errors (then nothing is). */
  imported: boolean;
  /** Follow-ups and measurements stored, or that would be stored (dry run); 0 when the file has errors. */
  followUps: number;
  measurements: number;
  /** Every problem of the file, by row (1 is the header) and column. */
  errors: RowError[];
}

const IN_CHUNK = 500;

/**
 * Imports follow-ups with their measurements from CSV (layout in follow-up-csv.ts and the README).
 * A file is all or nothing: it is checked as a whole, then written in ONE transaction, and a file
 * with any bad row stores nothing and lists every bad row. The checks are recordFollowUp's rules; the writes
 * go through FollowUpWriter, in bulk (the dataset generator writes through `importRows` too).
 */
@Injectable()
export class FollowUpImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly writer: FollowUpWriter,
  ) {}

  async importCsv(text: string, actor: ImportActor, options: ImportOptions = {}): Promise<ImportOutcome> {
    const { rows, errors } = parseFollowUpCsv(text);
    return this.importRows(rows, actor, options, errors);
  }

  /**
   * Checks and stores parsed rows; `earlier` are problems found while parsing, reported with the
   * rest. The checks read outside the transaction (what they read, organisations, products,
   * suppliers, contracts, substances and requirements, is never deleted), so a large file does not
   * hold up other writers while it is checked; only the writes are one transaction.
   */
  async importRows(
    rows: readonly CsvRow[],
    actor: ImportActor,
    options: ImportOptions = {},
    earlier: RowError[] = [],
  ): Promise<ImportOutcome> {
    const dryRun = options.dryRun ?? false;
    const refs = await this.references(this.dataSource.manager, rows);
    const scope = await this.scope(this.dataSource.manager, actor, refs);
    const progress = options.onProgress;
    progress?.({ phase: 'checking', rows: rows.length, checked: 0 });
    const { drafts, errors: found } = checkRows(
      rows,
      refs,
      scope,
      progress && ((checked) => progress({ phase: 'checking', rows: rows.length, checked })),
    );
    const errors = [...earlier, ...found].sort((a, b) => a.row - b.row);
    const measurements = drafts.reduce((sum, d) => sum + d.measurements.length, 0);
    if (errors.length) return { dryRun, imported: false, followUps: 0, measurements: 0, errors };
    if (dryRun) return { dryRun, imported: false, followUps: drafts.length, measurements, errors };
    await this.tx.run((uow) => this.write(uow, actor.principal, drafts, measurements, progress));
    return { dryRun, imported: true, followUps: drafts.length, measurements, errors };
  }

  /**
   * Stores checked follow-ups through the writer, in bulk. One IMPORTED event names the import;
   * then each follow-up gets its own RECORDED (or PLANNED) event, which names the import too, so
   * its history starts like any other's.
   */
  private async write(
    uow: UnitOfWork,
    principal: Principal | null,
    drafts: readonly FollowUpDraft[],
    measurements: number,
    progress: ImportOptions['onProgress'],
  ): Promise<void> {
    const importId = randomUUID();
    const organisations = [...new Set(drafts.map((d) => d.organisationId))];
    // The rows were checked outside this transaction: a delegation revoked or ended since stops the import.
    const delegated = new Map(drafts.flatMap((d) => (d.recordedBy ? [[d.organisationId, d.recordedBy]] : [])));
    for (const [organisationId, by] of delegated) {
      if (!(await holdingDelegation(uow.manager, by.organisationId, organisationId, 'IMPORTS')))
        throw forbidden(
          `importFollowUps: the IMPORTS delegation from organisation ${organisationId} has ended or was revoked`,
        );
    }
    await this.writer.create(uow, principal, drafts, {
      firstEvent: {
        type: 'IMPORTED',
        subjectType: 'Import',
        subjectId: importId,
        payload: { followUps: drafts.length, measurements, organisations },
        actorOrganisationId: organisations.length === 1 ? organisations[0] : null,
      },
      payload: (f) => ({ ...recordedPayload(f), importId }),
      onProgress: (p) =>
        progress?.({ phase: 'writing', totalFollowUps: drafts.length, totalMeasurements: measurements, ...p }),
    });
  }

  /**
   * Whom the rows may be for: a principal (any role) its own organisation and those that delegated
   * IMPORTS to it; the operator's CLI any.
   */
  private async scope(m: EntityManager, actor: ImportActor, refs: ImportReferences): Promise<ImportScope> {
    const today = todayIso();
    if (actor.principal) {
      const own = [...refs.organisations.values()].find((o) => o.id === actor.principal!.organisationId) ?? {
        id: actor.principal.organisationId,
        code: actor.principal.organisationId,
      };
      const granted = await m.findBy(DelegationEntity, { delegateOrganisationId: own.id });
      const delegating = new Map(
        granted.filter((d) => delegationHolds(d, 'IMPORTS', today)).map((d) => [d.organisationId, d.id]),
      );
      return { today, defaultOrganisationId: own.id, onlyOrganisation: own, delegating };
    }
    const code = actor.defaultOrganisationCode;
    if (!code) return { today, defaultOrganisationId: null, onlyOrganisation: null };
    const org = refs.organisations.get(code);
    if (!org) throw notFound('Organisation', code);
    return { today, defaultOrganisationId: org.id, onlyOrganisation: null };
  }

  /** Loads what the rows refer to: all organisations, substances and requirements; products, suppliers and contracts by the keys in the file. */
  private async references(m: EntityManager, rows: readonly CsvRow[]): Promise<ImportReferences> {
    const distinct = (f: (r: CsvRow) => string) => [...new Set(rows.map(f).filter(Boolean))];
    const gtins = distinct((r) => r.values.product_gtin)
      .map(checkGtin)
      .flatMap((c) => (c.ok ? [c.value] : []));
    const numbers = distinct((r) => r.values.supplier_organisation_number)
      .map(checkOrganisationNumber)
      .flatMap((c) => (c.ok ? [c.value] : []));
    const [
      organisations,
      substances,
      requirements,
      links,
      productsById,
      productsByGtin,
      suppliersById,
      suppliersByNumber,
      contracts,
    ] = await Promise.all([
      m.find(OrganisationEntity, { select: { id: true, code: true } }),
      m.find(SubstanceEntity, { select: { id: true, casNumber: true } }),
      m.find(RequirementEntity),
      m.find(RequirementSubstanceEntity),
      inChunks(
        distinct((r) => r.values.product_id),
        (ids) => m.find(ProductEntity, { select: { id: true, supplierId: true, gtin: true }, where: { id: In(ids) } }),
      ),
      inChunks(gtins, (values) =>
        m.find(ProductEntity, { select: { id: true, supplierId: true, gtin: true }, where: { gtin: In(values) } }),
      ),
      inChunks(
        distinct((r) => r.values.supplier_id),
        (ids) => m.find(SupplierEntity, { select: { id: true }, where: { id: In(ids) } }),
      ),
      inChunks(numbers, (values) =>
        m.find(SupplierEntity, {
          select: { id: true, organisationNumber: true },
          where: { organisationNumber: In(values) },
        }),
      ),
      inChunks(
        distinct((r) => r.values.contract_id),
        (ids) => m.find(ContractEntity, { select: { id: true, organisationId: true }, where: { id: In(ids) } }),
      ),
    ]);
    const scopes = requirementScopes(requirements, links);
    return {
      organisations: new Map(organisations.map((o) => [o.code, o])),
      substances: new Map(substances.map((s) => [s.casNumber, s.id])),
      requirements: new Map(requirements.map((r, i) => [r.code, { id: r.id, scope: scopes[i]! }])),
      productsById: new Map(productsById.map((p) => [p.id, p])),
      productsByGtin: new Map(productsByGtin.map((p) => [p.gtin!, p])),
      suppliersById: new Map(suppliersById.map((s) => [s.id, s])),
      suppliersByNumber: new Map(suppliersByNumber.map((s) => [s.organisationNumber!, s])),
      contracts: new Map(contracts.map((c) => [c.id, c])),
    };
  }
}

/** Runs an IN query per chunk of keys (bounded statements on both engines), one after the other. */
async function inChunks<T>(keys: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += IN_CHUNK) out.push(...(await query(keys.slice(i, i + IN_CHUNK))));
  return out;
}
