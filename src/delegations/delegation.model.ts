import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../common/scalars/date-scalars.js';
import { graphqlEnum } from '../common/graphql-enums.js';
import { Connection } from '../common/pagination/connection.js';
import { DELEGATION_SCOPES } from '../vocabulary/vocabulary.js';
import { Node } from '../nodes/node.model.js';
import { DELEGATION_SCOPE_VALUES } from '../vocabulary/value-descriptions.js';

export const DelegationScopeEnum = graphqlEnum(DELEGATION_SCOPES, 'DelegationScope', {
  description:
    'CONTRACTS: create contracts for the organisation and keep those it created; FOLLOW_UPS: record follow-ups for it; IMPORTS: import rows filed under it.',
  values: DELEGATION_SCOPE_VALUES,
});

@ObjectType({
  description:
    "An organisation's leave for another (e.g. Adda, a central purchasing body) to act for it in some scopes, up to and including expiresOn, until revoked.",
  implements: () => [Node],
})
export class Delegation {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field(() => DateScalar, { description: 'The last day it holds (YYYY-MM-DD, UTC).' }) expiresOn: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked (UTC); null while not revoked.' })
  revokedAt: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was granted (UTC).' }) createdAt: string;
}

export const DelegationConnection = Connection(Delegation);
