import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Contract } from '../contracts/contract.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { FollowUp } from './follow-up.model.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({
  description: "An organisation relied on another's follow-up for one of its contracts.",
  implements: () => [Node],
})
export class Reuse {
  @Field(() => ID) id: string;
  @Field(() => FollowUp) followUp?: unknown;
  @Field(() => Contract) contract?: Contract;
  @Field(() => Organisation) organisation?: Organisation;
  @Field({ description: 'When it was recorded.' }) createdAt: string;
}
