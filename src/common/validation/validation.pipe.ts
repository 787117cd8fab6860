import {
  type ArgumentMetadata,
  ValidationPipe,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { DomainError, type InputProblem } from '../errors/domain-error.js';
import { rememberValidationMetadata } from './validation-metadata-cache.js';
import { UNDECIDED, ValidationPlans } from './validation-plan.js';

/** Flattens class-validator's tree into `path: reason` lines, e.g. `input.measurements[2].unit must be …`. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? `${path}${message.slice(error.property.length)}` : `${path}: ${message}`,
    );
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/** Every failed constraint as a problem with its path (`["measurements", 2, "unit"]`) and reason. */
export function validationProblems(errors: ValidationError[], parent: Array<string | number> = []): InputProblem[] {
  return errors.flatMap((error) => {
    const path = [...parent, /^\d+$/.test(error.property) ? Number(error.property) : error.property];
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      reason: message.startsWith(error.property) ? message.slice(error.property.length).replace(/^:?\s*/, '') : message,
    }));
    return [...own, ...validationProblems(error.children ?? [], path)];
  });
}

function firstPath(errors: ValidationError[], parent = ''): string {
  const e = errors[0];
  if (!e) return parent;
  const path = parent
    ? /^\d+$/.test(e.property)
      ? `${parent}[${e.property}]`
      : `${parent}.${e.property}`
    : e.property;
  return e.children?.length ? firstPath(e.children, path) : path;
}

rememberValidationMetadata();

/**
 * Nest's ValidationPipe with a planned accepting path (ValidationPlans): an argument that passes
 * every rule is built and checked from a per-class plan; one that does not, or that the plan cannot
 * follow, goes through ValidationPipe as before, which writes the error.
 */
export class PlannedValidationPipe extends ValidationPipe {
  private readonly plans = new ValidationPlans();
  /**
   * Tests turn this on (test/helpers/test-app.ts): every value the plan accepts also goes the whole
   * way, and the request fails unless ValidationPipe accepts it too and builds the same instance.
   */
  crossCheck = false;

  constructor(options: ValidationPipeOptions) {
    super(options);
    if (
      !options.transform ||
      !options.whitelist ||
      options.forbidNonWhitelisted ||
      options.groups ||
      options.expectedType
    )
      throw new Error('PlannedValidationPipe follows ValidationPipe with transform and whitelist only');
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && this.toValidate(metadata)) {
      const entity = this.plans.build(metadata.metatype, value);
      if (entity !== UNDECIDED) {
        if (this.crossCheck) await this.compare(entity, copyOf(value), metadata);
        return entity;
      }
    }
    return super.transform(value, metadata);
  }

  private async compare(planned: object, value: unknown, metadata: ArgumentMetadata): Promise<void> {
    const whole: unknown = await super.transform(value, metadata).catch((error: unknown) => {
      throw new Error(`PlannedValidationPipe accepted what ValidationPipe refuses (${metadata.metatype?.name})`, {
        cause: error,
      });
    });
    const difference = differenceOf(planned, whole, '');
    if (difference !== undefined)
      throw new Error(
        `PlannedValidationPipe built another ${metadata.metatype?.name} than ValidationPipe: ${difference}`,
      );
  }
}

/** A copy of plain data (objects, arrays, primitives: what the plan accepts), made in this realm. */
export function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, copyOf(v)]));
}

/** Where two built values differ (prototype, own keys or a value), or undefined when they do not. */
export function differenceOf(a: unknown, b: unknown, path: string): string | undefined {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return Object.is(a, b) ? undefined : `${path || 'value'}: ${String(a)} against ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path || 'value'}: another class`;
  const keys = Object.keys(a).sort();
  const others = Object.keys(b).sort();
  if (keys.join() !== others.join()) return `${path || 'value'}: keys ${keys.join()} against ${others.join()}`;
  for (const key of keys) {
    const difference = differenceOf(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (difference !== undefined) return difference;
  }
  return undefined;
}

/** class-validator on every input; a failure is BAD_USER_INPUT naming every bad field, and nothing runs. */
export const validationPipe = new PlannedValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  stopAtFirstError: false,
  exceptionFactory: (errors: ValidationError[]) =>
    new DomainError(
      'BAD_USER_INPUT',
      describeValidationErrors(errors).join('; '),
      firstPath(errors),
      validationProblems(errors),
    ),
});
