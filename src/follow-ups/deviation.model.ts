import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Contract } from '../contracts/contract.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { ActionPlanStatusEnum, DeviationStatusEnum, SeverityEnum } from './follow-up.enums.js';
import { FollowUp } from './follow-up.model.js';
import type { ActionPlanStatus, DeviationStatus, Severity } from '../vocabulary/vocabulary.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({
  description: 'A requirement not met (avvikelse), with an action plan and a due date.',
  implements: () => [Node],
})
export class Deviation {
  @Field(() => ID) id: string;
  @Field(() => FollowUp) followUp?: unknown;
  @Field(() => Organisation, { description: 'The organisation that opened it.' }) organisation?: Organisation;
  @Field(() => Supplier) supplier?: Supplier;
  @Field(() => ChemicalRequirement, { nullable: true }) requirement?: ChemicalRequirement | null;
  @Field(() => Contract, { nullable: true }) contract?: Contract | null;
  @Field(() => SeverityEnum) severity: Severity;
  @Field() description: string;
  @Field(() => String, { nullable: true }) actionPlan: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueDate: string | null;
  @Field(() => DeviationStatusEnum) status: DeviationStatus;
  @Field(() => String, { nullable: true }) resolvedAt: string | null;
  @Field(() => String, { nullable: true }) resolution: string | null;
  @Field(() => ActionPlanStatusEnum, {
    nullable: true,
    description:
      "The supplier's action plan (in actionPlan): PROPOSED, ACCEPTED or REJECTED by the opening organisation; null until the supplier answers.",
  })
  actionPlanStatus: ActionPlanStatus | null;
  @Field(() => String, {
    nullable: true,
    description:
      "YYYY-MM-DD the supplier's plan promises; once ACCEPTED the deviation is due by it (the traffic light).",
  })
  actionPlanDueDate: string | null;
  @Field(() => String, { nullable: true, description: 'Why the plan was rejected.' }) actionPlanRejection:
    string | null;
  @Field() createdAt: string;
  @Field() updatedAt: string;
}
