import { Field, ObjectType } from '@nestjs/graphql';
import { PrincipalModel } from '../auth/principal.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { Supplier } from './supplier.model.js';

@ObjectType({
  description:
    'A new supplier member with its token. `token` is the secret: shown this once (hand it to the supplier), stored only as a hash.',
})
export class SupplierInvitation {
  @Field({ description: "The new member's bearer token: the secret, shown this once. Give it to the member." })
  token: string;
  @Field(() => PrincipalModel, { description: 'The new member (role SUPPLIER).' }) principal: unknown;
  @Field(() => Supplier, { description: 'The supplier the member answers for.' }) supplier: unknown;
  @Field(() => Organisation, { description: "The supplier's own organisation, which the member belongs to." })
  organisation?: unknown;
}
