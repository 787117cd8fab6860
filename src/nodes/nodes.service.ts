import { Injectable } from '@nestjs/common';
import type { ObjectLiteral } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { Role, roleAtLeast } from '../auth/role.js';
import { AuditLogService } from '../audit-log/audit-log.service.js';
import { badInput } from '../common/errors/domain-error.js';
import type { Loaders } from '../database/read/loaders/loaders.js';
import { withSubstances } from '../database/read/loaders/follow-up.loaders.js';
import { placeholders, SqlReader } from '../database/read/sql-reader.js';
import { canSee } from '../follow-ups/follow-up-access.js';
import { FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import type { MeasurementEntity } from '../follow-ups/measurement.entity.js';
import type { ProductEntity } from '../products/product.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { asNode, NODE_ENTITIES } from './node-types.js';
import { ApiTokenEntity, PrincipalEntity } from '../auth/principal.entity.js';
import type { DelegationEntity } from '../delegations/delegation.entity.js';
import type { ImportJobEntity } from '../import/import-job.entity.js';
import { ImportJobsService } from '../import/import-jobs.service.js';
import { importJobOf } from '../import/import.model.js';
import { type DeliveryEntity, WebhookEntity } from '../notifications/notification.entities.js';
import { toModel } from '../sign-in/identity-providers.service.js';
import type { IdentityProviderEntity, SessionEntity } from '../sign-in/sign-in.entities.js';

/** At most this many ids in one `nodes(ids)`, as a page holds at most 100 rows. */
export const MAX_NODE_IDS = 100;

type TypeName = keyof typeof NODE_ENTITIES;

/**
 * What a SUPPLIER member may reach by id, as its other paths show it (`followUps`, `followUp` and
 * their `measurements`, `deviations`, `comments` and `product`; `watches`, `webhooks`,
 * `webhookDeliveries`; `focusArea`): the follow-ups the visibility rule shows it with their
 * measurements, deviations and comments, its own supplier's products, its own watches, webhooks and
 * their deliveries, and the focus areas. Every other type is null to it, whatever the id.
 */
const SUPPLIER_TYPES: ReadonlySet<TypeName> = new Set([
  'FollowUp',
  'Measurement',
  'Deviation',
  'FollowUpComment',
  'Product',
  'Watch',
  'Webhook',
  'WebhookDelivery',
  'FocusArea',
]);

/** A log position: what an audit-log entry's id is. */
const SEQ = /^\d{1,10}$/;

/**
 * `node(id)` and `nodes(ids)`: which table holds each id (one UNION ALL over the tables), then the
 * records through the request's loaders (one statement per type present), each shown only under
 * the rule its own list or lookup applies: follow-ups by the visibility rule, their measurements,
 * deviations, reuses and comments by their follow-up's; principals and tokens to an ADMIN of their
 * organisation; audit-log entries to an ADMIN as the audit log shows them; delegations to an ADMIN
 * of either organisation (`delegations`); import jobs to a CONTACT_PERSON or above of the job's
 * organisation (`importJob`); watches, webhooks and a webhook's deliveries to their owner only
 * (`watches`, `webhooks`, `webhookDeliveries`); identity providers and sessions to an ADMIN of their
 * organisation (`identityProviders`, `sessions`). A SUPPLIER member reaches only what SUPPLIER_TYPES
 * names, its products only if they are its own supplier's. Anything else is null.
 */
@Injectable()
export class NodesService {
  constructor(
    private readonly reader: SqlReader,
    private readonly auditLog: AuditLogService,
    private readonly importJobs: ImportJobsService,
  ) {}

  async find(ids: readonly string[], viewer: Principal, loaders: Loaders): Promise<Array<ObjectLiteral | null>> {
    if (ids.length > MAX_NODE_IDS) throw badInput('ids', `at most ${MAX_NODE_IDS} ids, got ${ids.length}`);
    const wanted = [...new Set(ids)];
    const found = new Map<string, ObjectLiteral>();
    const [types, entries] = await Promise.all([
      this.typesOf(wanted.filter((id) => !SEQ.test(id))),
      this.auditEntries(
        wanted.filter((id) => SEQ.test(id)),
        viewer,
      ),
    ]);
    for (const entry of entries) found.set(entry.id, entry);
    const byType = new Map<TypeName, string[]>();
    for (const { t, id } of types) byType.set(t, [...(byType.get(t) ?? []), id]);
    await Promise.all(
      [...byType].map(async ([type, typeIds]) => {
        const rows = await this.visible(type, typeIds, viewer, loaders);
        for (const row of rows) if (row) found.set(row.id as string, row);
      }),
    );
    return ids.map((id) => found.get(id) ?? null);
  }

  /** Which table holds each id: one statement. */
  private async typesOf(ids: string[]): Promise<Array<{ t: TypeName; id: string }>> {
    if (!ids.length) return [];
    const parts = Object.entries(NODE_ENTITIES).map(
      ([name, entity]) =>
        `SELECT '${name}' AS t, id FROM ${this.reader.tableOf(entity)} WHERE id IN (${placeholders(ids.length)})`,
    );
    return this.reader.all<{ t: TypeName; id: string }>(
      parts.join(' UNION ALL '),
      parts.flatMap(() => ids),
    );
  }

  private async auditEntries(ids: string[], viewer: Principal): Promise<Array<ObjectLiteral & { id: string }>> {
    if (!ids.length || viewer.role !== Role.ADMIN) return [];
    return this.auditLog.bySeq(ids.map(Number), viewer);
  }

  /** The records of one type, each or null as the caller may see it. */
  private async visible(
    type: TypeName,
    ids: string[],
    viewer: Principal,
    loaders: Loaders,
  ): Promise<Array<ObjectLiteral | null>> {
    if (viewer.role === Role.SUPPLIER && !SUPPLIER_TYPES.has(type)) return ids.map(() => null);
    const rows = (await loaders.byId(NODE_ENTITIES[type] as never).loadMany(ids)).map((r) =>
      r instanceof Error ? null : (r as ObjectLiteral | null),
    );
    switch (type) {
      case 'FollowUp':
        return rows.map((f) => (f && canSee(viewer, f as FollowUpEntity) ? f : null));
      case 'Measurement':
      case 'Deviation':
      case 'Reuse':
      case 'FollowUpComment': {
        const followUps = await loaders.byId(FollowUpEntity).loadMany(rows.map((r) => (r?.followUpId as string) ?? ''));
        const seen = rows.map((r, i) => {
          const f = followUps[i];
          return r && f && !(f instanceof Error) && canSee(viewer, f) ? r : null;
        });
        if (type !== 'Measurement') return seen;
        // A Measurement arrives with its substance (it has no resolver of its own).
        const measurements = seen.filter(Boolean) as MeasurementEntity[];
        const substances = await loaders.byId(SubstanceEntity).loadMany(measurements.map((m) => m.substanceId));
        withSubstances(measurements, substances);
        return seen;
      }
      case 'Product':
        // A supplier member reaches products only as its follow-ups' products: its own supplier's.
        return viewer.role === Role.SUPPLIER
          ? rows.map((p) => (p && (p as ProductEntity).supplierId === viewer.supplierId ? p : null))
          : rows;
      case 'Principal':
        return rows.map((p) => (p && manages(viewer, (p as PrincipalEntity).organisationId) ? p : null));
      case 'ApiToken': {
        const principals = await loaders
          .byId(PrincipalEntity)
          .loadMany(rows.map((t) => ((t as ApiTokenEntity | null)?.principalId as string) ?? ''));
        return rows.map((t, i) => {
          const p = principals[i];
          return t && p && !(p instanceof Error) && manages(viewer, p.organisationId) ? t : null;
        });
      }
      case 'Delegation':
        return rows.map((d) => {
          const delegation = d as DelegationEntity | null;
          return delegation &&
            viewer.role === Role.ADMIN &&
            [delegation.organisationId, delegation.delegateOrganisationId].includes(viewer.organisationId)
            ? delegation
            : null;
        });
      case 'ImportJob':
        return rows.map((j) => {
          const job = j as ImportJobEntity | null;
          return job && roleAtLeast(viewer.role, Role.CONTACT_PERSON) && job.organisationId === viewer.organisationId
            ? asNode('ImportJob', importJobOf(this.importJobs.stateOf(job)))
            : null;
        });
      case 'Watch':
      case 'Webhook':
        return rows.map((r) => (r && r.principalId === viewer.principalId ? r : null));
      case 'WebhookDelivery': {
        const deliveries = rows as Array<DeliveryEntity | null>;
        const webhooks = await loaders.byId(WebhookEntity).loadMany(deliveries.map((d) => d?.webhookId ?? ''));
        return deliveries.map((d, i) => {
          const w = webhooks[i];
          return d && d.channel === 'WEBHOOK' && w && !(w instanceof Error) && w.principalId === viewer.principalId
            ? d
            : null;
        });
      }
      case 'IdentityProvider':
        return rows.map((r) => {
          const provider = r as IdentityProviderEntity | null;
          return provider && manages(viewer, provider.organisationId)
            ? asNode('IdentityProvider', toModel(provider))
            : null;
        });
      case 'Session':
        return rows.map((r) => (r && manages(viewer, (r as SessionEntity).organisationId) ? r : null));
      default:
        return rows;
    }
  }
}

/** An ADMIN of the organisation: who may read its members and tokens. */
const manages = (viewer: Principal, organisationId: string) =>
  viewer.role === Role.ADMIN && viewer.organisationId === organisationId;
