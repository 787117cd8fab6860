import { type DocumentNode, GraphQLError, visit } from 'graphql';

/** A UTF-16 surrogate that is not half of a pair (with the `u` flag a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with a text of the request, or null. */
function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'text must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text))
    return 'text must not contain a lone surrogate (half of a UTF-16 pair, such as \\uD800): it is not a character';
  return null;
}

/** Where in the variables a string first holds a NUL or a lone surrogate, and why; or null. */
function findBadText(value: unknown, path: string, depth = 0): { where: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = textProblem(value);
    return reason ? { where: path, reason } : null;
  }
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const found = findBadText(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
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
 *
 * A lone surrogate (JSON allows "\uD800" alone) is refused too: it is no character, UTF-8 cannot
 * encode it, so it would be answered as sent but stored and read back as U+FFFD. graphql-js itself
 * refuses one in the document's string literals.
 */
export function nulCharacterError(
  document: DocumentNode | undefined,
  variables: Record<string, unknown> | null | undefined,
  documentHasNul?: boolean,
): GraphQLError | null {
  let found = findBadText(variables ?? {}, 'variables');
  if (!found && document && (documentHasNul ?? hasNulString(document)))
    found = { where: 'a string in the query', reason: textProblem('\u0000')! };
  return found
    ? new GraphQLError(`${found.where}: ${found.reason}`, {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      })
    : null;
}
