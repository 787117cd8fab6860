import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import type { ConnectionShape } from '../common/pagination/connection.js';
import { DEFAULT_PAGE_SIZE } from '../common/pagination/connection.js';
import { whereVisible } from '../follow-ups/follow-up-access.js';
import { FollowUpEntity, FollowUpRequirementEntity } from '../follow-ups/follow-up.entity.js';
import { ProductCategoriesService } from '../products/product-categories.service.js';
import { ProductEntity } from '../products/product.entity.js';
import { EventFeedService } from './event-feed.service.js';
import { EventStream } from './event-stream.js';
import { EventStretchCache } from './event-stretch-cache.js';
import { EventEntity } from './event.entity.js';
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

/**
 * Follow-up events for one viewer, for the `followUpEvents` subscription and the `events`
 * query alike: the same filter, the same visibility rule as every other read (an event of a
 * PRIVATE follow-up of another organisation is skipped entirely, as if it did not exist), the
 * same order (`seq`, which is commit order). The filter and visibility are judged on the
 * follow-up as it is when the event is read.
 *
 * Two ways to read, one result. The `events` query, and a stream's replay of a long stretch,
 * query per viewer: the filter and the visibility rule in SQL (`query`). Live streams instead
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

  /** One page of events after a cursor, for clients that poll. */
  async connection(
    viewer: Principal,
    args: { filter?: FollowUpEventFilter; after?: string; first?: number },
  ): Promise<ConnectionShape<FollowUpEventRow>> {
    const resolved = await this.resolve(args.filter);
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after ? Number(args.after) : 0;
    // Up to the committed head only, so a page never runs ahead of what a later page could still add.
    const head = await this.feed.readHead();
    const [rows, totalCount] = await this.feed.readCommitted(
      async (m) =>
        [
          await this.page(viewer, resolved, after, head, first + 1, m),
          await this.query(m, viewer, resolved).andWhere('e.seq <= :head', { head }).getCount(),
        ] as const,
    );
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ node, cursor: String(node.seq) }));
    return {
      edges,
      nodes,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /**
   * The matching events with `after < seq ≤ upTo`, oldest first, at most `limit`. Without a
   * manager and over a short stretch (a live stream's page): from the shared read, filtered here;
   * otherwise one query for this viewer.
   */
  private async page(
    viewer: Principal,
    filter: ResolvedFilter,
    after: number,
    upTo: number,
    limit: number,
    manager?: EntityManager,
  ): Promise<FollowUpEventRow[]> {
    if (!manager && upTo - after <= SHARED_READ_MAX_SPAN) {
      const stretch = await this.stretches.read(after, upTo);
      return selectPage(stretch, viewer, filter, after, upTo, limit).map(copyForViewer);
    }
    const read = (m: EntityManager) =>
      this.query(m, viewer, filter)
        .andWhere('e.seq > :after AND e.seq <= :upTo', { after, upTo })
        .orderBy('e.seq', 'ASC')
        .limit(limit)
        .getMany() as unknown as Promise<FollowUpEventRow[]>;
    return manager ? read(manager) : this.feed.readCommitted(read);
  }

  /**
   * Every follow-up event with `after < seq ≤ upTo`, whoever may see it, for `selectPage` to filter:
   * one query (the follow-up's requirements and its product's category joined in), frozen rows.
   */
  private readStretch(after: number, upTo: number): Promise<SharedEventRow[]> {
    return this.feed.readCommitted(async (m) => {
      const events = (await m
        .getRepository(EventEntity)
        .createQueryBuilder('e')
        .innerJoinAndMapOne('e.followUp', FollowUpEntity, 'f', 'f.id = e.follow_up_id')
        .leftJoinAndMapMany('e.checked', FollowUpRequirementEntity, 'fr', 'fr.follow_up_id = f.id')
        .leftJoinAndMapOne('e.product', ProductEntity, 'p', 'p.id = f.product_id')
        .select(['e', 'f', 'fr.followUpId', 'fr.requirementId', 'p.id', 'p.categoryId'])
        .where('e.seq > :after AND e.seq <= :upTo', { after, upTo })
        .orderBy('e.seq', 'ASC')
        .getMany()) as Array<
        EventEntity & {
          followUp: FollowUpEntity;
          checked: FollowUpRequirementEntity[];
          product?: Pick<ProductEntity, 'categoryId'> | null;
        }
      >;
      return events.map((e): SharedEventRow => {
        Object.freeze(e.followUp);
        return Object.freeze({
          seq: e.seq,
          type: e.type as FollowUpEventType,
          occurredAt: e.occurredAt,
          actorOrganisationId: e.actorOrganisationId,
          subjectType: e.subjectType,
          subjectId: e.subjectId,
          followUp: e.followUp,
          requirementIds: Object.freeze(e.checked.map((r) => r.requirementId)),
          categoryId: e.product?.categoryId ?? null,
        });
      });
    });
  }

  /** The per-viewer SQL read: the filter and the visibility rule as a WHERE clause (`matchesFollowUpEvent` is the same in memory). */
  private query(manager: EntityManager, viewer: Principal, f: ResolvedFilter) {
    const qb = manager
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .innerJoinAndMapOne('e.followUp', FollowUpEntity, 'f', 'f.id = e.follow_up_id')
      .where('e.type IN (:...types)', { types: f.types });
    whereVisible(qb, viewer, 'f');
    if (f.supplierId) qb.andWhere('f.supplier_id = :supplierId', { supplierId: f.supplierId });
    if (f.productId) qb.andWhere('f.product_id = :productId', { productId: f.productId });
    if (f.organisationId) qb.andWhere('f.organisation_id = :organisationId', { organisationId: f.organisationId });
    if (f.requirementId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM follow_up_requirements fr WHERE fr.follow_up_id = f.id AND fr.requirement_id = :requirementId)',
        { requirementId: f.requirementId },
      );
    }
    if (f.categoryIds) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM products p WHERE p.id = f.product_id AND p.category_id IN (:...categoryIds))',
        { categoryIds: f.categoryIds },
      );
    }
    return qb;
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
  };
}
