import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { Limit } from '../common/limit.js';
import { Connection } from '../common/pagination/connection.js';
import { Organisation } from '../organisations/organisation.model.js';
import { ProductCategory } from '../products/product.model.js';
import { ChemicalRequirement } from '../requirements/requirement.model.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({
  description: "A library requirement as written into one contract, with this contract's own limit where it sets one.",
})
export class ContractRequirement {
  @Field(() => ChemicalRequirement, { description: 'The requirement of the library.' })
  requirement?: ChemicalRequirement;
  @Field(() => Limit, {
    nullable: true,
    description: "This contract's own limit; null when it uses the library default.",
  })
  limit?: Limit | null;
  @Field(() => Limit, {
    nullable: true,
    description: "The limit that applies: the contract's own, else the library default.",
  })
  effectiveLimit?: Limit | null;
}

@ObjectType({ description: "An organisation's contract (avtal) with a supplier.", implements: () => [Node] })
export class Contract {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field(() => Organisation, { description: 'The contracting organisation that owns it.' }) organisation?: Organisation;
  @Field(() => Supplier, { description: 'The supplier it is with.' }) supplier?: Supplier;
  @Field({ description: 'Its title, e.g. "Förbrukningsmaterial vård 2026".' }) title: string;
  @Field(() => String, {
    nullable: true,
    description: "The procurement's reference (diarienummer); null when not given.",
  })
  reference: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD' }) validFrom: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD' }) validTo: string | null;
  @Field(() => [ProductCategory], { description: 'The product categories it covers.' }) categories?: ProductCategory[];
  @Field(() => [ContractRequirement], { description: 'Its requirements, each with the limit that applies under it.' })
  requirements?: ContractRequirement[];
}

export const ContractConnection = Connection(Contract);
