import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '../common/graphql-enums.js';
import { Connection } from '../common/pagination/connection.js';
import { DateScalar, DateTimeScalar } from '../common/scalars/date-scalars.js';
import { ProductEvaluation } from '../assessments/assessment.model.js';
import { Contract } from '../contracts/contract.model.js';
import { FollowUpStatusEnum, VerdictEnum } from '../follow-ups/follow-up.enums.js';
import { FollowUp, HistoryEvent } from '../follow-ups/follow-up.model.js';
import { Node } from '../nodes/node.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { Product, ProductCategory } from '../products/product.model.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { Substance } from '../substances/substance.model.js';
import { SubstanceGroupEnum } from '../common/graphql-enums.js';
import {
  COST_SPLITS,
  FOCUS_AREA_STATUSES,
  SAMPLE_STATES,
  type CostSplit,
  type FocusAreaStatus,
  type FollowUpStatus,
  type SampleState,
  type SubstanceGroup,
  type Verdict,
} from '../vocabulary/vocabulary.js';

export const FocusAreaStatusEnum = graphqlEnum(FOCUS_AREA_STATUSES, 'FocusAreaStatus', {
  description:
    'Where a focus area stands; it moves forward only, one step at a time, by a COORDINATOR (moveFocusArea).',
  valuesMap: {
    PLANNING: { description: 'Participants join and submit contracts; the experts rank candidates and plan samples.' },
    SAMPLING: { description: 'Samples are bought by their purchasing organisations. Needs a sampling plan.' },
    ANALYSING: { description: 'The laboratories analyse. Needs every sample assigned to a purchasing organisation.' },
    REPORTING: {
      description: 'Results are reported; the public report is published. Needs every assigned follow-up finished.',
    },
    CLOSED: { description: 'Done; nothing changes any more.' },
  },
});

export const CostSplitEnum = graphqlEnum(COST_SPLITS, 'CostSplit', {
  description: "How the sampling plan's estimated cost is shared among the participants.",
  valuesMap: {
    EQUAL: { description: 'The same share for each participant.' },
    BY_CONTRACTS: { description: 'In proportion to the number of contracts each participant submitted.' },
  },
});

export const SampleStateEnum = graphqlEnum(SAMPLE_STATES, 'FocusAreaSampleState', {
  description: "Where a sampled product stands, from its follow-up's status and the focus area's resultsDueOn.",
  valuesMap: {
    UNASSIGNED: { description: 'No purchasing organisation yet.' },
    PLANNED: { description: 'Assigned; its follow-up is PLANNED.' },
    IN_PROGRESS: { description: 'Its follow-up is IN_PROGRESS.' },
    COMPLETED: { description: 'Its follow-up is COMPLETED or CLOSED: the results count.' },
    OVERDUE: { description: 'Not completed, and resultsDueOn has passed.' },
    RETRACTED: { description: 'Its follow-up was retracted.' },
  },
});

@ObjectType({ description: 'The weights of the prioritisation model (docs/domain.md, "The prioritisation model").' })
export class FocusAreaWeights {
  @Field(() => Float, { description: 'Per participant whose submitted contract covers the product (default 3).' })
  coverage: number;
  @Field(() => Float, {
    description: 'Per hazard point: a substance in scope on the Candidate List, Annex XVII or CMR (default 2).',
  })
  hazard: number;
  @Field(() => Float, { description: "Per users point: 2 for children's products, 1 for patients' (default 2)." })
  users: number;
  @Field(() => Float, { description: "Times the product's annual volume as a share of the largest (default 1)." })
  volume: number;
  @Field(() => Float, {
    description: 'Subtracted when the product was tested in the last three years: reuse instead (default 5).',
  })
  testedRecently: number;
}

@ObjectType({ description: 'An organisation taking part in a focus area.' })
export class FocusAreaParticipant {
  @Field(() => Organisation, { description: 'The participating organisation.' }) organisation: unknown;
  @Field(() => DateTimeScalar, { description: 'When it joined.' }) joinedAt: string;
  @Field(() => Int, { description: 'How many contracts it has submitted to the focus area.' })
  submittedContracts: number;
}

@ObjectType({ description: "A participant's contract submitted to a focus area." })
export class FocusAreaSubmission {
  @Field(() => Contract, { description: 'The contract.' }) contract: unknown;
  @Field(() => Organisation, { description: 'The participant that submitted it (the contract’s organisation).' })
  organisation: unknown;
  @Field(() => Int, { nullable: true, description: 'Units bought per year under it, where given.' })
  annualVolume: number | null;
  @Field(() => DateTimeScalar, { description: 'When it was submitted.' }) submittedAt: string;
}

@ObjectType({
  description: 'A product in the sampling plan: what is analysed, where, at what estimated cost, and who buys it.',
  implements: () => [Node],
})
export class FocusAreaSample {
  @Field(() => ID, { description: 'The id, unique across the registry.' }) id: string;
  @Field(() => Product, { description: 'The product sampled.' }) product?: unknown;
  @Field(() => [String], { description: 'The analyses to run, e.g. "Ftalater i PVC".' }) analyses?: string[];
  @Field({ description: 'The laboratory that analyses it.' }) laboratory: string;
  @Field(() => Int, { description: 'Estimated cost in öre (1 SEK = 100 öre): purchase and analysis.' })
  estimatedCost: number;
  @Field(() => Organisation, { nullable: true, description: 'The one participant that buys it; null until assigned.' })
  purchasingOrganisation?: unknown;
  @Field(() => FollowUp, {
    nullable: true,
    description: 'Its follow-up, PLANNED from assignment on (visible to all: nobody buys it twice).',
  })
  followUp?: unknown;
  @Field(() => SampleStateEnum, { description: 'Where it stands.' }) state?: SampleState;
}

@ObjectType({
  description: 'The yearly joint follow-up of one theme (fokusområde): from plan to public report.',
  implements: () => [Node],
})
export class FocusArea {
  @Field(() => ID, { description: 'The id, unique across the registry.' }) id: string;
  @Field(() => Int, { description: 'The year it runs.' }) year: number;
  @Field({ description: 'Its title, e.g. "Mjukt och tryggt".' }) title: string;
  @Field(() => String, { nullable: true, description: 'What it is about.' }) description: string | null;
  @Field(() => FocusAreaStatusEnum, { description: 'Where it stands.' }) status: FocusAreaStatus;
  @Field(() => CostSplitEnum, { description: 'How costShares shares the cost.' }) costSplit: CostSplit;
  @Field(() => FocusAreaWeights, {
    description: 'The weights candidateProducts ranks by (its own, else the defaults).',
  })
  weights?: FocusAreaWeights;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day results are due; after it an unfinished sample is OVERDUE.',
  })
  resultsDueOn: string | null;
  @Field(() => Organisation, { description: 'The organisation whose coordinator created it.' }) organisation?: unknown;
  @Field(() => [ProductCategory], { description: 'The product categories in the area (and those under them).' })
  categories?: unknown[];
  @Field(() => [ChemicalRequirement], { description: 'The library requirements it checks.' }) requirements?: unknown[];
  @Field(() => [Substance], { description: 'Substances the experts add beyond the requirements.' })
  extraSubstances?: unknown[];
  @Field(() => [FocusAreaParticipant], { description: 'The participating organisations.' })
  participants?: FocusAreaParticipant[];
  @Field(() => [FocusAreaSubmission], { description: 'The contracts the participants submitted.' })
  submissions?: FocusAreaSubmission[];
  @Field(() => [FocusAreaSample], { description: 'The sampling plan.' }) samples?: unknown[];
  @Field(() => [HistoryEvent], { description: 'Every change, oldest first (the event log).' })
  history?: HistoryEvent[];
  @Field(() => DateTimeScalar, { description: 'When it was created.' }) createdAt: string;
  @Field(() => DateTimeScalar, { description: 'When it last changed.' }) updatedAt: string;
}

export const FocusAreaConnection = Connection(FocusArea);

@ObjectType({ description: 'The parts of a candidate product’s score, before weighting (docs/domain.md).' })
export class CandidateScoreParts {
  @Field(() => Int, { description: 'Participants whose submitted contracts cover the product.' }) coverage: number;
  @Field(() => Int, { description: 'Hazard points of the substances in scope (one per substance and list).' })
  hazard: number;
  @Field(() => Int, { description: "2 for a children's product, 1 for patients', else 0." }) users: number;
  @Field(() => Float, { description: "Annual volume as a share of the largest candidate's, 0 to 1." })
  volume: number;
  @Field(() => Int, { description: '1 when tested in the last three years (reuse instead), else 0.' })
  testedRecently: number;
}

@ObjectType({ description: 'A product of the submitted contracts, scored by the prioritisation model.' })
export class CandidateProduct {
  @Field(() => Int, { description: '1 for the highest score.' }) rank: number;
  @Field(() => Product, { description: 'The product.' }) product: unknown;
  @Field(() => Float, { description: 'The weighted sum of the parts (4 decimals).' }) score: number;
  @Field(() => CandidateScoreParts, { description: 'The parts of the score.' }) parts: CandidateScoreParts;
  @Field(() => [Organisation], { description: 'The participants whose submitted contracts cover it.' })
  coveredBy: unknown[];
  @Field(() => Int, { nullable: true, description: 'Its annual volume, summed over the covering submissions.' })
  annualVolume: number | null;
  @Field(() => [Substance], { description: 'The substances in scope for it.' }) substancesInScope: unknown[];
  @Field(() => FocusAreaSample, { nullable: true, description: 'Its sample, when it is in the sampling plan.' })
  sample: unknown;
}

@ObjectType({ description: "One participant's share of the sampling plan's estimated cost." })
export class FocusAreaCostShare {
  @Field(() => Organisation, { description: 'The participant.' }) organisation: unknown;
  @Field(() => Int, { description: 'What the share is worked from: 1 (EQUAL) or its submitted contracts.' })
  weight: number;
  @Field(() => Int, { description: 'Its share in öre; the shares sum exactly to total.' }) amount: number;
}

@ObjectType({ description: "The sampling plan's estimated cost, shared among the participants." })
export class FocusAreaCostShares {
  @Field(() => CostSplitEnum, { description: 'How it is shared.' }) split: CostSplit;
  @Field(() => Int, { description: "The sum of the samples' estimated costs, in öre." }) total: number;
  @Field({
    description:
      'The rounding rule: shares rounded down to whole öre, the öre left over one each to the largest remainders, ties by organisation code.',
  })
  rounding: string;
  @Field(() => [FocusAreaCostShare], { description: 'Each participant’s share, by organisation code.' })
  shares: FocusAreaCostShare[];
}

@ObjectType({ description: 'One sample’s progress.' })
export class FocusAreaSampleProgress {
  @Field(() => FocusAreaSample, { description: 'The sample.' }) sample: unknown;
  @Field(() => SampleStateEnum, { description: 'Where it stands.' }) state: SampleState;
  @Field(() => FollowUpStatusEnum, { nullable: true, description: "Its follow-up's status, when assigned." })
  followUpStatus: FollowUpStatus | null;
}

@ObjectType({ description: 'How one purchasing organisation’s samples stand.' })
export class FocusAreaOrganisationProgress {
  @Field(() => Organisation, { description: 'The purchasing organisation.' }) organisation: unknown;
  @Field(() => Int, { description: 'Samples PLANNED.' }) planned: number;
  @Field(() => Int, { description: 'Samples IN_PROGRESS.' }) inProgress: number;
  @Field(() => Int, { description: 'Samples COMPLETED.' }) completed: number;
  @Field(() => Int, { description: 'Samples OVERDUE.' }) overdue: number;
}

@ObjectType({ description: 'Where the sampling plan stands, per sample and per purchasing organisation.' })
export class FocusAreaProgress {
  @Field(() => [FocusAreaSampleProgress], { description: 'Each sample.' }) samples: FocusAreaSampleProgress[];
  @Field(() => [FocusAreaOrganisationProgress], { description: 'Each purchasing organisation, by code.' })
  organisations: FocusAreaOrganisationProgress[];
  @Field(() => Int, { description: 'Samples without a purchasing organisation.' }) unassigned: number;
}

@ObjectType({ description: 'A sampled product against one submitted contract: each requirement’s verdict.' })
export class FocusAreaResult {
  @Field(() => Contract, { description: 'The submitted contract, with its own limits.' }) contract: unknown;
  @Field(() => Product, { description: 'The sampled product.' }) product: unknown;
  @Field(() => FocusAreaSample, { description: 'The sample.' }) sample: unknown;
  @Field({ description: 'The contract covers the product: the same supplier, and a category of the contract.' })
  coversProduct: boolean;
  @Field(() => VerdictEnum, { description: "The product verdict (NO_DATA until the sample's follow-up counts)." })
  verdict: Verdict;
  @Field(() => ProductEvaluation, {
    nullable: true,
    description: "The sample's follow-up against the contract, requirement by requirement; null until it counts.",
  })
  evaluation: unknown;
}

@ObjectType({
  description: "One participant's results: every sampled product against each of its submitted contracts.",
})
export class FocusAreaParticipantResults {
  @Field(() => Organisation, { description: 'The participant.' }) organisation: unknown;
  @Field(() => [FocusAreaResult], { description: 'By contract title, then product name.' }) results: FocusAreaResult[];
}

@ObjectType({ description: 'A focus area’s results (a supplier member sees its own products only).' })
export class FocusAreaResults {
  @Field(() => FocusArea, { description: 'The focus area.' }) focusArea: unknown;
  @Field(() => [FocusAreaParticipantResults], { description: 'Each participant with submitted contracts.' })
  participants: FocusAreaParticipantResults[];
}

@ObjectType({ description: 'How many requirement verdicts of sampled products fell in one cell of the public report.' })
export class PublicFocusAreaCount {
  @Field(() => String, { nullable: true, description: 'The product category code; null for none.' })
  categoryCode: string | null;
  @Field(() => String, { nullable: true, description: 'The product category’s name.' }) categoryName: string | null;
  @Field(() => SubstanceGroupEnum, { description: 'The substance group of the requirement.' })
  substanceGroup: SubstanceGroup;
  @Field(() => VerdictEnum, { description: "The verdict against the library's default limit." }) verdict: Verdict;
  @Field(() => Int, { nullable: true, description: 'The count; null when below 3 (withheld).' }) count: number | null;
  @Field({ description: 'The count as shown: the number, or "< 3" when withheld.' }) displayCount: string;
}

@ObjectType({
  description:
    "A focus area's public report: counts by product category, substance group and verdict, naming no product, supplier or organisation. Counts below 3 are withheld; totals count only what is shown.",
})
export class PublicFocusAreaReport {
  @Field(() => Int, { description: 'The year.' }) year: number;
  @Field({ description: 'The title.' }) title: string;
  @Field(() => FocusAreaStatusEnum, { description: 'REPORTING or CLOSED.' }) status: FocusAreaStatus;
  @Field(() => Int, { nullable: true, description: 'Products sampled with results; null when below 3.' })
  sampledProducts: number | null;
  @Field(() => Int, { nullable: true, description: 'Participating organisations; null when below 3.' })
  participants: number | null;
  @Field(() => Int, { description: 'The sum of the counts shown.' }) shownTotal: number;
  @Field(() => [PublicFocusAreaCount], { description: 'By category code, substance group, verdict.' })
  counts: PublicFocusAreaCount[];
}
