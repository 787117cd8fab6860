import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import {
  type Check,
  checkCasNumber,
  checkCountryCode,
  checkEcNumber,
  checkGtin,
  checkOrganisationNumber,
} from './identifiers.js';

type IdentifierCheck = (input: string) => Check;

const isAbsent = (value: unknown): value is null | undefined => value === null || value === undefined;

/** Runs a check on any value: absent values pass (`@IsOptional` decides), non-strings fail. */
function run(check: IdentifierCheck, value: unknown): Check | null {
  if (isAbsent(value)) return null;
  if (typeof value !== 'string') return { ok: false, reason: 'must be a string' };
  return check(value);
}

/**
 * The message names the field, the rejected value and the reason, e.g.
 * `casNumber "117-81-8": check digit should be 7`. With `each: true` class-validator hands the
 * whole array to the message builder, so the first rejected element is the one reported.
 */
function messageFor(check: IdentifierCheck, args: ValidationArguments): string {
  const values: unknown[] = Array.isArray(args.value) ? args.value : [args.value];
  for (const value of values) {
    const result = run(check, value);
    if (result && !result.ok) return `${args.property} "${String(value)}": ${result.reason}`;
  }
  return `${args.property} "${String(args.value)}": is not valid`;
}

function identifierDecorator(name: string, check: IdentifierCheck) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target: object, propertyName: string | symbol) => {
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options,
        validator: {
          validate: (value: unknown) => run(check, value)?.ok ?? true,
          defaultMessage: (args?: ValidationArguments) => (args ? messageFor(check, args) : `is not a valid ${name}`),
        },
      });
    };
}

/** CAS Registry Number with a valid check digit, e.g. `117-81-7`. */
export const IsCasNumber = identifierDecorator('isCasNumber', checkCasNumber);

/** EC number with a valid check digit, e.g. `204-211-0`. */
export const IsEcNumber = identifierDecorator('isEcNumber', checkEcNumber);

/** Swedish organisationsnummer with a valid Luhn digit, with or without the hyphen. */
export const IsOrganisationNumber = identifierDecorator('isOrganisationNumber', checkOrganisationNumber);

/** GTIN-8, -12, -13 or -14 with a valid check digit. */
export const IsGtin = identifierDecorator('isGtin', checkGtin);

/** ISO 3166-1 alpha-2 country code, case-insensitive. */
export const IsCountryCode = identifierDecorator('isCountryCode', checkCountryCode);
