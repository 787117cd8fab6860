import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { conflict } from '../common/errors/domain-error.js';
import { nowIso } from '../common/time.js';
import { bulkInsert, type Insertable } from '../database/bulk-insert.js';
import type { UnitOfWork } from '../database/transaction.service.js';
import type { MeasurementFact } from '../evaluation/evaluate.js';
import { EventLogService, type NewEvent } from '../events/event-log.service.js';
import type { EventType } from '../vocabulary/vocabulary.js';
import { FollowUpEntity, FollowUpRequirementEntity } from './follow-up.entity.js';
import { partKeyOf } from './follow-up-rules.js';
import { MeasurementEntity } from './measurement.entity.js';

/**
 * A result to store, checked by its caller against the rules and with its substance resolved: the
 * fields the evaluation reads (MeasurementFact's own), plus the method text. The writer stores the
 * part trimmed (with its lower-case key, by which parts match), a value and an uncertainty only for
 * a detected result, and an LOQ only for one not detected.
 */
export interface NewMeasurement extends Pick<
  MeasurementFact,
  'substanceId' | 'part' | 'detected' | 'value' | 'loq' | 'unit' | 'uncertainty'
> {
  analyticalMethod: string | null;
}

/** A follow-up to create, checked by its caller (recordFollowUp, the import, the seeds) and with its references resolved. */
export interface NewFollowUp {
  /** The seeds give ids derived from their keys; otherwise a new UUID. */
  id?: string;
  organisationId: string;
  productId: string | null;
  supplierId: string;
  contractId: string | null;
  method: FollowUpEntity['method'];
  status: FollowUpEntity['status'];
  performedOn: string | null;
  validUntil: string | null;
  visibility: FollowUpEntity['visibility'];
  laboratory: string | null;
  reportReference: string | null;
  notes: string | null;
  confidentialNotes: string | null;
  /** The supplier must release the report before others read its details; false when omitted. */
  requiresSupplierRelease?: boolean;
  requirementIds: readonly string[];
  measurements: readonly NewMeasurement[];
  /** The delegate that records it on `organisationId`'s behalf, and under which delegation; absent: the organisation itself. */
  recordedBy?: { organisationId: string; delegationId: string };
  /** Its identity in imported files (src/import/follow-up-identity.ts); only the import sets it. */
  importIdentity?: string | null;
  /** A follow-up created RETRACTED (the demo seeds): why, and the status it had. */
  retraction?: { reason: string | null; previousStatus: FollowUpEntity['status'] };
}

/** The columns a change may set: a follow-up's own fields, never its id, owner, creator, version or timestamps. */
export type FollowUpColumns = Partial<
  Omit<
    Insertable<FollowUpEntity>,
    | 'id'
    | 'organisationId'
    | 'createdByPrincipalId'
    | 'recordedByOrganisationId'
    | 'version'
    | 'createdAt'
    | 'updatedAt'
  >
>;

/** A change of one follow-up: what updateFollowUp, the lifecycle transitions and retractFollowUp write. */
export interface FollowUpChange {
  /** The version the caller means to change (an API's expectedVersion); when absent, the version it read. */
  expectedVersion?: number | null;
  columns?: FollowUpColumns;
  /** Replaces the requirement links. */
  requirementIds?: readonly string[];
  /** Replaces every measurement. */
  measurements?: readonly NewMeasurement[];
  /** The change's event; the writer adds the new `version` to its payload. */
  event: { type: EventType; payload: Record<string, unknown> };
}

export interface WriteProgress {
  followUps: number;
  measurements: number;
}

export interface CreateOptions {
  /** Each follow-up's event payload; by default `recordedPayload`, what recordFollowUp's event says. */
  payload?: (followUp: NewFollowUp) => Record<string, unknown>;
  /** An event appended before the follow-ups' own (the import's IMPORTED), once their rows are written. */
  firstEvent?: NewEvent;
  onProgress?: (done: WriteProgress) => void;
}

/** Follow-ups written per step, so progress can be reported while one transaction runs. */
const STEP = 2_000;

/** What a new follow-up's event (PLANNED or RECORDED) says of it. */
export const recordedPayload = (f: NewFollowUp): Record<string, unknown> => ({
  status: f.status,
  method: f.method,
  productId: f.productId,
  supplierId: f.supplierId,
  requirementIds: f.requirementIds,
  measurements: f.measurements.length,
  ...(f.recordedBy ? { onBehalfOfOrganisationId: f.organisationId, delegationId: f.recordedBy.delegationId } : {}),
});

/**
 * The one writer of follow-ups, their requirement links, their measurements and their events,
 * inside the caller's transaction: recordFollowUp, updateFollowUp, the lifecycle transitions,
 * retractFollowUp, the import (and so the dataset generator) and the seeds all store through it.
 * Callers check and resolve (the rules of follow-up-rules.ts, references, who may write); the writer
 * decides how rows are stored: columns from the entities' metadata, bulk inserts, events through
 * the event log (redaction and ordering lock included), appended after the rows.
 *
 * It holds the measurement cache's rule (ReadCaches): measurements are cached under
 * `<follow-up id>@<version>`, so every change of a follow-up's measurements must make a new
 * version in the same transaction. Measurements are written here only, either with a new
 * follow-up (version 1) or by `change`, which always increments the version, optimistically:
 * `UPDATE … WHERE version = <read>`, so of two writers of one version only one succeeds.
 */
@Injectable()
export class FollowUpWriter {
  constructor(private readonly events: EventLogService) {}

  /**
   * Creates follow-ups with their requirement links and measurements at version 1, then appends
   * `firstEvent` (if any) and one PLANNED or RECORDED event per follow-up, in the order given.
   * Returns the follow-ups as stored.
   */
  async create(
    uow: UnitOfWork,
    actor: Principal | null,
    followUps: readonly NewFollowUp[],
    options: CreateOptions = {},
  ): Promise<FollowUpEntity[]> {
    const { manager } = uow;
    const now = nowIso();
    const created = followUps.map((f) =>
      Object.assign(new FollowUpEntity(), {
        id: f.id ?? randomUUID(),
        organisationId: f.organisationId,
        productId: f.productId,
        supplierId: f.supplierId,
        contractId: f.contractId,
        method: f.method,
        performedOn: f.performedOn,
        status: f.status,
        visibility: f.visibility,
        laboratory: f.laboratory,
        reportReference: f.reportReference,
        validUntil: f.validUntil,
        notes: f.notes,
        confidentialNotes: f.confidentialNotes,
        retractedReason: f.retraction ? f.retraction.reason : null,
        retractedAt: f.retraction ? now : null,
        statusBeforeRetraction: f.retraction ? f.retraction.previousStatus : null,
        version: 1,
        createdByPrincipalId: actor?.principalId ?? null,
        recordedByOrganisationId: f.recordedBy?.organisationId ?? null,
        importIdentity: f.importIdentity ?? null,
        requiresSupplierRelease: f.requiresSupplierRelease ?? false,
        reportReleasedAt: null,
        createdAt: now,
        updatedAt: now,
      } satisfies Insertable<FollowUpEntity>),
    );
    let measurements = 0;
    for (let start = 0; start < created.length; start += STEP) {
      const chunk = created.slice(start, start + STEP);
      await bulkInsert(manager, FollowUpEntity, chunk);
      await bulkInsert(
        manager,
        FollowUpRequirementEntity,
        chunk.flatMap((f, i) => links(f.id, followUps[start + i]!.requirementIds)),
      );
      const rows = chunk.flatMap((f, i) => measurementRows(f.id, followUps[start + i]!.measurements, now));
      await bulkInsert(manager, MeasurementEntity, rows);
      measurements += rows.length;
      options.onProgress?.({ followUps: start + chunk.length, measurements });
    }
    const payload = options.payload ?? recordedPayload;
    await this.events.appendMany(uow, actor, [
      ...(options.firstEvent ? [options.firstEvent] : []),
      ...followUps.map((f, i) => {
        const { id } = created[i]!;
        return {
          type: f.status === 'PLANNED' ? ('PLANNED' as const) : ('RECORDED' as const),
          subjectType: 'FollowUp' as const,
          subjectId: id,
          followUpId: id,
          payload: payload(f),
          actorOrganisationId: f.organisationId,
        };
      }),
    ]);
    return created;
  }

  /**
   * Changes a follow-up as `current` was read in this transaction: makes version `current.version + 1`
   * (CONFLICT when `expectedVersion` is another, or when another writer got there first), sets the
   * columns, replaces the requirement links and the measurements where given, and appends the event
   * with the new version. Returns the follow-up as it now is. `actor` is null for the CLI's import.
   */
  async change(
    uow: UnitOfWork,
    actor: Principal | null,
    current: FollowUpEntity,
    change: FollowUpChange,
  ): Promise<FollowUpEntity> {
    const { manager } = uow;
    const { id, version: read } = current;
    const expected = change.expectedVersion;
    if (expected !== undefined && expected !== null && expected !== read) {
      throw conflict(
        `expectedVersion ${expected}: follow-up ${id} is at version ${read}; reload it and apply your change again`,
        'expectedVersion',
      );
    }
    const now = nowIso();
    const next = Object.assign(new FollowUpEntity(), current, change.columns, { version: read + 1, updatedAt: now });
    const result = await manager
      .createQueryBuilder()
      .update(FollowUpEntity)
      .set({ ...change.columns, version: next.version, updatedAt: now })
      .where('id = :id AND version = :read', { id, read })
      .execute();
    if (!result.affected)
      throw conflict(
        `follow-up ${id} was changed by someone else meanwhile; reload it and apply your change again`,
        'expectedVersion',
      );
    if (change.requirementIds) {
      await manager.delete(FollowUpRequirementEntity, { followUpId: id });
      await bulkInsert(manager, FollowUpRequirementEntity, links(id, change.requirementIds));
    }
    if (change.measurements) {
      await manager.delete(MeasurementEntity, { followUpId: id });
      await bulkInsert(manager, MeasurementEntity, measurementRows(id, change.measurements, now));
    }
    await this.events.append(uow, actor, {
      type: change.event.type,
      subjectType: 'FollowUp',
      subjectId: id,
      followUpId: id,
      payload: { ...change.event.payload, version: next.version },
      actorOrganisationId: current.organisationId,
    });
    return next;
  }
}

function links(followUpId: string, requirementIds: readonly string[]): Insertable<FollowUpRequirementEntity>[] {
  return requirementIds.map((requirementId) => ({ followUpId, requirementId }));
}

/** The stored rows of a follow-up's measurements, in the order given (`position`). */
function measurementRows(
  followUpId: string,
  measurements: readonly NewMeasurement[],
  createdAt: string,
): Insertable<MeasurementEntity>[] {
  return measurements.map((m, position) => {
    const part = m.part.trim();
    return {
      id: randomUUID(),
      followUpId,
      substanceId: m.substanceId,
      part,
      partKey: partKeyOf(part),
      detected: m.detected,
      value: m.detected ? m.value : null,
      loq: m.detected ? null : m.loq,
      unit: m.unit,
      uncertainty: m.detected ? m.uncertainty : null,
      analyticalMethod: m.analyticalMethod,
      position,
      createdAt,
    };
  });
}
