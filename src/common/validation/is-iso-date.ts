import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * True for a real calendar date written YYYY-MM-DD (2025-02-30 is refused), in the years 0001–9999:
 * JavaScript takes year 0000, PostgreSQL's `date` does not (found by test/fuzz.e2e-spec.ts).
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A date field: ISO 8601 YYYY-MM-DD, a real day. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => value === null || value === undefined || isIsoDate(value),
        defaultMessage: (args) => `${args?.property} "${String(args?.value)}": must be a date written YYYY-MM-DD`,
      },
    });
}
