import { DomainError } from './domain-error.js';

/**
 * A single lookup's answer (`product(id)`, `followUp(id)`…): null, without an error, when the record
 * does not exist or the caller may not see it, so one unknown id among several fields of a request
 * does not wipe the whole answer (`data: null`). A malformed argument is still BAD_USER_INPUT.
 */
export async function nullIfAbsent<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
    throw error;
  }
}
