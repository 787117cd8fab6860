import { Field, ObjectType } from '@nestjs/graphql';
import { PrincipalModel } from '../auth/principal.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { Supplier } from './supplier.model.js';

@ObjectType({
  description:
    'A new supplier member with its token. `token` is the secret: shown this once (hand it to the supplier), stored only as a hash.',
})
export class SupplierInvitation {
  @Field() token: string;
  @Field(() => PrincipalModel) principal: unknown;
  @Field(() => Supplier) supplier: unknown;
  @Field(() => Organisation, { description: "The supplier's own organisation, which the member belongs to." })
  organisation?: unknown;
}
