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
  @Field(() => ID) id: string;
  @Field(() => Substance) substance?: Substance;
  @Field({ description: 'The part or material, e.g. "PVC surface".' }) part: string;
  @Field({ description: 'false: not detected, below the limit of quantification `loq`.' }) detected: boolean;
  @Field(() => Float, { nullable: true, description: 'The measured value, when detected.' }) value: number | null;
  @Field(() => Float, { nullable: true, description: 'Limit of quantification, when not detected.' }) loq:
    number | null;
  @Field(() => UnitEnum) unit: Unit;
  @Field(() => Float, { nullable: true, description: 'Expanded uncertainty U, in the same unit.' }) uncertainty:
    number | null;
  @Field(() => String, { nullable: true }) analyticalMethod: string | null;
  @Field(() => FollowUp, { description: 'The follow-up that recorded it.' }) followUp?: unknown;
}

@ObjectType({ description: 'One entry of the append-only log: who, which organisation, when, what.' })
export class HistoryEvent {
  @Field({ description: 'Position in the log; usable as a cursor.' }) cursor: string;
  @Field(() => EventTypeEnum, { description: 'What happened.' }) type: string;
  @Field(() => DateTimeScalar) occurredAt: string;
  @Field(() => Organisation, { nullable: true, description: 'The acting organisation.' })
  actorOrganisation?: Organisation | null;
  @Field(() => String, { nullable: true, description: "The acting principal's name." }) actorName?: string | null;
  @Field(() => EventSubjectTypeEnum, { description: 'The type of the record it happened to.' }) subjectType: string;
  @Field(() => ID) subjectId: string;
  @Field(() => String, { nullable: true, description: 'JSON summary of the change.' }) details: string | null;
}

@ObjectType({
  description: "A supplier's reply beside a follow-up's result (commentOnFollowUp).",
  implements: () => [Node],
})
export class FollowUpComment {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => Supplier) supplier?: Supplier;
  @Field(() => String, { nullable: true, description: "The supplier member's name." }) authorName?: string | null;
  @Field(() => DateTimeScalar) createdAt: string;
}

@ObjectType({
  description: 'One verification of one product (or supplier) against requirements (uppföljning).',
  implements: () => [Node],
})
export class FollowUp {
  @Field(() => ID) id: string;
  @Field(() => Organisation) organisation?: Organisation;
  @Field(() => Product, { nullable: true }) product?: Product | null;
  @Field(() => Supplier) supplier?: Supplier;
  @Field(() => Contract, { nullable: true }) contract?: Contract | null;
  @Field(() => [ChemicalRequirement], { description: 'The requirements checked.' })
  requirements?: ChemicalRequirement[];
  @Field(() => MethodEnum) method: Method;
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD; for a PLANNED follow-up, when it is planned.' })
  performedOn: string | null;
  @Field(() => FollowUpStatusEnum) status: FollowUpStatus;
  @Field(() => VisibilityEnum) visibility: Visibility;
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
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Readable only by the organisation that recorded it; null for everyone else.',
  })
  confidentialNotes?: string | null;
  @Field(() => String, { nullable: true }) retractedReason: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) retractedAt: string | null;
  @Field(() => Int, { description: 'Incremented by every change; pass it as expectedVersion to update.' })
  version: number;
  @Field(() => [Measurement]) measurements?: Measurement[];
  @Field(() => [Deviation]) deviations?: Deviation[];
  @Field(() => [Reuse]) reuses?: Reuse[];
  @Field(() => [HistoryEvent]) history?: HistoryEvent[];
  @Field(() => DateTimeScalar) createdAt: string;
  @Field(() => DateTimeScalar) updatedAt: string;
}

export const FollowUpConnection = Connection(FollowUp);
