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
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field({ description: 'The title, in Swedish (as name and nameSv).' }) title: string;
  @Field(() => String, {
    nullable: true,
    description: 'The English name, e.g. Ortho-phthalates DEHP, DBP, BBP and DIBP.',
  })
  nameEn: string | null;
  @Field() text: string;
  @Field(() => RequirementKindEnum) kind: RequirementKind;
  @Field(() => [Substance], { description: 'The substances in scope.' }) substances?: Substance[];
  @Field(() => Limit, { nullable: true, description: 'The library default limit; a contract may set its own.' })
  defaultLimit?: Limit | null;
  @Field(() => LimitBasisEnum, { nullable: true }) basis: LimitBasis | null;
  @Field(() => AggregationEnum) aggregation: Aggregation;
  @Field(() => [ProductCategory], { description: 'Product categories the requirement applies to.' })
  categories?: ProductCategory[];
  @Field(() => String, { nullable: true }) legalSource: string | null;
}

export const ChemicalRequirementConnection = Connection(ChemicalRequirement);
