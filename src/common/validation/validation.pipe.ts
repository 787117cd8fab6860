import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type InputProblem } from '../errors/domain-error.js';
import { rememberValidationMetadata } from './validation-metadata-cache.js';

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

/** class-validator on every input; a failure is BAD_USER_INPUT naming every bad field, and nothing runs. */
export const validationPipe = new ValidationPipe({
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
