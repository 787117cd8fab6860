import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Method, SubstanceStatus, Verdict } from '../vocabulary/vocabulary.js';
import { MethodEnum } from '../follow-ups/follow-up.enums.js';

@ObjectType({ description: 'How many measured results of one substance, in one product category, had one verdict.' })
export class VerdictCount {
  @Field(() => String, {
    nullable: true,
    description: 'Product category code; null for follow-ups of a supplier rather than a product.',
  })
  categoryCode: string | null;
  @Field({ description: 'The CAS number of the substance.' }) casNumber: string;
  @Field({ description: 'Its English name.' }) substanceName: string;
  // GraphQL String (not an enum): the schema stays as it was. An explicit type, since the TypeScript one is a union.
  @Field(() => String, {
    description:
      'PASS, FAIL or INCONCLUSIVE against the strictest library default limit for the substance; NOT_COMPARABLE when units differ.',
  })
  verdict: Verdict | SubstanceStatus;
  @Field(() => Int, { nullable: true, description: 'The number of results; null when below 3 (withheld).' })
  count: number | null;
  @Field({ description: 'The count as shown: the number, or "< 3" when withheld.' }) displayCount: string;
}

@ObjectType({ description: 'Follow-ups per product category and method.' })
export class FollowUpCount {
  @Field(() => String, {
    nullable: true,
    description: 'The product category (code); null for products without one and supplier follow-ups.',
  })
  categoryCode: string | null;
  @Field(() => MethodEnum, { description: 'How they were done.' }) method: Method;
  @Field(() => Int, { nullable: true, description: 'The number of follow-ups; null when below 3 (withheld).' })
  count: number | null;
  @Field({ description: 'The count as shown: the number, or "< 3" when withheld.' }) displayCount: string;
}

@ObjectType({
  description:
    'Anonymised statistics over SHARED, completed follow-ups: no supplier, product or organisation. Counts below 3 are withheld (shown as "< 3"), and the totals count only what is shown, so no withheld count can be recovered by subtraction.',
})
export class PublicStatistics {
  @Field(() => Int, {
    description: 'The follow-ups in the groups of followUpsByCategory that are shown (count not null).',
  })
  followUpCount: number;
  @Field(() => Int, { description: 'The results in the groups of verdicts that are shown (count not null).' })
  measurementCount: number;
  @Field(() => [FollowUpCount], { description: 'Counting follow-ups per product category and method.' })
  followUpsByCategory: FollowUpCount[];
  @Field(() => [VerdictCount], { description: 'Results per substance: how many passed and failed.' })
  verdicts: VerdictCount[];
}
