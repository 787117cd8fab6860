import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { Contract } from '../contracts/contract.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { FollowUp } from './follow-up.model.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({
  description: "An organisation relied on another's follow-up for one of its contracts.",
  implements: () => [Node],
})
export class Reuse {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field(() => FollowUp, { description: 'The follow-up relied on (recorded by another organisation).' })
  followUp?: unknown;
  @Field(() => Contract, { description: 'The contract of the relying organisation it was relied on for.' })
  contract?: Contract;
  @Field(() => Organisation, { description: 'The organisation that relied on it.' }) organisation?: Organisation;
  @Field(() => DateTimeScalar, { description: 'When it was recorded.' }) createdAt: string;
}
