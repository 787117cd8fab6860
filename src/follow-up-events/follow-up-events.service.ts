import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import type { ConnectionShape } from '../common/pagination/connection.js';
import { feedCursor } from '../database/read/cursor.js';
import { type Listing, type PageOrder, PageReader, type PageRequest } from '../database/read/page-reader.js';
import { COUNT_COLUMN, SqlReader } from '../database/read/sql-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import { ReadCaches } from '../database/read/cache/read-caches.js';
import { Loaders } from '../database/read/loaders/loaders.js';
import { visibleCondition } from '../follow-ups/follow-up-access.js';
import { FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import { andFollowUp } from '../follow-ups/follow-up-where.js';
import { ProductCategoriesService } from '../products/product-categories.service.js';
import { EventFeedService } from '../events/event-feed.service.js';
import { EventStream } from '../events/event-stream.js';
import { EventStretchCache } from '../events/event-stretch-cache.js';
import { EventEntity } from '../events/event.entity.js';
import { FOLLOW_UP_EVENT_TYPES, type FollowUpEventType } from '../vocabulary/vocabulary.js';
import type { FollowUpEventFilter } from './follow-up-event.model.js';
import { type FollowUpEventFacts, type ResolvedFilter, selectPage } from './follow-up-event-match.js';

/** An event of the log with the follow-up it concerns, as read for one viewer. */
export interface FollowUpEventRow {
  seq: number;
  type: FollowUpEventType;
  occurredAt: string;
  actorOrganisationId: string | null;
  subjectType: string;
  subjectId: string;
  followUp: FollowUpEntity;
  /**
   * Loaders shared by every subscriber delivering this event from one shared read (see
   * `readStretch`); absent on rows read for one viewer. Not part of the GraphQL shape.
   */
  sharedLoaders?: Loaders;
}

/** The GraphQL shape of a row (FollowUpEvent; `actorOrganisation` resolves from the id). */
export const toFollowUpEvent = (row: FollowUpEventRow) => ({
  cursor: String(row.seq),
  type: row.type,
  occurredAt: row.occurredAt,
  actorOrganisationId: row.actorOrganisationId,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  followUp: row.followUp,
});
export type FollowUpEventShape = ReturnType<typeof toFollowUpEvent>;

/** The widest stretch of the log (in seqs) that a live page takes from the shared read; wider ones (a replay from an old cursor) query per viewer. */
export const SHARED_READ_MAX_SPAN = 500;

/** An event of a stretch as read once for all subscribers, with what the filters need beyond the follow-up's row. Frozen. */
type SharedEventRow = Readonly<FollowUpEventRow> & FollowUpEventFacts;

/** Commit order; the cursor is the event's position in the log. */
const BY_SEQ: PageOrder<FollowUpEventRow> = {
  keys: [{ column: 'e.seq', property: 'seq', direction: 'ASC' }],
  cursor: feedCursor,
};

/** An event of the log joined with the follow-up it concerns (what both reads select from). */
const EVENTS_WITH_FOLLOW_UPS = '"events" e INNER JOIN "follow_ups" f ON f.id = e.follow_up_id';

/**
 * Follow-up events for one viewer, for the `followUpEvents` subscription and the `events`
 * query alike: the same filter, the same visibility rule as every other read (an event of a
 * PRIVATE follow-up of another organisation is skipped entirely, as if it did not exist), the
 * same order (`seq`, which is commit order). The filter and visibility are judged on the
 * follow-up as it is when the event is read.
 *
 * Two ways to read, one result. The `events` query, and a stream's replay of a long stretch,
 * query per viewer: the filter and the visibility rule in SQL (`listing`). Live streams instead
 * share one read per new stretch of the log: when a write makes the head grow, every stream
 * asks for the same stretch `(previous head, new head]`, which is read once for all of them
 * (every follow-up event in it, all types and visibilities, with its follow-up, the requirements
 * it checked and its product's category; see EventStretchCache) and filtered in memory per
 * viewer by `matchesFollowUpEvent`, the SQL filter written as a function. So a write costs one
 * query however many subscribers there are, instead of one each. Each viewer gets its own copy
 * of the rows, so nothing one subscription does to its rows reaches another's.
 */
@Injectable()
export class FollowUpEventsService {
  private readonly stretches = new EventStretchCache<SharedEventRow>((after, upTo) => this.readStretch(after, upTo));

  constructor(
    private readonly feed: EventFeedService,
    private readonly categories: ProductCategoriesService,
    private readonly reader: SqlReader,
    private readonly pages: PageReader,
    private readonly caches: ReadCaches,
  ) {}

  /** A live stream from `after` (replaying what was committed since), or from now. */
  async stream(
    viewer: Principal,
    filter: FollowUpEventFilter | undefined,
    after: string | undefined,
  ): Promise<EventStream<FollowUpEventRow>> {
    const resolved = await this.resolve(filter);
    return EventStream.open(
      this.feed,
      (from, upTo, limit) => this.page(viewer, resolved, from, upTo, limit),
      after ? Number(after) : null,
    );
  }

  /**
   * One page of events after a cursor, for clients that poll. The `events` query's arguments cap
   * `first` at 100 (EventsArgs); here it is not capped, so a caller in the process may read a
   * whole stretch as one page.
   */
  async connection(
    viewer: Principal,
    args: { filter?: FollowUpEventFilter } & PageRequest,
  ): Promise<ConnectionShape<FollowUpEventRow>> {
    const listing = this.listing(viewer, await this.resolve(args.filter));
    // Up to the committed head only, so a page never runs ahead of what a later page could still add.
    listing.where.and('e.seq <= ?', await this.feed.readHead());
    return this.pages.connection(listing, BY_SEQ, args, Number.MAX_SAFE_INTEGER);
  }

  /**
   * The matching events with `after < seq ≤ upTo`, oldest first, at most `limit`. Over a short
   * stretch (a live stream's page): from the shared read, filtered here; otherwise (a replay from
   * an old cursor) one query for this viewer.
   */
  private async page(
    viewer: Principal,
    filter: ResolvedFilter,
    after: number,
    upTo: number,
    limit: number,
  ): Promise<FollowUpEventRow[]> {
    if (upTo - after <= SHARED_READ_MAX_SPAN) {
      const stretch = await this.stretches.read(after, upTo);
      return selectPage(stretch, viewer, filter, after, upTo, limit).map(copyForViewer);
    }
    const listing = this.listing(viewer, filter);
    listing.where.and('e.seq <= ?', upTo);
    return this.pages.rows(listing, BY_SEQ, [after], limit);
  }

  /**
   * Every follow-up event with `after < seq ≤ upTo`, whoever may see it, for `selectPage` to filter:
   * one query (the follow-up's requirements and its product's category joined in), frozen rows.
   *
   * The rows also carry one set of loaders for the stretch: every subscriber that delivers these
   * events resolves the follow-up's relations (product, supplier, organisation, requirements…)
   * through it, so a write fanned out to a thousand subscribers reads each relation once, not once
   * per subscriber. Loaders hold rows as the database has them, whoever asks; what a viewer may see
   * is decided by the resolvers on top (as for a follow-up reached through a relation), so sharing
   * them shares no more than the stretch itself. They live as long as the stretch is kept, and
   * every change to a row they hold is an event that moves the head (see EventStretchCache).
   */
  private async readStretch(after: number, upTo: number): Promise<SharedEventRow[]> {
    const rows = await this.reader.all(
      `SELECT ${this.eventColumns}, fr.requirement_id AS fr_requirement_id, p.category_id AS p_category_id
       FROM ${EVENTS_WITH_FOLLOW_UPS}
       LEFT JOIN follow_up_requirements fr ON fr.follow_up_id = f.id LEFT JOIN products p ON p.id = f.product_id
       WHERE e.seq > ? AND e.seq <= ? ORDER BY e.seq ASC`,
      [after, upTo],
    );
    // One row per requirement the follow-up checked (or one with none): an event's rows are adjacent.
    const events: Array<{ row: FollowUpEventRow; requirementIds: string[]; categoryId: string | null }> = [];
    for (const raw of rows) {
      const seq = Number(raw.e_seq);
      if (events.at(-1)?.row.seq !== seq)
        events.push({
          row: this.eventRows([raw])[0]!,
          requirementIds: [],
          categoryId: (raw.p_category_id as string | null) ?? null,
        });
      if (raw.fr_requirement_id) events.at(-1)!.requirementIds.push(raw.fr_requirement_id as string);
    }
    const sharedLoaders = new Loaders(this.reader, this.caches);
    return events.map(({ row, requirementIds, categoryId }): SharedEventRow => {
      Object.freeze(row.followUp);
      return Object.freeze({ ...row, requirementIds: Object.freeze(requirementIds), categoryId, sharedLoaders });
    });
  }

  /**
   * The per-viewer SQL read of the log: the filter and the visibility rule as a WHERE clause
   * (`matchesFollowUpEvent` is the same in memory), for the `events` query and long replays.
   */
  private listing(viewer: Principal, f: ResolvedFilter): Listing<FollowUpEventRow> {
    const visible = visibleCondition(viewer);
    const where = andFollowUp(new SqlWhere().in('e.type', f.types).and(visible.sql, ...visible.params), f);
    return {
      from: EVENTS_WITH_FOLLOW_UPS,
      where,
      select: this.eventColumns,
      read: async (sql, params) => this.eventRows(await this.reader.all(sql, params)),
      readWithCount: async (sql, params) => {
        const rows = await this.reader.all(sql, params);
        return { nodes: this.eventRows(rows), count: rows.length ? Number(rows[0]![COUNT_COLUMN]) : null };
      },
    };
  }

  /** The columns of an event (`e_…`) and of its follow-up (`f_…`), for `eventRows`. */
  private get eventColumns(): string {
    return `${this.reader.selectList(EventEntity, 'e', 'e_')}, ${this.reader.selectList(FollowUpEntity, 'f', 'f_')}`;
  }

  /** Rows of `eventColumns` as events with their follow-ups. */
  private eventRows(rows: ReadonlyArray<Record<string, unknown>>): FollowUpEventRow[] {
    const events = this.reader.hydrate(EventEntity, rows, 'e_');
    const followUps = this.reader.hydrate(FollowUpEntity, rows, 'f_');
    return events.map((e, i) => ({
      seq: e.seq,
      type: e.type as FollowUpEventType,
      occurredAt: e.occurredAt,
      actorOrganisationId: e.actorOrganisationId,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      followUp: followUps[i]!,
    }));
  }

  /** Checks the filter once, when the subscription starts: an unknown category is BAD_USER_INPUT. */
  private async resolve(filter: FollowUpEventFilter | undefined): Promise<ResolvedFilter> {
    const f = filter ?? {};
    const types = f.types?.length ? [...new Set(f.types)] : FOLLOW_UP_EVENT_TYPES;
    const categoryIds = f.categoryCode
      ? await this.categories.idsWithDescendants(f.categoryCode, 'filter.categoryCode')
      : undefined;
    return {
      types,
      supplierId: f.supplierId,
      productId: f.productId,
      requirementId: f.requirementId,
      organisationId: f.organisationId,
      categoryIds,
    };
  }
}

/** A viewer's own row (and follow-up object) from a shared one: field resolvers may not reach other subscribers' rows. */
function copyForViewer(shared: SharedEventRow): FollowUpEventRow {
  return {
    seq: shared.seq,
    type: shared.type,
    occurredAt: shared.occurredAt,
    actorOrganisationId: shared.actorOrganisationId,
    subjectType: shared.subjectType,
    subjectId: shared.subjectId,
    followUp: Object.assign(Object.create(FollowUpEntity.prototype) as FollowUpEntity, shared.followUp),
    sharedLoaders: shared.sharedLoaders,
  };
}
