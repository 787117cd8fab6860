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
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field(() => PrincipalKindEnum, { description: 'MEMBER (a person) or API_CLIENT (a tool).' }) kind: PrincipalKind;
  @Field({ description: 'Its name, e.g. a person\'s full name or "Upphandlingssystemet".' }) name: string;
  @Field(() => String, { nullable: true, description: 'For members.' }) email: string | null;
  @Field(() => Organisation, { description: 'The organisation it belongs to.' }) organisation?: Organisation;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt: string;
}

@ObjectType('ApiToken', {
  description: 'A bearer token as an administrator sees it: never its secret, never its hash.',
  implements: () => [Node],
})
export class ApiTokenModel {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: 'The first characters of the token, to tell tokens apart.' }) prefix: string;
  @Field({ description: 'What it is for, e.g. "Laptop" or "Nightly import".' }) name: string;
  @Field(() => Role, { description: 'The role it acts with (at most the role of the ADMIN who created it).' })
  role: Role;
  @Field(() => TokenStatusEnum, { description: 'REVOKED wins over EXPIRED.' }) status?: TokenStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stops working (UTC); null: never.' })
  expiresAt: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked (UTC); null while not revoked.' })
  revokedAt: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt: string;
  @Field(() => PrincipalModel, { description: 'The member or API client it acts as.' }) principal?: PrincipalModel;
}

@ObjectType({ description: 'A new token. `token` is the secret: shown this once, stored only as a hash.' })
export class CreatedToken {
  @Field({
    description: 'The bearer token (kk_…): the secret, shown this once; send it as "Authorization: Bearer <token>".',
  })
  token: string;
  @Field(() => ApiTokenModel, { description: 'The token as the registry keeps it (no secret).' }) apiToken: unknown;
}

@ObjectType({
  description: 'Who is calling: the principal, its organisation, and the role and expiry of the token used.',
})
export class Me {
  @Field(() => PrincipalModel, { description: 'The member or API client the token (or session) acts as.' })
  principal: unknown;
  @Field(() => Organisation, { description: 'The organisation you act for.' }) organisation?: Organisation;
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
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the token used expires (UTC; null: never), or when the session ends at the latest.',
  })
  expiresAt: string | null;
}

export const PrincipalConnection = Connection(PrincipalModel, 'Principal');
export const ApiTokenConnection = Connection(ApiTokenModel, 'ApiToken');
