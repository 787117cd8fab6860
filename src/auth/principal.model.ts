import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { graphqlEnum } from '../common/graphql-enums.js';
import { Connection } from '../common/pagination/connection.js';
import { Organisation } from '../organisations/organisation.model.js';
import { PRINCIPAL_KINDS, type PrincipalKind, TOKEN_STATUSES, type TokenStatus } from '../vocabulary/vocabulary.js';
import { Role } from './role.js';
import { Node } from '../nodes/node.model.js';

export const PrincipalKindEnum = graphqlEnum(PRINCIPAL_KINDS, 'PrincipalKind', {
  description: 'MEMBER: a person of the organisation; API_CLIENT: another tool acting for it.',
});

export const TokenStatusEnum = graphqlEnum(TOKEN_STATUSES, 'TokenStatus');

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
  @Field(() => String, { nullable: true }) expiresAt: string | null;
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
  @Field(() => Role, {
    description: "The role of the token used (a principal's tokens may differ), or the one the claims gave at sign-in.",
  })
  role: string;
  @Field(() => ID, { nullable: true, description: 'The token used; null when signed in through an identity provider.' })
  tokenId: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "The session used, when signed in through the organisation's identity provider; null for a token.",
  })
  sessionId: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'When the token used expires (null: never), or when the session ends at the latest.',
  })
  expiresAt: string | null;
}

export const PrincipalConnection = Connection(PrincipalModel, 'Principal');
export const ApiTokenConnection = Connection(ApiTokenModel, 'ApiToken');
