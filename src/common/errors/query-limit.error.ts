import { GraphQLError } from 'graphql';

/** The names of the query limits, as clients see them in `extensions.limit` (configuration: hardening.config.ts). */
export type QueryLimitName = 'maxDepth' | 'maxAliases' | 'maxTokens' | 'maxDocumentBytes' | 'maxCost';

/**
 * A query refused by one of the query limits, before anything runs. Answered with
 * `extensions.code` QUERY_LIMIT_EXCEEDED, the limit's name, its maximum and what was found, and
 * HTTP 400 (formatGraphQLError keeps the code even where Apollo wraps it as a validation error).
 */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly limit: QueryLimitName,
    readonly max: number,
    readonly actual: number | null,
    message: string,
  ) {
    super(message, {
      extensions: {
        code: 'QUERY_LIMIT_EXCEEDED',
        limit,
        max,
        ...(actual === null ? {} : { actual }),
        http: { status: 400 },
      },
    });
    this.name = 'QueryLimitError';
  }
}

/** graphql-js's own refusal when `parse(…, { maxTokens })` stops early. */
// graphql-js words it "more that N tokens" (sic); accept either spelling.
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/**
 * The QueryLimitError behind an error, if any: ours (possibly wrapped by Apollo as a validation
 * error), or graphql-js's parser stopping at maxTokens, which is re-worded to name the limit.
 */
export function queryLimitErrorOf(error: unknown): QueryLimitError | null {
  let current = error;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof QueryLimitError) return current;
    if (current instanceof GraphQLError) {
      const tokens = TOKEN_LIMIT.exec(current.message);
      if (tokens) {
        const max = Number(tokens[1]);
        return new QueryLimitError(
          'maxTokens',
          max,
          null,
          `Query limit exceeded: the document has more than ${max} tokens (maxTokens ${max})`,
        );
      }
      current = current.originalError;
    } else {
      return null;
    }
  }
  return null;
}
