import { badInput } from '../errors/domain-error.js';
import { type Check } from './identifiers.js';

/**
 * The normalised value of an identifier already validated by its decorator (e.g. upper-cased
 * country, hyphenated organisationsnummer). Throws BAD_USER_INPUT if called on an invalid one.
 */
export function normalised(field: string, value: string, check: (v: string) => Check): string {
  const result = check(value);
  if (!result.ok) throw badInput(field, `"${value}": ${result.reason}`);
  return result.value;
}

export function normalisedOrNull(
  field: string,
  value: string | null | undefined,
  check: (v: string) => Check,
): string | null {
  return value === null || value === undefined || value === '' ? null : normalised(field, value, check);
}
