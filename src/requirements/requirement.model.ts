import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AggregationEnum, LimitBasisEnum, RequirementKindEnum } from '../common/graphql-enums.js';
import { Limit } from '../common/limit.js';
import { Connection } from '../common/pagination/connection.js';
import { ProductCategory } from '../products/product.model.js';
import { Substance } from '../substances/substance.model.js';
import type { Aggregation, LimitBasis, RequirementKind } from '../vocabulary/vocabulary.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({
  description: 'A requirement in the shared library (kemikaliekrav). Contracts may set their own limit for it.',
  implements: () => [Node],
})
export class ChemicalRequirement {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: 'Its code, e.g. K-PHT-01; unique in the library.' }) code: string;
  @Field({ description: 'The title, in Swedish (as name and nameSv).' }) title: string;
  @Field(() => String, {
    nullable: true,
    description: 'The English name, e.g. Ortho-phthalates DEHP, DBP, BBP and DIBP.',
  })
  nameEn: string | null;
  @Field({ description: 'The requirement as written in procurement documents (Swedish).' }) text: string;
  @Field(() => RequirementKindEnum, {
    description: 'LIMIT, NOT_ADDED or DOCUMENTATION: what kind of evidence decides it.',
  })
  kind: RequirementKind;
  @Field(() => [Substance], { description: 'The substances in scope.' }) substances?: Substance[];
  @Field(() => Limit, { nullable: true, description: 'The library default limit; a contract may set its own.' })
  defaultLimit?: Limit | null;
  @Field(() => LimitBasisEnum, {
    nullable: true,
    description: 'What its limit is a fraction of; null without a limit.',
  })
  basis: LimitBasis | null;
  @Field(() => AggregationEnum, { description: 'EACH substance on its own, or their SUM, against the limit.' })
  aggregation: Aggregation;
  @Field(() => [ProductCategory], { description: 'Product categories the requirement applies to.' })
  categories?: ProductCategory[];
  @Field(() => String, {
    nullable: true,
    description: 'Where it comes from, e.g. "REACH Annex XVII entry 51"; null when not given.',
  })
  legalSource: string | null;
}

export const ChemicalRequirementConnection = Connection(ChemicalRequirement);
