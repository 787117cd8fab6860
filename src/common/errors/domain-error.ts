/**
 * The error codes a client must handle. Each maps to `extensions.code` in the GraphQL response.
 * Features throw `DomainError`s; `formatGraphQLError` turns them into GraphQL errors in one place.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** One thing wrong with an input: where (`["input", "measurements", 2, "value"]`) and why. */
export interface InputProblem {
  path: Array<string | number>;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the error is about, e.g. `input.casNumber`. */
    readonly field?: string,
    /** BAD_USER_INPUT: every problem found (`extensions.problems`); the first is `field`'s. */
    readonly problems?: readonly InputProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A field as a path: `measurements[2].value` → `["measurements", 2, "value"]`. */
export function pathOf(field: string): Array<string | number> {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** A path as a field: `["measurements", 2, "value"]` → `measurements[2].value`. */
export function fieldOf(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

export const badInput = (field: string, reason: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${reason}`, field, [{ path: pathOf(field), reason }]);

/** BAD_USER_INPUT listing every problem (at least one): the message joins them, `field` is the first's. */
export function badInputs(problems: ReadonlyArray<{ field: string; reason: string }>): DomainError {
  return new DomainError(
    'BAD_USER_INPUT',
    problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
    problems[0]!.field,
    problems.map((p) => ({ path: pathOf(p.field), reason: p.reason })),
  );
}

export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} "${id}" was not found`);
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);
