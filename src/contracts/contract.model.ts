import { Field, ID, ObjectType } from '@nestjs/graphql';
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
  @Field(() => ChemicalRequirement) requirement?: ChemicalRequirement;
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
  @Field(() => ID) id: string;
  @Field(() => Organisation) organisation?: Organisation;
  @Field(() => Supplier) supplier?: Supplier;
  @Field() title: string;
  @Field(() => String, { nullable: true }) reference: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) validFrom: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) validTo: string | null;
  @Field(() => [ProductCategory]) categories?: ProductCategory[];
  @Field(() => [ContractRequirement]) requirements?: ContractRequirement[];
}

export const ContractConnection = Connection(Contract);
