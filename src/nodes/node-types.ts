import { ApiTokenEntity, PrincipalEntity } from '../auth/principal.entity.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { DelegationEntity } from '../delegations/delegation.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { DeviationEntity } from '../follow-ups/deviation.entity.js';
import { FollowUpCommentEntity, FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import { FocusAreaEntity, FocusAreaSampleEntity } from '../focus-areas/focus-area.entity.js';
import { MeasurementEntity } from '../follow-ups/measurement.entity.js';
import { ReuseEntity } from '../follow-ups/reuse.entity.js';
import { ImportJobEntity } from '../import/import-job.entity.js';
import { DeliveryEntity, WatchEntity, WebhookEntity } from '../notifications/notification.entities.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ProductCategoryEntity } from '../products/product-category.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { IdentityProviderEntity, SessionEntity } from '../sign-in/sign-in.entities.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';

/** Every GraphQL type that implements `Node` with a UUID id, and the entity (table) that holds it. */
export const NODE_ENTITIES = {
  Organisation: OrganisationEntity,
  Supplier: SupplierEntity,
  Product: ProductEntity,
  ProductCategory: ProductCategoryEntity,
  Substance: SubstanceEntity,
  ChemicalRequirement: RequirementEntity,
  Contract: ContractEntity,
  FollowUp: FollowUpEntity,
  Measurement: MeasurementEntity,
  Deviation: DeviationEntity,
  Reuse: ReuseEntity,
  Principal: PrincipalEntity,
  ApiToken: ApiTokenEntity,
  Delegation: DelegationEntity,
  FollowUpComment: FollowUpCommentEntity,
  ImportJob: ImportJobEntity,
  Watch: WatchEntity,
  Webhook: WebhookEntity,
  WebhookDelivery: DeliveryEntity,
  FocusArea: FocusAreaEntity,
  FocusAreaSample: FocusAreaSampleEntity,
  IdentityProvider: IdentityProviderEntity,
  Session: SessionEntity,
} as const;

export type NodeTypeName = keyof typeof NODE_ENTITIES | 'AuditLogEntry';

/** Names the GraphQL type of a value that is not an instance of its entity (an import job's state). */
export const NODE_TYPE = Symbol('nodeType');

/** `value`, marked as of GraphQL type `type` for `nodeTypeOf`. */
export const asNode = <T extends object>(type: NodeTypeName, value: T): T =>
  Object.assign(value, { [NODE_TYPE]: type });

/**
 * The GraphQL type of a value a resolver returned where a `Node` is expected: a value marked by
 * `asNode`; else the entities are instances of their classes; an audit-log entry is an event row (it has a `seq`).
 */
export function nodeTypeOf(value: object): NodeTypeName | undefined {
  const marked = (value as { [NODE_TYPE]?: NodeTypeName })[NODE_TYPE];
  if (marked) return marked;
  for (const [name, entity] of Object.entries(NODE_ENTITIES)) if (value instanceof entity) return name as NodeTypeName;
  if (value instanceof EventEntity || 'seq' in value) return 'AuditLogEntry';
  return undefined;
}
