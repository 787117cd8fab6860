import { Field, Float, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { UnitEnum } from '../common/graphql-enums.js';
import { Limit } from '../common/limit.js';
import { Contract } from '../contracts/contract.model.js';
import { LimitSourceEnum, SubstanceStatusEnum, VerdictEnum } from '../follow-ups/follow-up.enums.js';
import { FollowUp, Measurement } from '../follow-ups/follow-up.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { Product } from '../products/product.model.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { Substance } from '../substances/substance.model.js';
import type { LimitSource, SubstanceStatus, Unit, Verdict } from '../vocabulary/vocabulary.js';

@ObjectType({
  description: "One substance in one part: the deciding (most recent) measurement, converted into the limit's unit.",
})
export class SubstanceEvaluation {
  @Field(() => Substance, { description: 'The substance in scope of the requirement.' }) substance: unknown;
  @Field(() => SubstanceStatusEnum, { description: 'Whether it has a comparable result in the part.' })
  status: SubstanceStatus;
  @Field(() => VerdictEnum, {
    nullable: true,
    description: 'For EACH aggregation; null under SUM or when not measured.',
  })
  verdict: Verdict | null;
  @Field(() => Measurement, { nullable: true, description: 'The deciding result; null when NOT_MEASURED.' })
  measurement: unknown;
  @Field(() => FollowUp, { nullable: true, description: 'The follow-up the deciding measurement came from.' })
  followUp: unknown;
  @Field(() => Organisation, { nullable: true, description: 'The organisation that recorded it.' })
  organisation: unknown;
  @Field(() => Float, { nullable: true, description: "The value in the limit's unit." }) convertedValue: number | null;
  @Field(() => Float, { nullable: true, description: "The LOQ in the limit's unit." }) convertedLoq: number | null;
  @Field(() => UnitEnum, { nullable: true, description: "The limit's unit, which the converted figures are in." })
  convertedUnit: Unit | null;
  @Field({
    description: '|value − limit| ≤ expanded uncertainty: the verdict stands (simple acceptance) but is close.',
  })
  withinUncertainty: boolean;
}

@ObjectType({ description: 'A requirement judged in one part of the product.' })
export class PartEvaluation {
  @Field({ description: 'The part or material, as the measurements name it.' }) part: string;
  @Field(() => VerdictEnum, { description: 'The verdict in this part.' }) verdict: Verdict;
  @Field(() => Float, { nullable: true, description: 'SUM: the sum of detected values.' }) lowerBound: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'SUM: lower bound plus the LOQs of the listed substances not detected.',
  })
  upperBound: number | null;
  @Field(() => [SubstanceEvaluation], { description: 'Each substance in scope, worst first, then by name.' })
  substances: SubstanceEvaluation[];
}

@ObjectType({
  description: 'A requirement of the contract, evaluated against the limit that applies to this contract.',
})
export class RequirementEvaluation {
  @Field(() => ChemicalRequirement, { description: 'The requirement of the contract.' }) requirement: unknown;
  @Field(() => VerdictEnum, { description: 'The worst verdict over its parts.' }) verdict: Verdict;
  @Field(() => Limit, { nullable: true, description: "The limit used: the contract's own, else the library default." })
  limit: Limit | null;
  @Field(() => LimitSourceEnum, {
    nullable: true,
    description: "Whose limit applied: the contract's own or the library's; null without a limit.",
  })
  limitSource: LimitSource | null;
  @Field(() => [PartEvaluation], { description: 'The verdict per part.' }) parts: PartEvaluation[];
  @Field(() => [Measurement], {
    description: 'Deciding measurements whose unit cannot be compared with the limit: counted as not measured.',
  })
  notComparable: unknown[];
  @Field(() => [FollowUp], { description: 'The follow-ups whose results decided this verdict.' }) followUps: unknown[];
  @Field(() => String, { nullable: true, description: 'How the verdict was reached, for document-based requirements.' })
  explanation: string | null;
}

@ObjectType({
  description: "A product judged against a contract's requirements, from the counting follow-ups you may see.",
})
export class ProductEvaluation {
  @Field(() => Product, { description: 'The product judged.' }) product: unknown;
  @Field(() => Contract, { description: 'The contract whose requirements and limits applied.' }) contract: unknown;
  @Field(() => DateScalar, { description: 'YYYY-MM-DD: follow-ups valid on this day count.' }) evaluatedOn: string;
  @Field(() => VerdictEnum, {
    description: 'FAIL if any requirement fails, else INCONCLUSIVE, NO_DATA, INCOMPLETE, PASS.',
  })
  verdict: Verdict;
  @Field(() => [RequirementEvaluation], { description: 'Each requirement of the contract, with its verdict.' })
  requirements: RequirementEvaluation[];
}

@ObjectType({ description: "What another organisation's follow-up shows for one requirement of your contract." })
export class ReuseRequirementDecision {
  @Field(() => ChemicalRequirement, { description: 'The requirement of the contract.' }) requirement: unknown;
  @Field(() => VerdictEnum, {
    nullable: true,
    description: "For LIMIT requirements: this follow-up's results against your limit.",
  })
  verdict: Verdict | null;
}

@ObjectType({ description: "Another organisation's follow-up, judged by the reuse rule for your contract." })
export class ReusableFollowUp {
  @Field(() => FollowUp, { description: 'The follow-up (of another organisation, SHARED, counting).' })
  followUp: unknown;
  @Field({ description: 'true when it decides at least one requirement of the contract and is still valid.' })
  reusable: boolean;
  @Field(() => [String], { description: 'Why it can (or cannot) be reused.' }) reasons: string[];
  @Field(() => [ReuseRequirementDecision], {
    description: 'What it shows for each requirement of the contract it covers.',
  })
  decides: ReuseRequirementDecision[];
}
