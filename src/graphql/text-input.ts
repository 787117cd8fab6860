import { type DocumentNode, GraphQLError, visit } from 'graphql';

/** Where in the variables (or the document) a string first holds U+0000, or null. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const found = findNul(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** True when a string literal of the document contains U+0000 (the same for every request of the document). */
export function hasNulString(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

/**
 * A refusal when any text of the request contains the NUL character (U+0000): PostgreSQL cannot
 * store it in text and fails the whole statement ("invalid byte sequence"), which would otherwise
 * surface as an internal error (found by test/fuzz.e2e-spec.ts). Checked for every operation, in
 * the variables and in the document's string literals, before anything runs.
 */
export function nulCharacterError(
  document: DocumentNode | undefined,
  variables: Record<string, unknown> | null | undefined,
  documentHasNul?: boolean,
): GraphQLError | null {
  let where = findNul(variables ?? {}, 'variables');
  if (!where && document && (documentHasNul ?? hasNulString(document))) where = 'a string in the query';
  return where
    ? new GraphQLError(`${where}: text must not contain the NUL character (U+0000)`, {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      })
    : null;
}
