import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PrincipalEntity } from '../auth/principal.entity.js';
import type { Principal } from '../auth/principal.js';
import { badInput, notFound } from '../common/errors/domain-error.js';
import { type ConnectionShape, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination/connection.js';
import { isIsoDate } from '../common/validation/is-iso-date.js';
import { whereVisible } from '../follow-ups/follow-up-access.js';
import { FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { AuditLogArgs } from './audit-log.inputs.js';
import { EventEntity } from './event.entity.js';
import { AUDIENCE_OF_SUBJECT, EVENT_SUBJECT_TYPES } from '../vocabulary/vocabulary.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_SEQ = 2_147_483_647;

/** An event with its seq as text: the entry's id and cursor. */
export type AuditLogRow = EventEntity & { id: string };

/** Administration events (members and tokens) that only the organisation they belong to may read. */
const ADMINISTRATION_SUBJECTS = EVENT_SUBJECT_TYPES.filter((s) => AUDIENCE_OF_SUBJECT[s] === 'ORGANISATION');

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(args: AuditLogArgs, viewer: Principal): Promise<ConnectionShape<AuditLogRow>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
      throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
    const newestFirst = (args.orderBy ?? 'NEWEST_FIRST') === 'NEWEST_FIRST';
    const f = args.filter ?? {};
    const from = f.from ? parseInstant('from', f.from) : null;
    const to = f.to ? parseInstant('to', f.to) : null;
    if (from && to && from > to) throw badInput('filter.to', `"${f.to}" is before filter.from "${f.from}"`);
    let after: number | null = null;
    if (args.after !== undefined && args.after !== null) {
      after = /^\d{1,10}$/.test(args.after) ? Number(args.after) : NaN;
      if (!(after >= 0 && after <= MAX_SEQ))
        throw badInput('after', `"${args.after}" is not a cursor this list issued`);
    }
    if (
      f.organisationId &&
      !(await this.dataSource.getRepository(OrganisationEntity).existsBy({ id: f.organisationId }))
    )
      throw notFound('Organisation', f.organisationId);
    if (f.principalId && !(await this.dataSource.getRepository(PrincipalEntity).existsBy({ id: f.principalId })))
      throw notFound('Principal', f.principalId);

    // The one visibility rule for follow-ups (follow-up-access.ts), as a subquery.
    const visible = whereVisible(this.dataSource.createQueryBuilder().select('f.id').from(FollowUpEntity, 'f'), viewer);
    const qb = this.dataSource
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .where(`(e.follow_up_id IS NULL OR e.follow_up_id IN (${visible.getQuery()}))`, visible.getParameters())
      .andWhere('(e.subject_type NOT IN (:...administration) OR e.actor_organisation_id = :ownOrganisation)', {
        administration: ADMINISTRATION_SUBJECTS,
        ownOrganisation: viewer.organisationId,
      });
    if (f.organisationId)
      qb.andWhere('e.actor_organisation_id = :organisationId', { organisationId: f.organisationId });
    if (f.principalId) qb.andWhere('e.actor_principal_id = :principalId', { principalId: f.principalId });
    if (f.type) qb.andWhere('e.type = :type', { type: f.type.trim() });
    if (f.subjectType) qb.andWhere('e.subject_type = :subjectType', { subjectType: f.subjectType.trim() });
    if (f.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: f.subjectId.trim() });
    if (from) qb.andWhere('e.occurred_at >= :from', { from });
    if (to) qb.andWhere('e.occurred_at <= :to', { to });

    const totalCount = await qb.clone().getCount();
    const page = qb.clone();
    if (after !== null) page.andWhere(newestFirst ? 'e.seq < :after' : 'e.seq > :after', { after });
    const rows = await page
      .orderBy('e.seq', newestFirst ? 'DESC' : 'ASC')
      .limit(first + 1)
      .getMany();
    const nodes = rows.slice(0, first).map((e) => ({ ...e, id: String(e.seq) }));
    const edges = nodes.map((node) => ({ node, cursor: node.id }));
    return {
      edges,
      nodes,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
