import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OrganisationScopedInput } from '../auth/organisation-scoped.input.js';
import { RequiredText } from '../common/validation/field-groups.js';
import { SIGN_IN_ROLES, type SignInRole, SUBJECT_CLAIMS, type SubjectClaim } from '../vocabulary/vocabulary.js';
import { SignInRoleEnum, SubjectClaimEnum } from './sign-in.models.js';

@InputType({ description: 'One claim value (a group id, a role name) and the role it gives.' })
export class RoleMappingInput {
  @Field({ description: 'The value as the provider sends it in the role claim, e.g. a group object id.' })
  @RequiredText(200)
  claimValue: string;
  @Field(() => SignInRoleEnum, {
    description: 'The role a person with this value gets (the highest of all that match).',
  })
  @IsIn(SIGN_IN_ROLES, { message: `role must be one of ${SIGN_IN_ROLES.join(', ')}` })
  role: SignInRole;
}

const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

@InputType({ description: "An organisation's OpenID Connect identity provider." })
export class AddIdentityProviderInput extends OrganisationScopedInput {
  @Field({
    description:
      'The issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0 (https; http only on loopback outside production).',
  })
  @IsString()
  @MaxLength(500)
  issuer: string;
  @Field({ description: "kemkollen's client id at the provider." })
  @RequiredText(200)
  clientId: string;
  @Field({ description: 'The client secret: stored encrypted, never returned.' })
  @IsString()
  @Length(1, 2000)
  clientSecret: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Scopes to ask for; `openid` is always added. Default: openid, email, profile.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(SCOPE, { each: true, message: 'scopes: each scope is one word of printable characters' })
  scopes?: string[] | null;
  @Field(() => SubjectClaimEnum, { nullable: true, description: 'Which claim says who the person is. Default: sub.' })
  @IsOptional()
  @IsIn(SUBJECT_CLAIMS, { message: `subjectClaim must be one of ${SUBJECT_CLAIMS.join(', ')}` })
  subjectClaim?: SubjectClaim | null;
  @Field({ description: 'The claim holding the group ids or role names, e.g. `groups` or `roles`.' })
  @IsString()
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'roleClaim must be a claim name (letters, digits, _ : . / -)' })
  roleClaim: string;
  @Field(() => [RoleMappingInput], {
    description: 'Which claim values give which role; a person with none is refused.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'roleMappings: give at least one claim value and its role' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RoleMappingInput)
  roleMappings: RoleMappingInput[];
}

@InputType({ description: 'The fields to change; the others stay as they are.' })
export class UpdateIdentityProviderInput {
  @Field(() => String, { nullable: true, description: 'The issuer URL.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  issuer?: string | null;
  @Field(() => String, { nullable: true, description: "kemkollen's client id at the provider." })
  @IsOptional()
  @RequiredText(200)
  clientId?: string | null;
  @Field(() => String, { nullable: true, description: 'A new client secret: stored encrypted, never returned.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  clientSecret?: string | null;
  @Field(() => [String], { nullable: true, description: 'Scopes to ask for; `openid` is always added.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(SCOPE, { each: true, message: 'scopes: each scope is one word of printable characters' })
  scopes?: string[] | null;
  @Field(() => SubjectClaimEnum, { nullable: true, description: 'Which claim says who the person is.' })
  @IsOptional()
  @IsIn(SUBJECT_CLAIMS, { message: `subjectClaim must be one of ${SUBJECT_CLAIMS.join(', ')}` })
  subjectClaim?: SubjectClaim | null;
  @Field(() => String, { nullable: true, description: 'The claim holding the group ids or role names.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'roleClaim must be a claim name (letters, digits, _ : . / -)' })
  roleClaim?: string | null;
  @Field(() => [RoleMappingInput], { nullable: true, description: 'Replaces the whole mapping.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'roleMappings: give at least one claim value and its role' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RoleMappingInput)
  roleMappings?: RoleMappingInput[] | null;
}
