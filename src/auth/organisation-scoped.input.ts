import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsId } from '../common/validation/field-groups.js';

/**
 * The start of an input an ADMIN gives for an organisation (members, API clients, identity
 * providers): which organisation, their own unless they say otherwise; the service refuses another.
 */
@InputType({ isAbstract: true })
export abstract class OrganisationScopedInput {
  @Field(() => ID, {
    nullable: true,
    description: "Defaults to your organisation; another organisation's is FORBIDDEN.",
  })
  @IsOptional()
  @IsId()
  organisationId?: string | null;
}
