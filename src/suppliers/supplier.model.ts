import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { Connection } from '../common/pagination/connection.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({ description: 'A company with a contract (leverantör).', implements: () => [Node] })
export class Supplier {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: "The supplier's name." }) name: string;
  @Field({ description: 'ISO 3166-1 alpha-2 country code.' }) country: string;
  @Field(() => String, { nullable: true, description: 'Swedish organisationsnummer, for Swedish companies.' })
  organisationNumber: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was added (UTC).' }) createdAt: string;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt: string;
}

export const SupplierConnection = Connection(Supplier);
