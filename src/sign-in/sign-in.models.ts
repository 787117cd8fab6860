import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { graphqlEnum } from '../common/graphql-enums.js';
import { PrincipalModel } from '../auth/principal.model.js';
import { Node } from '../nodes/node.model.js';
import { Role } from '../auth/role.js';
import {
  SESSION_END_REASON_VALUES,
  SIGN_IN_ROLE_VALUES,
  SUBJECT_CLAIM_VALUES,
} from '../vocabulary/value-descriptions.js';
import { SESSION_END_REASONS, SIGN_IN_ROLES, type SubjectClaim } from '../vocabulary/vocabulary.js';

export const SignInRoleEnum = graphqlEnum(SIGN_IN_ROLES, 'SignInRole', {
  description: 'A role a sign-in through an identity provider can give (SUPPLIER members use tokens).',
  values: SIGN_IN_ROLE_VALUES,
});
/**
 * The claim's own name is lower case (`sub`, `email`); the GraphQL values are SUB and EMAIL (the
 * schema's naming convention), each standing for the claim of that name.
 */
export const SubjectClaimEnum = { SUB: 'sub', EMAIL: 'email' } as const satisfies Record<string, SubjectClaim>;
registerEnumType(SubjectClaimEnum, {
  name: 'SubjectClaim',
  description:
    "Which claim says who the person is: the provider's subject (SUB: `sub`) or the e-mail address (EMAIL: `email`).",
  valuesMap: {
    SUB: { description: SUBJECT_CLAIM_VALUES.sub },
    EMAIL: { description: SUBJECT_CLAIM_VALUES.email },
  },
});
export const SessionEndReasonEnum = graphqlEnum(SESSION_END_REASONS, 'SessionEndReason', {
  description:
    'Why a session ended: the person signed out, an ADMIN ended it, idle or absolute expiry, or its provider was removed.',
  values: SESSION_END_REASON_VALUES,
});

@ObjectType('RoleMapping', { description: 'One claim value and the role it gives.' })
export class RoleMappingModel {
  @Field({ description: 'The value as the provider sends it in the role claim.' }) claimValue: string;
  @Field(() => SignInRoleEnum, { description: 'The role it gives.' }) role: string;
}

@ObjectType('IdentityProvider', {
  description: "An organisation's OpenID Connect identity provider. Its client secret is never returned.",
  implements: () => [Node],
})
export class IdentityProviderModel {
  @Field(() => ID, { description: 'The id.' }) id: string;
  @Field(() => ID, { description: 'The organisation whose people sign in through it.' }) organisationId: string;
  @Field({ description: 'The issuer URL.' }) issuer: string;
  @Field({ description: "kemkollen's client id at the provider." }) clientId: string;
  @Field(() => [String], { description: 'The scopes asked for.' }) scopes: string[];
  @Field(() => SubjectClaimEnum, { description: 'Which claim says who the person is.' }) subjectClaim: string;
  @Field({ description: 'The claim holding the group ids or role names.' }) roleClaim: string;
  @Field(() => [RoleMappingModel], { description: 'Which claim values give which role.' })
  roleMappings: RoleMappingModel[];
  @Field(() => DateTimeScalar, { description: 'When it was added.' }) createdAt: string;
  @Field(() => DateTimeScalar, { description: 'When it was last changed.' }) updatedAt: string;
}

@ObjectType('Session', {
  description: "A person's session in the web app, opened by a sign-in through the organisation's identity provider.",
  implements: () => [Node],
})
export class SessionModel {
  @Field(() => ID, { description: 'The id (not the cookie: that is only in the browser).' }) id: string;
  @Field(() => PrincipalModel, { description: 'Who signed in.' }) principal?: unknown;
  principalId: string;
  @Field(() => Role, { description: 'The role the claims gave at sign-in.' }) role: string;
  @Field(() => DateTimeScalar, { description: 'When the person signed in.' }) createdAt: string;
  @Field(() => DateTimeScalar, { description: 'When the session was last used.' }) lastSeenAt: string;
  @Field(() => DateTimeScalar, { description: 'When it ends whatever its use (absolute expiry).' }) expiresAt: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended; null: still open.' }) endedAt:
    string | null;
  @Field(() => SessionEndReasonEnum, { nullable: true, description: 'Why it ended; null: still open.' }) endReason:
    string | null;
}
