import { Injectable } from '@nestjs/common';
import { PrincipalEntity } from '../auth/principal.entity.js';
import type { Principal } from '../auth/principal.js';
import { badInput, notFound } from '../common/errors/domain-error.js';
import type { ConnectionShape } from '../common/pagination/connection.js';
import { isIsoDate } from '../common/validation/is-iso-date.js';
import { seqCursor } from '../database/read/cursor.js';
import { mapNodes, type PageOrder, PageReader } from '../database/read/page-reader.js';
import { placeholders, SqlReader } from '../database/read/sql-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import { visibleCondition } from '../follow-ups/follow-up-access.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { AuditLogArgs } from './audit-log.inputs.js';
import type { AuditLogOrder } from './audit-log.model.js';
import { EventEntity } from '../events/event.entity.js';
import { AUDIENCE_OF_SUBJECT, EVENT_SUBJECT_TYPES } from '../vocabulary/vocabulary.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An event with its seq as text: the entry's id and cursor. */
export type AuditLogRow = EventEntity & { id: string };

/** Administration events that only the organisation they belong to may read. */
const ADMINISTRATION_SUBJECTS = EVENT_SUBJECT_TYPES.filter((s) => AUDIENCE_OF_SUBJECT[s] === 'ORGANISATION');

/** By position in the log, which is commit order; the cursor is the position (seq). */
const ORDERS: Record<AuditLogOrder, PageOrder<AuditLogRow>> = {
  NEWEST_FIRST: { keys: [{ column: 'e.seq', property: 'seq', direction: 'DESC' }], cursor: seqCursor },
  OLDEST_FIRST: { keys: [{ column: 'e.seq', property: 'seq', direction: 'ASC' }], cursor: seqCursor },
};

/**
 * A bound of the time filter as the stored form (ISO UTC text, compared as text). A bare date
 * means 00:00 UTC that day for `from`, and the whole day for `to`.
 */
export function parseInstant(field: 'from' | 'to', value: string): string {
  const text = value.trim();
  const day = text.slice(0, 10);
  if (text === day && isIsoDate(day)) {
    const midnight = Date.parse(`${day}T00:00:00.000Z`);
    return new Date(field === 'from' ? midnight : midnight + 86_400_000 - 1).toISOString();
  }
  const at = DATE_TIME.test(text) && isIsoDate(day) ? new Date(text) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw badInput(
      `filter.${field}`,
      `"${value}" must be a date YYYY-MM-DD or a date-time with a zone, e.g. 2026-06-30T12:00:00Z`,
    );
  return at.toISOString();
}

/**
 * The audit trail for ADMINs: the event log as a cursor connection (cursor = seq). It covers the
 * whole registry (the log is how members trust each other's records), under the same
 * confidentiality rules as every other path: events of a follow-up the ADMIN may not see
 * (another organisation's PRIVATE one) are left out, and so are the member and token
 * administration events of other organisations. Payloads never hold confidential text
 * (EventLogService redacts it on the way in).
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly reader: SqlReader,
    private readonly pages: PageReader,
  ) {}

  async list(args: AuditLogArgs, viewer: Principal): Promise<ConnectionShape<AuditLogRow>> {
    const f = args.filter ?? {};
    const from = f.from ? parseInstant('from', f.from) : null;
    const to = f.to ? parseInstant('to', f.to) : null;
    if (from && to && from > to) throw badInput('filter.to', `"${f.to}" is before filter.from "${f.from}"`);
    // The filter is built once `first` and `after` are known to be good (a bad cursor reads nothing).
    const listing = async () => {
      if (f.organisationId && !(await this.reader.existsBy(OrganisationEntity, { id: f.organisationId })))
        throw notFound('Organisation', f.organisationId);
      if (f.principalId && !(await this.reader.existsBy(PrincipalEntity, { id: f.principalId })))
        throw notFound('Principal', f.principalId);
      const where = visibleEntries(viewer)
        .equal('e.actor_organisation_id', f.organisationId)
        .equal('e.actor_principal_id', f.principalId);
      where.equal('e.type', f.type).equal('e.subject_type', f.subjectType);
      if (f.subjectId) where.and('e.subject_id = ?', f.subjectId.trim());
      if (from) where.and('e.occurred_at >= ?', from);
      if (to) where.and('e.occurred_at <= ?', to);
      return mapNodes(this.pages.listing(EventEntity, 'e', where), toRow);
    };
    return this.pages.connection(listing, ORDERS[args.orderBy ?? 'NEWEST_FIRST'], args);
  }

  /** The entries at these positions (`seq`) that the viewer's audit log shows, in one query (for `nodes`). */
  async bySeq(seqs: readonly number[], viewer: Principal): Promise<AuditLogRow[]> {
    if (!seqs.length) return [];
    const listing = this.pages.listing(EventEntity, 'e', visibleEntries(viewer).in('e.seq', seqs));
    const rows = await listing.read(
      `SELECT ${listing.select} FROM ${listing.from}${listing.where.sql}`,
      listing.where.params,
    );
    return rows.map(toRow);
  }
}

const toRow = (e: EventEntity): AuditLogRow => ({ ...e, id: String(e.seq) });

/**
 * What an ADMIN's audit log shows: events of follow-ups the viewer may see (the one visibility rule,
 * follow-up-access.ts, as a subquery) and only its own organisation's member and token administration.
 */
function visibleEntries(viewer: Principal): SqlWhere {
  const visible = visibleCondition(viewer);
  return new SqlWhere()
    .and(
      `(e.follow_up_id IS NULL OR e.follow_up_id IN (SELECT f.id FROM follow_ups f WHERE ${visible.sql}))`,
      ...visible.params,
    )
    .and(
      `(e.subject_type NOT IN (${placeholders(ADMINISTRATION_SUBJECTS.length)}) OR e.actor_organisation_id = ?)`,
      ...ADMINISTRATION_SUBJECTS,
      viewer.organisationId,
    );
}
