import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../common/scalars/date-scalars.js';
import { EventSubjectTypeEnum, EventTypeEnum, UnitEnum } from '../common/graphql-enums.js';
import { Connection } from '../common/pagination/connection.js';
import { Contract } from '../contracts/contract.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { Product } from '../products/product.model.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { Substance } from '../substances/substance.model.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { Deviation } from './deviation.model.js';
import { FollowUpStatusEnum, MethodEnum, VisibilityEnum } from './follow-up.enums.js';
import { Reuse } from './reuse.model.js';
import type { FollowUpStatus, Method, Unit, Visibility } from '../vocabulary/vocabulary.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({
  description: 'One substance measured in one part or material of the product (analysresultat).',
  implements: () => [Node],
})
export class Measurement {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field(() => Substance, { description: 'The substance measured.' }) substance?: Substance;
  @Field({ description: 'The part or material, e.g. "PVC surface".' }) part: string;
  @Field({ description: 'false: not detected, below the limit of quantification `loq`.' }) detected: boolean;
  @Field(() => Float, { nullable: true, description: 'The measured value, when detected.' }) value: number | null;
  @Field(() => Float, { nullable: true, description: 'Limit of quantification, when not detected.' }) loq:
    number | null;
  @Field(() => UnitEnum, {
    description: 'The unit of value and loq, as the laboratory reported them (converted only when compared).',
  })
  unit: Unit;
  @Field(() => Float, { nullable: true, description: 'Expanded uncertainty U, in the same unit.' }) uncertainty:
    number | null;
  @Field(() => String, {
    nullable: true,
    description: 'The laboratory method, as reported (e.g. "GC-MS, EN 14372"); null when not given.',
  })
  analyticalMethod: string | null;
  @Field(() => FollowUp, { description: 'The follow-up that recorded it.' }) followUp?: unknown;
}

@ObjectType({ description: 'One entry of the append-only log: who, which organisation, when, what.' })
export class HistoryEvent {
  @Field({ description: 'Position in the log; usable as a cursor.' }) cursor: string;
  @Field(() => EventTypeEnum, { description: 'What happened.' }) type: string;
  @Field(() => DateTimeScalar, { description: 'When it happened (UTC).' }) occurredAt: string;
  @Field(() => Organisation, { nullable: true, description: 'The acting organisation.' })
  actorOrganisation?: Organisation | null;
  @Field(() => String, { nullable: true, description: "The acting principal's name." }) actorName?: string | null;
  @Field(() => EventSubjectTypeEnum, { description: 'The type of the record it happened to.' }) subjectType: string;
  @Field(() => ID, { description: 'The id of what it is about: the follow-up, or one of its deviations or reuses.' })
  subjectId: string;
  @Field(() => String, { nullable: true, description: 'JSON summary of the change.' }) details: string | null;
}

@ObjectType({
  description: "A supplier's reply beside a follow-up's result (commentOnFollowUp).",
  implements: () => [Node],
})
export class FollowUpComment {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: 'The comment, as the supplier wrote it (plain text).' }) text: string;
  @Field(() => Supplier, { description: 'The supplier whose member wrote it.' }) supplier?: Supplier;
  @Field(() => String, { nullable: true, description: "The supplier member's name." }) authorName?: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was written (UTC).' }) createdAt: string;
}

@ObjectType({
  description: 'One verification of one product (or supplier) against requirements (uppföljning).',
  implements: () => [Node],
})
export class FollowUp {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field(() => Organisation, {
    description: 'The organisation it was recorded for (its owner), also when a delegate recorded it.',
  })
  organisation?: Organisation;
  @Field(() => Product, {
    nullable: true,
    description: 'The product verified; null for a follow-up of a supplier as a whole (e.g. an audit).',
  })
  product?: Product | null;
  @Field(() => Supplier, { description: "The supplier verified (the product's supplier when there is a product)." })
  supplier?: Supplier;
  @Field(() => Contract, {
    nullable: true,
    description: "The owner's contract it was done under; null when none was named.",
  })
  contract?: Contract | null;
  @Field(() => [ChemicalRequirement], { description: 'The requirements checked.' })
  requirements?: ChemicalRequirement[];
  @Field(() => MethodEnum, { description: 'How it was performed; decides which requirements it can decide.' })
  method: Method;
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD; for a PLANNED follow-up, when it is planned.' })
  performedOn: string | null;
  @Field(() => FollowUpStatusEnum, {
    description: 'Where it is in its life: only COMPLETED and CLOSED follow-ups count.',
  })
  status: FollowUpStatus;
  @Field(() => VisibilityEnum, {
    description: 'SHARED: every member organisation reads it; PRIVATE: its own organisation only.',
  })
  visibility: Visibility;
  @Field(() => String, {
    nullable: true,
    description:
      'null for other organisations while the report waits for the supplier’s release (requiresSupplierRelease).',
  })
  laboratory: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'null for other organisations while the report waits for the supplier’s release (requiresSupplierRelease).',
  })
  reportReference: string | null;
  @Field({
    description:
      'Set by the recording organisation: the supplier must release the report (releaseReport) before other organisations read its details.',
  })
  requiresSupplierRelease: boolean;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the supplier released the report.' })
  reportReleasedAt: string | null;
  @Field(() => [FollowUpComment], { description: "The supplier's replies beside the result, oldest first." })
  comments?: FollowUpComment[];
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD; by default 3 years from performedOn.' })
  validUntil: string | null;
  @Field(() => String, { nullable: true, description: 'Free text for every reader of the follow-up.' }) notes:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Readable only by the organisation that recorded it; null for everyone else.',
  })
  confidentialNotes?: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was retracted; null unless RETRACTED.' })
  retractedReason: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was retracted (UTC); null unless RETRACTED.' })
  retractedAt: string | null;
  @Field(() => Int, { description: 'Incremented by every change; pass it as expectedVersion to update.' })
  version: number;
  @Field(() => [Measurement], { description: 'Its laboratory results, one per substance and part.' })
  measurements?: Measurement[];
  @Field(() => [Deviation], { description: 'The deviations opened on it (by any organisation that sees it).' })
  deviations?: Deviation[];
  @Field(() => [Reuse], { description: 'The organisations that relied on it for their contracts (recordReuse).' })
  reuses?: Reuse[];
  @Field(() => [HistoryEvent], {
    description: 'Its events, oldest first: recorded, updated, completed, deviations, reuses.',
  })
  history?: HistoryEvent[];
  @Field(() => DateTimeScalar, { description: 'When it was first recorded (UTC).' }) createdAt: string;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt: string;
}

export const FollowUpConnection = Connection(FollowUp);
