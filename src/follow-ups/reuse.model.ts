import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Contract } from '../contracts/contract.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { VerdictEnum } from './follow-up.enums.js';
import { FollowUp } from './follow-up.model.js';

@ObjectType({ description: "An organisation relied on another's follow-up for one of its contracts." })
export class Reuse {
  @Field(() => ID) id: string;
  @Field(() => FollowUp) followUp?: unknown;
  @Field(() => Contract) contract?: Contract;
  @Field(() => Organisation) organisation?: Organisation;
  @Field({ description: 'When it was recorded.' }) createdAt: string;
}

@ObjectType()
export class ReuseRequirementDecision {
  @Field(() => ChemicalRequirement) requirement: unknown;
  @Field(() => VerdictEnum, {
    nullable: true,
    description: "For LIMIT requirements: this follow-up's results against your limit.",
  })
  verdict: string | null;
}

@ObjectType({ description: "Another organisation's follow-up, judged by the reuse rule for your contract." })
export class ReusableFollowUp {
  @Field(() => FollowUp) followUp: unknown;
  @Field() reusable: boolean;
  @Field(() => [String], { description: 'Why it can (or cannot) be reused.' }) reasons: string[];
  @Field(() => [ReuseRequirementDecision]) decides: ReuseRequirementDecision[];
}
