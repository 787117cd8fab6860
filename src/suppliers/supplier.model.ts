import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({ description: 'A company with a contract (leverantör).', implements: () => [Node] })
export class Supplier {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'ISO 3166-1 alpha-2 country code.' }) country: string;
  @Field(() => String, { nullable: true, description: 'Swedish organisationsnummer, for Swedish companies.' })
  organisationNumber: string | null;
  @Field() createdAt: string;
  @Field() updatedAt: string;
}

export const SupplierConnection = Connection(Supplier);
