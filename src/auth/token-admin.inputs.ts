import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../common/pagination/connection.js';
import { RequiredText } from '../common/validation/field-groups.js';
import { OrganisationScopedInput } from './organisation-scoped.input.js';
import { PRINCIPAL_KINDS, type PrincipalKind, ROLES } from '../vocabulary/vocabulary.js';
import { PrincipalKindEnum } from './principal.model.js';
import { Role } from './role.js';

@InputType({ description: 'A person to add to an organisation (ADMIN of it).' })
export class CreateMemberInput extends OrganisationScopedInput {
  @Field({ description: "The person's name." }) @RequiredText(200) name: string;
  @Field({ description: 'Their e-mail address (notifications go there); at most 320 characters.' })
  @IsString()
  @MaxLength(320)
  email: string;
}

@InputType({ description: 'Another tool to add to an organisation as an API client (ADMIN of it).' })
export class CreateApiClientInput extends OrganisationScopedInput {
  @Field({ description: 'What the tool is, e.g. "Upphandlingssystemet".' }) @RequiredText(200) name: string;
}

@InputType({ description: 'A bearer token to create for a member or API client of your organisation.' })
export class CreateTokenInput {
  @Field(() => ID, { description: 'The member or API client of your organisation it acts as.' })
  @IsUUID('all', { message: 'principalId must be an id' })
  principalId: string;
  @Field(() => Role, { description: 'At most your own role.' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
  @Field({ description: 'What the token is for, e.g. "Laptop" or "Nightly import".' }) @RequiredText(200) name: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the token stops working: a date-time with a zone (e.g. 2027-06-30T00:00:00Z), in the future. Null: never expires.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  expiresAt?: string | null;
}

@InputType({ description: 'Which tokens: every condition given must hold.' })
export class TokenFilter {
  @Field(() => ID, { nullable: true, description: 'Defaults to your organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an id' })
  organisationId?: string;
  @Field(() => ID, { nullable: true, description: 'Only the tokens of this member or API client.' })
  @IsOptional()
  @IsUUID('all', { message: 'principalId must be an id' })
  principalId?: string;
  @Field({ defaultValue: false, description: 'Also list revoked tokens.' })
  @IsOptional()
  @IsBoolean()
  includeRevoked?: boolean;
}

@ArgsType()
export class TokensArgs extends PageArgs {
  @Field(() => TokenFilter, { nullable: true, description: 'Which tokens; none: those of your organisation.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TokenFilter)
  filter?: TokenFilter;
}

@InputType({ description: 'Which principals: every condition given must hold.' })
export class PrincipalFilter {
  @Field(() => ID, { nullable: true, description: 'Defaults to your organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an id' })
  organisationId?: string;
  @Field(() => PrincipalKindEnum, { nullable: true, description: 'Only members, or only API clients.' })
  @IsOptional()
  @IsIn(PRINCIPAL_KINDS)
  kind?: PrincipalKind;
}

@ArgsType()
export class PrincipalsArgs extends PageArgs {
  @Field(() => PrincipalFilter, { nullable: true, description: 'Which principals; none: those of your organisation.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrincipalFilter)
  filter?: PrincipalFilter;
}
