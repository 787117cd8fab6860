import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../common/scalars/date-scalars.js';
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
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field(() => FollowUp, { description: 'The follow-up that found it.' }) followUp?: unknown;
  @Field(() => Organisation, { description: 'The organisation that opened it.' }) organisation?: Organisation;
  @Field(() => Supplier, { description: "The supplier that must correct it (the follow-up's)." }) supplier?: Supplier;
  @Field(() => ChemicalRequirement, {
    nullable: true,
    description: 'The requirement not met; null when the deviation is not about one requirement.',
  })
  requirement?: ChemicalRequirement | null;
  @Field(() => Contract, {
    nullable: true,
    description: "The opening organisation's contract it concerns; null when none.",
  })
  contract?: Contract | null;
  @Field(() => SeverityEnum, {
    description: 'How serious it is: all but OBSERVATION demand action and colour the traffic light.',
  })
  severity: Severity;
  @Field({ description: 'What is wrong, as the opening organisation wrote it.' }) description: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The supplier's plan to correct it (respondToDeviation, or written by the opening organisation); null until there is one.",
  })
  actionPlan: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD' }) dueDate: string | null;
  @Field(() => DeviationStatusEnum, { description: 'OPEN, ACTION_PLAN_AGREED or RESOLVED.' }) status: DeviationStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was resolved (UTC); null until RESOLVED.' })
  resolvedAt: string | null;
  @Field(() => String, { nullable: true, description: 'How it was resolved; null until RESOLVED.' }) resolution:
    string | null;
  @Field(() => ActionPlanStatusEnum, {
    nullable: true,
    description:
      "The supplier's action plan (in actionPlan): PROPOSED, ACCEPTED or REJECTED by the opening organisation; null until the supplier answers.",
  })
  actionPlanStatus: ActionPlanStatus | null;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      "YYYY-MM-DD the supplier's plan promises; once ACCEPTED the deviation is due by it (the traffic light).",
  })
  actionPlanDueDate: string | null;
  @Field(() => String, { nullable: true, description: 'Why the plan was rejected.' }) actionPlanRejection:
    string | null;
  @Field(() => DateTimeScalar, { description: 'When it was opened (UTC).' }) createdAt: string;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt: string;
}
