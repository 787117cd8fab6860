import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.js';
import { OrganisationKindEnum } from '../common/graphql-enums.js';
import { Supplier } from '../suppliers/supplier.model.js';
import type { OrganisationKind } from '../vocabulary/vocabulary.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({
  description: 'A contracting authority (region, municipality, other): a member of the registry.',
  implements: () => [Node],
})
export class Organisation {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: 'Short stable handle, e.g. region-skane.' }) code: string;
  @Field({ description: 'Its name, e.g. Region Skåne.' }) name: string;
  @Field(() => OrganisationKindEnum, { description: 'What kind of body it is.' }) kind: OrganisationKind;
  @Field(() => String, { nullable: true, description: 'Two-digit länskod, for regions.' }) countyCode: string | null;
  @Field(() => String, { nullable: true, description: 'Swedish organisationsnummer, NNNNNN-NNNN.' })
  organisationNumber: string | null;
  @Field(() => Supplier, {
    nullable: true,
    description: "For a supplier's own organisation (kind SUPPLIER): the supplier it is; null otherwise.",
  })
  supplier?: Supplier | null;
}

export const OrganisationConnection = Connection(Organisation);
