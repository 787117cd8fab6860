import { applyDecorators } from '@nestjs/common';
import { Matches, ValidateIf } from 'class-validator';

/**
 * For update inputs: the field may be left out (undefined), but an explicit null is validated
 * like any other value, so `name: null` is refused instead of blanking a required column.
 */
export const OmittableNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A text that is not only white space. */
export const NotBlank = () => applyDecorators(Matches(/\S/, { message: '$property must not be blank' }));
