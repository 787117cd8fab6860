import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { DomainError, forbidden, notFound } from '../common/errors/domain-error.js';
import { checkGtin, checkOrganisationNumber } from '../common/identifiers/identifiers.js';
import { todayIso } from '../common/time.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { DelegationEntity } from '../delegations/delegation.entity.js';
import { delegationHolds } from '../delegations/delegation-rules.js';
import { holdingDelegation, onBehalfOf } from '../delegations/delegations.service.js';
import { TransactionService, type UnitOfWork } from '../database/transaction.service.js';
import { requirementScopes } from '../follow-ups/follow-up-rules.js';
import { isOwner } from '../follow-ups/follow-up-access.js';
import { FollowUpEntity, FollowUpRequirementEntity } from '../follow-ups/follow-up.entity.js';
import {
  FollowUpWriter,
  recordedPayload,
  type FollowUpColumns,
  type WriteProgress,
} from '../follow-ups/follow-up-writer.js';
import { MeasurementEntity } from '../follow-ups/measurement.entity.js';
import type { IdentityBasis, ImportOutcome, OnExisting } from '../vocabulary/vocabulary.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { RequirementEntity, RequirementSubstanceEntity } from '../requirements/requirement.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { type CsvRow, type RowError } from './follow-up-csv.js';
import {
  differences as diff,
  identityBasis,
  importIdentity,
  type ComparedField,
  type FollowUpDifference,
} from './follow-up-identity.js';
import { readFollowUpFile, readFollowUpText, type ImportFormat, type ReadFile } from './import-file.js';
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
  /** What to do with a CHANGED follow-up; REJECT by default. */
  onExisting?: OnExisting;
  onProgress?: (progress: ImportProgress) => void;
}

/** What the import found for one follow-up of the file (ImportedFollowUp in the schema). */
export interface FollowUpImportOutcome {
  key: string;
  row: number;
  outcome: ImportOutcome;
  followUpId: string | null;
  matchedBy: IdentityBasis | null;
  written: boolean;
  differences: FollowUpDifference[];
}

export interface ImportResultData {
  dryRun: boolean;
  onExisting: OnExisting;
  /** True when the file was accepted (its NEW and, with UPDATE, CHANGED follow-ups stored); false for a dry run and a file with errors. */
  imported: boolean;
  /** Follow-ups created or updated, and their measurements (or what a dry run would write); 0 when the file has errors. */
  followUps: number;
  measurements: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  outcomes: FollowUpImportOutcome[];
  /** Every problem of the file, by row (1 is the header) and column. */
  errors: RowError[];
  /** How the file was read; null for rows given already parsed (the dataset generator). */
  format: ImportFormat | null;
}

const IN_CHUNK = 500;
/** Classify-and-write attempts: a later one runs when another import stored the same follow-ups meanwhile. */
const ATTEMPTS = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One follow-up of the file with what the registry holds of it, and what to write. */
interface Planned {
  draft: FollowUpDraft;
  identity: string;
  outcome: ImportOutcome;
  matchedBy: IdentityBasis | null;
  stored: FollowUpEntity | null;
  differences: FollowUpDifference[];
  write: 'CREATE' | 'UPDATE' | null;
  ignore: ReadonlySet<ComparedField>;
}

/**
 * Imports follow-ups with their measurements from CSV (layout in follow-up-csv.ts and the README).
 * A file is all or nothing: it is checked as a whole, then written in ONE transaction, and a file
 * with any bad row stores nothing and lists every bad row. The checks are recordFollowUp's rules; the writes
 * go through FollowUpWriter, in bulk (the dataset generator writes through `importRows` too).
 *
 * Imports are idempotent: each follow-up of the file is looked up in the registry by its identity
 * (follow-up-identity.ts) and is NEW, UNCHANGED or CHANGED; only NEW ones are created, CHANGED ones
 * updated (onExisting UPDATE), skipped (SKIP) or refused (REJECT). The identity is stored with a
 * unique index, so when two imports of the same file race past their lookups, the later insert fails
 * and that import looks again: by then its follow-ups are UNCHANGED, and it stores nothing.
 */
@Injectable()
export class FollowUpImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly writer: FollowUpWriter,
  ) {}

  /** Imports CSV given as text (GraphQL): `,` or `;` or tabs, decimal points or commas, as found. */
  async importCsv(text: string, actor: ImportActor, options: ImportOptions = {}): Promise<ImportResultData> {
    return this.importRead(readFollowUpText(text), actor, options);
  }

  /** Imports a file's bytes: XLSX (the first sheet, or `sheet`), or CSV in any of the encodings of readFollowUpFile. */
  async importFile(
    bytes: Buffer,
    actor: ImportActor,
    options: ImportOptions & { sheet?: string | null } = {},
  ): Promise<ImportResultData> {
    return this.importRead(await readFollowUpFile(bytes, { sheet: options.sheet }), actor, options);
  }

  private async importRead(file: ReadFile, actor: ImportActor, options: ImportOptions): Promise<ImportResultData> {
    return { ...(await this.importRows(file.rows, actor, options, file.errors)), format: file.format };
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
  ): Promise<ImportResultData> {
    const dryRun = options.dryRun ?? false;
    const onExisting = options.onExisting ?? 'REJECT';
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
    const refused = (errors: RowError[]): ImportResultData => ({
      ...empty(dryRun, onExisting),
      errors: errors.sort((a, b) => a.row - b.row),
    });
    // Rows for an organisation out of reach are errors unless they change nothing, which only the lookup tells.
    if (earlier.length || found.length)
      return refused([...earlier, ...found, ...drafts.flatMap((d) => (d.foreign ? [d.foreign] : []))]);

    for (let attempt = 1; ; attempt++) {
      const { planned, errors } = await this.plan(drafts, refs, actor.principal, onExisting);
      const result = summary(planned, dryRun, onExisting);
      // Refused as a whole, but each follow-up's outcome is still told (a dry run's CHANGED ones, with their differences).
      if (errors.length)
        return { ...refused(errors), outcomes: result.outcomes.map((o) => ({ ...o, written: false })) };
      if (dryRun) return result;
      if (!result.created && !result.updated) return { ...result, imported: true }; // nothing new: nothing stored
      try {
        const created = await this.tx.run((uow) => this.write(uow, actor.principal, planned, result, progress));
        planned
          .filter((p) => p.write === 'CREATE')
          .forEach((p, i) => (result.outcomes[planned.indexOf(p)]!.followUpId = created[i]!.id));
        return { ...result, imported: true };
      } catch (error) {
        // Another import (or writer) stored one of these follow-ups meanwhile: look again.
        if (attempt < ATTEMPTS && error instanceof DomainError && error.code === 'CONFLICT') continue;
        throw error;
      }
    }
  }

  /**
   * Finds each draft's follow-up in the registry and decides what to do with it. Errors: two
   * follow-ups of the file that are one, a key that is another organisation's follow-up, and a
   * CHANGED follow-up under REJECT (or a RETRACTED one under UPDATE).
   */
  private async plan(
    drafts: readonly FollowUpDraft[],
    refs: ImportReferences,
    principal: Principal | null,
    onExisting: OnExisting,
  ): Promise<{ planned: Planned[]; errors: RowError[] }> {
    const m = this.dataSource.manager;
    const identities = drafts.map((d) => importIdentity(d));
    const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => Boolean(v)))];
    const [byIdRows, byReferenceRows, byIdentityRows] = await Promise.all([
      inChunks(
        distinct(drafts.map((d) => d.key)).filter((k) => UUID.test(k)),
        (ids) => m.find(FollowUpEntity, { where: { id: In(ids) } }),
      ),
      inChunks(distinct(drafts.map((d) => d.reportReference)), (references) =>
        m.find(FollowUpEntity, { where: { reportReference: In(references) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      ),
      inChunks(distinct(identities), (hashes) => m.find(FollowUpEntity, { where: { importIdentity: In(hashes) } })),
    ]);
    const byId = new Map(byIdRows.map((f) => [f.id, f]));
    const byIdentity = new Map(byIdentityRows.map((f) => [f.importIdentity!, f]));
    const byReference = new Map<string, FollowUpEntity>();
    for (const f of byReferenceRows) {
      const k = `${f.organisationId}\u001f${f.reportReference}`;
      // Several (recorded outside imports): the one an import stored, else the first recorded.
      if (!byReference.has(k) || (f.importIdentity && !byReference.get(k)!.importIdentity)) byReference.set(k, f);
    }

    const byContent = await this.byContent(
      drafts.filter((d, i) => identityBasis(d) === 'CONTENT' && !byId.has(d.key) && !byIdentity.has(identities[i]!)),
    );

    const errors: RowError[] = [];
    const matches = drafts.map((d, i): { stored: FollowUpEntity | null; matchedBy: IdentityBasis | null } => {
      const stored = byId.get(d.key);
      if (stored) return { stored, matchedBy: 'ID' };
      const basis = identityBasis(d);
      const found =
        basis === 'REPORT_REFERENCE'
          ? (byReference.get(`${d.organisationId}\u001f${d.reportReference}`) ?? byIdentity.get(identities[i]!))
          : (byIdentity.get(identities[i]!) ?? byContent.get(identities[i]!));
      return found ? { stored: found, matchedBy: basis } : { stored: null, matchedBy: null };
    });
    const storedIds = [...new Set(matches.flatMap((x) => (x.stored ? [x.stored.id] : [])))];
    const [links, measurements] = await Promise.all([
      inChunks(storedIds, (ids) => m.find(FollowUpRequirementEntity, { where: { followUpId: In(ids) } })),
      inChunks(storedIds, (ids) =>
        m.find(MeasurementEntity, { where: { followUpId: In(ids) }, order: { followUpId: 'ASC', position: 'ASC' } }),
      ),
    ]);
    const requirementCode = new Map([...refs.requirements].map(([code, r]) => [r.id, code]));
    const casNumber = new Map([...refs.substances].map(([cas, id]) => [id, cas]));
    const names = {
      requirementCode: (id: string) => requirementCode.get(id) ?? id,
      casNumber: (id: string) => casNumber.get(id) ?? id,
    };
    const linksOf = groupBy(links, (l) => l.followUpId);
    const measurementsOf = groupBy(measurements, (x) => x.followUpId);

    const firstOf = new Map<string, FollowUpDraft>();
    const planned = drafts.map((draft, i): Planned => {
      const { stored, matchedBy } = matches[i]!;
      const identity = identities[i]!;
      const fail = (column: string, reason: string) => errors.push({ row: draft.row, column, reason });
      const base = { draft, identity, matchedBy, stored, differences: [], ignore: new Set<ComparedField>() };
      // Two follow-ups of the file that are one: the same stored follow-up, or the same identity.
      for (const k of [identity, ...(stored ? [stored.id] : [])]) {
        const first = firstOf.get(k);
        if (first && first !== draft)
          fail(
            'follow_up_key',
            `"${draft.key}" is the same follow-up as "${first.key}" (row ${first.row}): ${sameness(draft, stored, matchedBy)}`,
          );
        else firstOf.set(k, draft);
      }
      if (!stored) {
        if (draft.foreign) errors.push(draft.foreign);
        return { ...base, outcome: 'NEW', write: draft.foreign ? null : 'CREATE' };
      }
      if (stored.organisationId !== draft.organisationId) {
        fail(
          'follow_up_key',
          `"${draft.key}" is the id of another organisation's follow-up; use a key that is not an id to record a new one`,
        );
        return { ...base, outcome: 'CHANGED', write: null };
      }
      // An export leaves another organisation's confidential notes empty: empty means "not known" then, not "none".
      const ignore = new Set<ComparedField>(
        principal && !isOwner(principal, stored) && !draft.confidentialNotes ? ['confidentialNotes'] : [],
      );
      const differences = diff(
        {
          ...stored,
          requirementIds: (linksOf.get(stored.id) ?? []).map((l) => l.requirementId),
          measurements: measurementsOf.get(stored.id) ?? [],
        },
        draft,
        names,
        ignore,
      );
      if (!differences.length) return { ...base, ignore, outcome: 'UNCHANGED', write: null };
      const changed = { ...base, ignore, differences, outcome: 'CHANGED' as const };
      if (draft.foreign) {
        errors.push(draft.foreign);
        return { ...changed, write: null };
      }
      const fields = [...new Set(differences.map((d) => d.field))].join(', ');
      if (onExisting === 'SKIP') return { ...changed, write: null };
      if (onExisting === 'REJECT') {
        fail(
          'follow_up_key',
          `"${draft.key}" is follow-up ${stored.id} (${sameness(draft, stored, matchedBy)}), stored with other values ` +
            `(${fields}); import with onExisting UPDATE to store the file's version, or SKIP to leave it`,
        );
        return { ...changed, write: null };
      }
      if (stored.status === 'RETRACTED') {
        fail('follow_up_key', `"${draft.key}" is follow-up ${stored.id}, which is RETRACTED and cannot be changed`);
        return { ...changed, write: null };
      }
      // A delegate changes only what it recorded on the organisation's behalf, and never its visibility
      // (as updateFollowUp: the organisation itself decides those).
      if (draft.recordedBy && stored.recordedByOrganisationId !== draft.recordedBy.organisationId) {
        fail(
          'follow_up_key',
          `"${draft.key}" is follow-up ${stored.id}, which the organisation recorded itself; a delegate changes only what it recorded on the organisation's behalf`,
        );
        return { ...changed, write: null };
      }
      if (draft.recordedBy && differences.some((d) => d.field === 'visibility')) {
        fail(
          'visibility',
          `follow-up ${stored.id} is ${stored.visibility}; a delegate does not change visibility, the organisation itself does`,
        );
        return { ...changed, write: null };
      }
      const holder = byIdentity.get(identity);
      if (holder && holder.id !== stored.id) {
        fail(
          identityBasis(draft) === 'REPORT_REFERENCE' ? 'report_reference' : 'follow_up_key',
          `"${draft.key}" would become the same follow-up as ${holder.id} (${sameness(draft, holder, identityBasis(draft))})`,
        );
        return { ...changed, write: null };
      }
      return { ...changed, write: 'UPDATE' };
    });
    return { planned, errors };
  }

  /**
   * Follow-ups recorded outside imports (no stored identity, no report reference) with the content
   * of one of `drafts`, by the identity their content would have: so a file holding a follow-up
   * first recorded through the API finds it too. Candidates are read by product (or, for a supplier's
   * follow-up, by supplier), then narrowed to the drafts' organisation, method and date.
   */
  private async byContent(drafts: readonly FollowUpDraft[]): Promise<Map<string, FollowUpEntity>> {
    const found = new Map<string, FollowUpEntity>();
    if (!drafts.length) return found;
    const m = this.dataSource.manager;
    const wanted = new Set(drafts.map((d) => [d.organisationId, d.method, d.performedOn ?? ''].join('\u001f')));
    const products = [...new Set(drafts.flatMap((d) => (d.productId ? [d.productId] : [])))];
    const suppliers = [...new Set(drafts.flatMap((d) => (d.productId ? [] : [d.supplierId])))];
    const unkeyed = { importIdentity: IsNull(), reportReference: IsNull() };
    const candidates = (
      await Promise.all([
        inChunks(products, (ids) => m.find(FollowUpEntity, { where: { ...unkeyed, productId: In(ids) } })),
        inChunks(suppliers, (ids) =>
          m.find(FollowUpEntity, { where: { ...unkeyed, productId: IsNull(), supplierId: In(ids) } }),
        ),
      ])
    )
      .flat()
      .filter((f) => wanted.has([f.organisationId, f.method, f.performedOn ?? ''].join('\u001f')))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const measurements = groupBy(
      await inChunks(
        candidates.map((f) => f.id),
        (ids) => m.find(MeasurementEntity, { where: { followUpId: In(ids) } }),
      ),
      (x) => x.followUpId,
    );
    for (const f of candidates) {
      const identity = importIdentity({ ...f, requirementIds: [], measurements: measurements.get(f.id) ?? [] });
      if (!found.has(identity)) found.set(identity, f);
    }
    return found;
  }

  /**
   * Stores the plan through the writer: the NEW follow-ups in bulk (one IMPORTED event naming the
   * import, then each follow-up's RECORDED or PLANNED event, which names the import too, so its
   * history starts like any other's), then each updated follow-up as a new version with its UPDATED
   * event. Returns the created follow-ups in order.
   */
  private async write(
    uow: UnitOfWork,
    principal: Principal | null,
    planned: readonly Planned[],
    result: ImportResultData,
    progress: ImportOptions['onProgress'],
  ): Promise<FollowUpEntity[]> {
    const importId = randomUUID();
    const creates = planned.filter((p) => p.write === 'CREATE');
    const updates = planned.filter((p) => p.write === 'UPDATE');
    const written = [...creates, ...updates];
    const organisations = [...new Set(written.map((p) => p.draft.organisationId))];
    // The rows were checked outside this transaction: a delegation revoked or ended since stops the import.
    const delegated = new Map(
      written.flatMap((p) => (p.draft.recordedBy ? [[p.draft.organisationId, p.draft.recordedBy] as const] : [])),
    );
    for (const [organisationId, by] of delegated) {
      if (!(await holdingDelegation(uow.manager, by.organisationId, organisationId, 'IMPORTS')))
        throw forbidden(
          `importFollowUps: the IMPORTS delegation from organisation ${organisationId} has ended or was revoked`,
        );
    }
    const created = await this.writer.create(
      uow,
      principal,
      creates.map((p) => ({ ...p.draft, importIdentity: p.identity })),
      {
        firstEvent: {
          type: 'IMPORTED',
          subjectType: 'Import',
          subjectId: importId,
          payload: {
            followUps: result.followUps,
            created: result.created,
            updated: result.updated,
            measurements: result.measurements,
            organisations,
          },
          actorOrganisationId: organisations.length === 1 ? organisations[0] : null,
        },
        payload: (f) => ({ ...recordedPayload(f), importId }),
        onProgress: (p) =>
          progress?.({
            phase: 'writing',
            totalFollowUps: result.followUps,
            totalMeasurements: result.measurements,
            ...p,
          }),
      },
    );
    for (const p of updates) {
      const d = p.draft;
      const columns: FollowUpColumns = {
        productId: d.productId,
        supplierId: d.supplierId,
        contractId: d.contractId,
        method: d.method,
        status: d.status,
        performedOn: d.performedOn,
        validUntil: d.validUntil,
        visibility: d.visibility,
        laboratory: d.laboratory,
        reportReference: d.reportReference,
        notes: d.notes,
        ...(p.ignore.has('confidentialNotes') ? {} : { confidentialNotes: d.confidentialNotes }),
        importIdentity: p.identity,
      };
      const changed = [...new Set(p.differences.map((x) => (x.field === 'measurement' ? 'measurements' : x.field)))];
      await this.writer.change(uow, principal, p.stored!, {
        expectedVersion: p.stored!.version,
        columns,
        requirementIds: d.requirementIds,
        measurements: d.measurements,
        event: {
          type: 'UPDATED',
          payload: {
            changed,
            importId,
            ...(d.recordedBy
              ? onBehalfOf({ organisationId: d.organisationId, delegationId: d.recordedBy.delegationId })
              : {}),
          },
        },
      });
    }
    return created;
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

/** How a follow-up of the file is another: for messages. */
function sameness(draft: FollowUpDraft, stored: FollowUpEntity | null, basis: IdentityBasis | null): string {
  if (basis === 'ID' && stored) return `its follow_up_key is the id ${stored.id}`;
  if (identityBasis(draft) === 'REPORT_REFERENCE')
    return `the same organisation and report_reference "${draft.reportReference}"`;
  return 'the same organisation, product, method, performed_on and measurements';
}

const empty = (dryRun: boolean, onExisting: OnExisting): ImportResultData => ({
  dryRun,
  onExisting,
  imported: false,
  followUps: 0,
  measurements: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  outcomes: [],
  errors: [],
  format: null,
});

/** The answer for a plan without errors, before anything is written. */
function summary(planned: readonly Planned[], dryRun: boolean, onExisting: OnExisting): ImportResultData {
  const written = planned.filter((p) => p.write);
  return {
    ...empty(dryRun, onExisting),
    followUps: written.length,
    measurements: written.reduce((sum, p) => sum + p.draft.measurements.length, 0),
    created: planned.filter((p) => p.write === 'CREATE').length,
    updated: planned.filter((p) => p.write === 'UPDATE').length,
    unchanged: planned.filter((p) => p.outcome === 'UNCHANGED').length,
    skipped: planned.filter((p) => p.outcome === 'CHANGED' && !p.write).length,
    outcomes: planned.map((p) => ({
      key: p.draft.key,
      row: p.draft.row,
      outcome: p.outcome,
      followUpId: p.stored?.id ?? null,
      matchedBy: p.matchedBy,
      written: p.write !== null,
      differences: p.differences,
    })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Runs an IN query per chunk of keys (bounded statements on both engines), one after the other. */
async function inChunks<T>(keys: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += IN_CHUNK) out.push(...(await query(keys.slice(i, i + IN_CHUNK))));
  return out;
}
