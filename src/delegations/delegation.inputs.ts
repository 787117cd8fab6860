import { ArgsType, Field, ID } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsUUID } from 'class-validator';
import { PageArgs } from '../common/pagination/connection.js';
import { IsIsoDate } from '../common/validation/is-iso-date.js';
import { DELEGATION_SCOPES, type DelegationScope } from '../vocabulary/vocabulary.js';
import { DelegationScopeEnum } from './delegation.model.js';

@ArgsType()
export class GrantDelegationArgs {
  @Field(() => ID, { description: 'The organisation that may act for yours.' })
  @IsUUID('all', { message: 'toOrganisationId must be an id' })
  toOrganisationId: string;
  @Field(() => [DelegationScopeEnum], { description: 'What the delegate may do: at least one scope.' })
  @ArrayMinSize(1, { message: 'scopes must list at least one scope' })
  @ArrayMaxSize(DELEGATION_SCOPES.length)
  @IsIn(DELEGATION_SCOPES, { each: true, message: `scopes must be among ${DELEGATION_SCOPES.join(', ')}` })
  scopes: DelegationScope[];
  @Field(() => DateScalar, { description: 'The last day it holds (YYYY-MM-DD, UTC); today or later.' })
  @IsIsoDate()
  expiresOn: string;
}

@ArgsType()
export class DelegationsArgs extends PageArgs {}
