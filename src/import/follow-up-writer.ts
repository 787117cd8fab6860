import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { nowIso } from '../common/time.js';
import { bulkInsert } from '../database/bulk-insert.js';
import type { UnitOfWork } from '../database/transaction.service.js';
import type { EventLogService } from '../events/event-log.service.js';
import type { FollowUpDraft } from './follow-up-rows.js';

const FOLLOW_UP_COLUMNS = [
  'id',
  'organisation_id',
  'product_id',
  'supplier_id',
  'contract_id',
  'method',
  'performed_on',
  'status',
  'visibility',
  'laboratory',
  'report_reference',
  'valid_until',
  'notes',
  'confidential_notes',
  'retracted_reason',
  'retracted_at',
  'status_before_retraction',
  'version',
  'created_by_principal_id',
  'created_at',
  'updated_at',
];
const MEASUREMENT_COLUMNS = [
  'id',
  'follow_up_id',
  'substance_id',
  'part',
  'part_key',
  'detected',
  'value',
  'loq',
  'unit',
  'uncertainty',
  'analytical_method',
  'position',
  'created_at',
];
const EVENT_COLUMNS = [
  'type',
  'occurred_at',
  'actor_principal_id',
  'actor_organisation_id',
  'subject_type',
  'subject_id',
  'follow_up_id',
  'payload',
];

/** Follow-ups written per step, so progress can be reported while one transaction runs. */
const STEP = 2_000;

export interface WriteProgress {
  followUps: number;
  measurements: number;
}

/**
 * Stores checked follow-ups (FollowUpDraft, from checkRows) inside the caller's transaction, in
 * bulk: the rows recordFollowUp would store (follow-up, requirement links, measurements), and the
 * events. One IMPORTED event names the import (appended through the event log, so subscribers
 * hear of it after commit and, on PostgreSQL, it takes the log's ordering lock before any of the
 * import's events draw a `seq`); then each follow-up gets its own RECORDED (or PLANNED) event,
 * so its history starts like any other's.
 */
export async function writeFollowUps(
  uow: UnitOfWork,
  events: EventLogService,
  drafts: readonly FollowUpDraft[],
  actor: Principal | null,
  onProgress?: (done: WriteProgress) => void,
): Promise<{ importId: string; followUps: number; measurements: number }> {
  const { manager } = uow;
  const importId = randomUUID();
  const now = nowIso();
  const ids = drafts.map(() => randomUUID());
  let measurements = 0;
  for (let start = 0; start < drafts.length; start += STEP) {
    const chunk = drafts.slice(start, start + STEP);
    const followUpRows = chunk.map((d, i) => [
      ids[start + i]!,
      d.organisationId,
      d.productId,
      d.supplierId,
      d.contractId,
      d.method,
      d.performedOn,
      d.status,
      d.visibility,
      d.laboratory,
      d.reportReference,
      d.validUntil,
      d.notes,
      d.confidentialNotes,
      null,
      null,
      null,
      1,
      actor?.principalId ?? null,
      now,
      now,
    ]);
    await bulkInsert(manager, 'follow_ups', FOLLOW_UP_COLUMNS, followUpRows);
    await bulkInsert(
      manager,
      'follow_up_requirements',
      ['follow_up_id', 'requirement_id'],
      chunk.flatMap((d, i) => d.requirementIds.map((r) => [ids[start + i]!, r])),
    );
    const measurementRows = chunk.flatMap((d, i) =>
      d.measurements.map((m, position) => [
        randomUUID(),
        ids[start + i]!,
        m.substanceId,
        m.part,
        m.part.toLowerCase(),
        m.detected,
        m.detected ? m.value : null,
        m.detected ? null : m.loq,
        m.unit,
        m.detected ? m.uncertainty : null,
        m.analyticalMethod,
        position,
        now,
      ]),
    );
    await bulkInsert(manager, 'measurements', MEASUREMENT_COLUMNS, measurementRows);
    measurements += measurementRows.length;
    onProgress?.({ followUps: Math.min(start + STEP, drafts.length), measurements });
  }

  const organisations = [...new Set(drafts.map((d) => d.organisationId))];
  await events.append(uow, actor, {
    type: 'IMPORTED',
    subjectType: 'Import',
    subjectId: importId,
    payload: { followUps: drafts.length, measurements, organisations },
    actorOrganisationId: organisations.length === 1 ? organisations[0] : null,
  });
  for (let start = 0; start < drafts.length; start += STEP) {
    const eventRows = drafts.slice(start, start + STEP).map((d, i) => {
      const id = ids[start + i]!;
      const payload = {
        status: d.status,
        method: d.method,
        productId: d.productId,
        supplierId: d.supplierId,
        requirementIds: d.requirementIds,
        measurements: d.measurements.length,
        importId,
      };
      return [
        d.status === 'PLANNED' ? 'PLANNED' : 'RECORDED',
        now,
        actor?.principalId ?? null,
        actor?.organisationId ?? d.organisationId,
        'FollowUp',
        id,
        id,
        JSON.stringify(payload),
      ];
    });
    await bulkInsert(manager, 'events', EVENT_COLUMNS, eventRows);
  }
  return { importId, followUps: drafts.length, measurements };
}
