import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { graphqlEnum } from '../common/graphql-enums.js';
import { Connection } from '../common/pagination/connection.js';
import { Organisation } from '../organisations/organisation.model.js';
import { PRINCIPAL_KINDS, type PrincipalKind, TOKEN_STATUSES, type TokenStatus } from '../vocabulary/vocabulary.js';
import { Role } from './role.js';
import { Node } from '../nodes/node.model.js';
import { PRINCIPAL_KIND_VALUES, TOKEN_STATUS_VALUES } from '../vocabulary/value-descriptions.js';

export const PrincipalKindEnum = graphqlEnum(PRINCIPAL_KINDS, 'PrincipalKind', {
  description: 'MEMBER: a person of the organisation; API_CLIENT: another tool acting for it.',
  values: PRINCIPAL_KIND_VALUES,
});

export const TokenStatusEnum = graphqlEnum(TOKEN_STATUSES, 'TokenStatus', {
  description: "A token's state as an ADMIN sees it.",
  values: TOKEN_STATUS_VALUES,
});

/**
 * GraphQL types of the token administration. The entities (principal.entity.ts) hold more than
 * a client may see (the token hash); these types name what it may, and nothing else.
 */
@ObjectType('Principal', {
  description: 'A member of an organisation or an API client acting for it; holds tokens.',
  implements: () => [Node],
})
export class PrincipalModel {
  @Field(() => ID) id: string;
  @Field(() => PrincipalKindEnum) kind: PrincipalKind;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'For members.' }) email: string | null;
  @Field(() => Organisation) organisation?: Organisation;
  @Field(() => DateTimeScalar) createdAt: string;
}

@ObjectType('ApiToken', {
  description: 'A bearer token as an administrator sees it: never its secret, never its hash.',
  implements: () => [Node],
})
export class ApiTokenModel {
  @Field(() => ID) id: string;
  @Field({ description: 'The first characters of the token, to tell tokens apart.' }) prefix: string;
  @Field() name: string;
  @Field(() => Role) role: Role;
  @Field(() => TokenStatusEnum, { description: 'REVOKED wins over EXPIRED.' }) status?: TokenStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stops working (UTC); null: never.' })
  expiresAt: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt: string | null;
  @Field(() => DateTimeScalar) createdAt: string;
  @Field(() => PrincipalModel) principal?: PrincipalModel;
}

@ObjectType({ description: 'A new token. `token` is the secret: shown this once, stored only as a hash.' })
export class CreatedToken {
  @Field() token: string;
  @Field(() => ApiTokenModel) apiToken: unknown;
}

@ObjectType({
  description: 'Who is calling: the principal, its organisation, and the role and expiry of the token used.',
})
export class Me {
  @Field(() => PrincipalModel) principal: unknown;
  @Field(() => Organisation) organisation?: Organisation;
  @Field(() => Role, { description: "The role of the token used (a principal's tokens may differ)." }) role: string;
  @Field(() => ID, { description: 'The token used.' }) tokenId: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the token used expires (UTC); null: never.' })
  expiresAt: string | null;
}

export const PrincipalConnection = Connection(PrincipalModel, 'Principal');
export const ApiTokenConnection = Connection(ApiTokenModel, 'ApiToken');
