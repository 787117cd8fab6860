/**
 * The error codes a client must handle. Each maps to `extensions.code` in the GraphQL response.
 * Features throw `DomainError`s; `formatGraphQLError` turns them into GraphQL errors in one place.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the error is about, e.g. `input.casNumber`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, reason: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${reason}`, field);
export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} "${id}" was not found`);
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);
