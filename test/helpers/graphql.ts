import type { GraphQLResponse } from './test-app.js';

/**
 * The data of a response that must have succeeded. Fails with the errors themselves, so a broken
 * arrange step says why instead of "cannot read properties of undefined".
 */
export function dataOf<T = any>(r: GraphQLResponse<T>): T {
  if (r.errors?.length || !r.data) {
    throw new Error(`expected a successful response, got HTTP ${r.status}: ${JSON.stringify(r.errors ?? r)}`);
  }
  return r.data;
}

/** Asserts a refusal: the code of the first error, and that its message contains each part. */
export function expectError(r: GraphQLResponse, code: string, ...messageParts: string[]): void {
  expect(r.errors?.[0]?.extensions?.code).toBe(code);
  for (const part of messageParts) expect(r.errors?.[0]?.message).toContain(part);
}

/**
 * `it`, or `it.failing` while a known bug in src/ applies (the test body states the expected
 * behaviour). When the bug is fixed the test reports "passed unexpectedly": drop the marker then.
 * KNOWN_BUGS=show runs them as plain tests, to see how each one fails today.
 */
export const knownBug = (applies = true): jest.It => (applies && process.env.KNOWN_BUGS !== 'show' ? it.failing : it);
