/**
 * Who is told of what (DOMAIN.md "Suppliers and notifications"), as plain functions over facts
 * the deriver gathers. No Nest, no TypeORM.
 */
import { canSee } from '../follow-ups/follow-up-access.js';
import type { Principal } from '../auth/principal.js';
import {
  COUNTING_STATUSES,
  type FollowUpStatus,
  type NotificationReason,
  SUPPLIER_ANSWER_EVENTS,
  type Visibility,
  type WatchKind,
} from '../vocabulary/vocabulary.js';

export interface FollowUpFacts {
  id: string;
  visibility: Visibility;
  organisationId: string;
  supplierId: string;
  productId: string | null;
  requirementIds: readonly string[];
}

/** A watch with what is needed to judge it: whose it is, and whether the watcher may see the follow-up. */
export interface WatcherFacts {
  principalId: string;
  organisationId: string;
  supplierId: string | null;
  kind: WatchKind;
  targetId: string;
  /** For CONTRACTS: the watcher's organisation has a contract with the follow-up's supplier. */
  contractWithSupplier: boolean;
}

/** A person to tell, and why. */
export interface Recipient {
  principalId: string;
  reason: NotificationReason;
}

/** The reason an event of the log gives to those watching its follow-up, or null (RETRACTED tells reusers: see `reuseRecipients`). */
export function reasonOfEvent(type: string, payloadStatus: string | null): NotificationReason | null {
  if (type === 'COMPLETED') return 'FOLLOW_UP_COMPLETED';
  // A follow-up recorded (or imported) as already done is completed as it appears.
  if (type === 'RECORDED' && payloadStatus && (COUNTING_STATUSES as readonly string[]).includes(payloadStatus))
    return 'FOLLOW_UP_COMPLETED';
  if ((SUPPLIER_ANSWER_EVENTS as readonly string[]).includes(type)) return 'SUPPLIER_ANSWER';
  return null;
}

/** Whether a watch is about the follow-up. */
export function watchMatches(w: WatcherFacts, f: FollowUpFacts): boolean {
  switch (w.kind) {
    case 'PRODUCT':
      return f.productId === w.targetId;
    case 'SUPPLIER':
      return f.supplierId === w.targetId;
    case 'REQUIREMENT':
      return f.requirementIds.includes(w.targetId);
    case 'CONTRACTS':
      return w.contractWithSupplier;
  }
}

/** The watcher as a viewer, for the visibility rule: nobody is told of what they may not read. */
export const viewerOf = (w: Pick<WatcherFacts, 'principalId' | 'organisationId' | 'supplierId'>): Principal => ({
  principalId: w.principalId,
  organisationId: w.organisationId,
  supplierId: w.supplierId,
  role: w.supplierId ? 'SUPPLIER' : 'READER',
  tokenId: '',
  name: '',
});

/**
 * The watchers to tell of an event with `reason` on follow-up `f`: each once, however many of its
 * watches match, never the one who acted, never one who may not see the follow-up.
 */
export function watcherRecipients(
  reason: NotificationReason,
  f: FollowUpFacts & { status?: FollowUpStatus },
  watchers: readonly WatcherFacts[],
  actorPrincipalId: string | null,
): Recipient[] {
  const told = new Set<string>();
  for (const w of watchers) {
    if (w.principalId === actorPrincipalId || told.has(w.principalId)) continue;
    if (!watchMatches(w, f) || !canSee(viewerOf(w), f)) continue;
    told.add(w.principalId);
  }
  return [...told].map((principalId) => ({ principalId, reason }));
}

/** A reuse of a retracted follow-up: the one who recorded it, and whoever watches its organisation's contracts. */
export interface ReuseFacts {
  organisationId: string;
  principalId: string | null;
}

export function reuseRecipients(
  f: FollowUpFacts,
  reuses: readonly ReuseFacts[],
  watchers: readonly WatcherFacts[],
  members: ReadonlyMap<string, Pick<WatcherFacts, 'organisationId' | 'supplierId'>>,
  actorPrincipalId: string | null,
): Recipient[] {
  const reusing = new Set(reuses.map((r) => r.organisationId));
  const told = new Set<string>();
  for (const r of reuses) if (r.principalId) told.add(r.principalId);
  for (const w of watchers) if (w.kind === 'CONTRACTS' && reusing.has(w.targetId)) told.add(w.principalId);
  told.delete(actorPrincipalId ?? '');
  return [...told]
    .filter((id) => {
      const m = members.get(id);
      return m && canSee(viewerOf({ principalId: id, ...m }), f);
    })
    .map((principalId) => ({ principalId, reason: 'REUSE_RETRACTED' as const }));
}
