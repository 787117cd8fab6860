import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { NotBlank } from './field-rules.js';

/**
 * Groups of validation decorators that inputs repeat field after field. Each names its field in
 * its message through `$property`, so one group serves every field it stands on.
 */

/** An id (a UUID). */
export const IsId = () => IsUUID('all', { message: '$property must be an id' });

/** A list of at most `max` ids. */
export const AreIds = (max: number) =>
  applyDecorators(ArrayMaxSize(max), IsUUID('all', { each: true, message: '$property must be ids' }));

/** A list of 1 to `max` texts (codes). */
export const AreCodes = (max: number) => applyDecorators(ArrayMinSize(1), ArrayMaxSize(max), IsString({ each: true }));

/** A text that must be given and not blank, 1 to `max` characters. */
export const RequiredText = (max: number) => applyDecorators(IsString(), NotBlank(), Length(1, max));

/** A nullable GraphQL String that may be left out or null, else at most `max` characters. */
export const OptionalTextField = (max: number, description: string) =>
  applyDecorators(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );
