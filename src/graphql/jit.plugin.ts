import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { GraphQLContext } from '../common/graphql-context.js';

/** How often the plugin answered, and how often it left an operation to graphql-js after an error (tests, diagnostics). */
export const jitStats = { answered: 0, steppedAside: 0 };

/** A document runs on graphql-js until its COMPILE_AFTER-th request. */
const COMPILE_AFTER = 2;

/**
 * Per parsed document and operation (Apollo keeps one parsed document per query text, so this
 * follows its cache): how often it was seen, and its compiled query once there is one (null: it
 * does not compile).
 */
type Compiled = { seen: number; query?: CompiledQuery | null };

/**
 * Runs queries (not mutations, not subscriptions) with graphql-jit: each document is compiled once
 * into a function that walks exactly its selection, which completes a result several times faster
 * than graphql-js's general executor (bench/report.md: a lookup completes about a thousand fields).
 * The schema, its resolvers (Nest's, with the guard, pipes and loaders) and the context are the same;
 * only the completion of values differs.
 *
 * Only clean results are answered this way: when the compiled query reports any error (variables
 * that do not coerce, a resolver that throws NOT_FOUND or FORBIDDEN), the plugin steps aside and
 * Apollo executes the operation with graphql-js as before, so every error keeps graphql-js's message,
 * path and location and passes through the same formatting (formatGraphQLError, the request-id
 * plugin). Queries only read, so running one a second time changes nothing; the request's loaders
 * still hold what the first run read. A document graphql-jit cannot compile is left to graphql-js,
 * and so is a document's first request (compiling pays off only for documents that come back).
 *
 * Apollo Server calls `responseForOperation` after parsing, validation and the query limits
 * (didResolveOperation) and before its own execution: the documented hook for answering an
 * operation another way (its response cache uses it).
 */
export function jitPlugin(): ApolloServerPlugin<GraphQLContext> {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();

  const compiledFor = (
    schema: Parameters<typeof compileQuery>[0],
    document: DocumentNode,
    operationName: string | undefined,
  ): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) {
      byName = new Map();
      compiled.set(document, byName);
    }
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) byName.set(key, (entry = { seen: 0 }));
    // Compiling costs more than executing once: a document is compiled when it comes back, so a
    // client that writes its values into the query text (a new document each time) costs no more
    // than with graphql-js alone.
    if (++entry.seen < COMPILE_AFTER) return null;
    if (entry.query === undefined) {
      try {
        const made = compileQuery(schema, document, operationName);
        entry.query = isCompiledQuery(made) ? made : null;
      } catch {
        entry.query = null;
      }
    }
    return entry.query;
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, operationName, request, contextValue }) {
          // No operation (an unknown operationName, or several operations and no name): Apollo's
          // own execution answers OPERATION_RESOLUTION_FAILURE with 400.
          if (operation?.operation !== 'query') return null;
          const query = compiledFor(schema, document, operationName ?? undefined);
          if (!query) return null;
          const result = await query.query(undefined, contextValue, request.variables ?? {});
          if (result.errors?.length || result.data === undefined) {
            jitStats.steppedAside++;
            return null;
          }
          jitStats.answered++;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: result.data } },
          };
        },
      };
    },
  };
}
