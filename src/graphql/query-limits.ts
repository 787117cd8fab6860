import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type ASTNode,
  type DocumentNode,
  getNullableType,
  Kind,
  visit,
  GraphQLError,
  type GraphQLSchema,
  isListType,
  Lexer,
  parse,
  type ParseOptions,
  Source,
  specifiedRules,
  TokenKind,
  validate,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination/connection.js';
import { QueryLimitError, queryLimitErrorOf } from '../common/errors/query-limit.error.js';
import type { QueryLimits } from '../config/hardening.config.js';
import { hasNulString, nulCharacterError } from './text-input.js';

/**
 * The query limits (issue 7), one set for every transport: Apollo over HTTP applies them through
 * `validationRules`, `parseOptions` and `queryLimitsPlugin`; graphql-ws applies the same ones in its
 * `onSubscribe` (see `checkOperation`). Each refusal is a QueryLimitError naming the limit.
 *
 * Depth and aliases come from graphql-armor's rules, the cost from graphql-query-complexity with
 * an estimator that multiplies a connection's selection by its `first`, the token count from
 * graphql-js's own lexer (its parser stops at `maxTokens`). Nothing here parses GraphQL by hand.
 */

export { QueryLimitError } from '../common/errors/query-limit.error.js';

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * How often a document was analysed: validated with the limits' rules (size, depth, aliases) and
 * costed. Apollo keeps each parsed and validated document, and the cost is kept per document unless
 * a variable can change it, so both grow once per distinct document (tests, diagnostics).
 */
export const queryLimitStats = { validated: 0, costed: 0 };

/** A refusal when the query text is larger than maxDocumentBytes, else null. */
export function documentSizeError(query: string | undefined | null, limits: QueryLimits): QueryLimitError | null {
  if (typeof query !== 'string') return null;
  // A UTF-8 character is at most 4 bytes: skip the byte count for short texts.
  if (query.length * 4 <= limits.maxDocumentBytes) return null;
  const bytes = utf8Bytes(query);
  if (bytes <= limits.maxDocumentBytes) return null;
  return new QueryLimitError(
    'maxDocumentBytes',
    limits.maxDocumentBytes,
    bytes,
    `Query limit exceeded: the document is ${bytes} bytes, more than the ${limits.maxDocumentBytes} allowed (maxDocumentBytes)`,
  );
}

/** Options for graphql's `parse`: the parser gives up after maxTokens tokens instead of building a huge AST. */
export function queryParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/**
 * The cost of one field: 1, plus its selection times how many items it may return: `first`
 * (default 20, at most 100) for a connection, `listCostFactor` for a plain list, else 1. The
 * `nodes` and `edges` of a connection are already counted by its `first`.
 */
export function costEstimator(limits: QueryLimits): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (type.name.endsWith('Connection')) return 1 + childComplexity;
    if (field.args.some((arg) => arg.name === 'first')) {
      const first = typeof args.first === 'number' && Number.isFinite(args.first) ? args.first : DEFAULT_PAGE_SIZE;
      return 1 + Math.min(Math.max(first, 1), MAX_PAGE_SIZE) * childComplexity;
    }
    const multiplier = isListType(getNullableType(field.type)) ? limits.listCostFactor : 1;
    return 1 + multiplier * childComplexity;
  };
}

const costError = (max: number, actual: number | null) =>
  new QueryLimitError(
    'maxCost',
    max,
    actual,
    actual === null
      ? `Query limit exceeded: the query selects too many fields to estimate its cost (maxCost ${max})`
      : `Query limit exceeded: the estimated cost ${actual} is more than the ${max} allowed (maxCost; a connection counts its selection \`first\` times)`,
  );

/**
 * The estimated cost of an operation with its variables, or null when the variables do not fit
 * the operation (execution refuses those anyway, with BAD_USER_INPUT, before anything runs).
 * Returns a refusal when it is over maxCost.
 */
export function costCheck(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: QueryLimits,
  request: { variables?: Record<string, unknown> | null; operationName?: string | null } = {},
): { cost: number | null; error: QueryLimitError | null } {
  let cost: number;
  queryLimitStats.costed++;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
      estimators: [costEstimator(limits)],
    });
  } catch (error) {
    // graphql-query-complexity gives up on fragment bombs with this error: over any budget.
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))
      return { cost: null, error: costError(limits.maxCost, null) };
    return { cost: null, error: null };
  }
  return { cost, error: cost > limits.maxCost ? costError(limits.maxCost, cost) : null };
}

/** Counts the document's tokens with graphql-js's lexer: for transports that parse without maxTokens. */
function tokenRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext) => ({
    Document(node) {
      const body = node.loc?.source.body;
      if (body === undefined) return;
      const lexer = new Lexer(new Source(body));
      let tokens = 0;
      while (lexer.advance().kind !== TokenKind.EOF) {
        if (++tokens > limits.maxTokens) {
          context.reportError(
            new QueryLimitError(
              'maxTokens',
              limits.maxTokens,
              null,
              `Query limit exceeded: the document has more than ${limits.maxTokens} tokens (maxTokens ${limits.maxTokens})`,
            ),
          );
          return;
        }
      }
    },
  });
}

function documentSizeRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext) => ({
    Document(node) {
      queryLimitStats.validated++;
      const error = documentSizeError(node.loc?.source.body, limits);
      if (error) context.reportError(error);
    },
  });
}

function costRule(
  limits: QueryLimits,
  request: { variables?: Record<string, unknown> | null; operationName?: string | null },
): ValidationRule {
  return (context: ValidationContext) => ({
    Document: {
      leave(node) {
        const { error } = costCheck(context.getSchema(), node, limits, request);
        if (error) context.reportError(error);
      },
    },
  });
}

/**
 * The limits as graphql validation rules, for any transport.
 *
 * Without `request`: document size, depth and aliases (what Apollo may cache per document; its parser
 * stops at maxTokens itself and queryLimitsPlugin adds the cost with the request's variables). With
 * `request` (graphql-ws: the subscribe message's variables and operation name): all five, the token
 * count and the cost with those variables included.
 */
export function queryLimitRules(
  limits: QueryLimits,
  request?: { variables?: Record<string, unknown> | null; operationName?: string | null },
): ValidationRule[] {
  // graphql-armor's messages end in "found N."; the refusal is re-worded to name the limit.
  const report = (context: ValidationContext, limit: 'maxDepth' | 'maxAliases', max: number, message: string) => {
    const found = Number(/found (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const what = limit === 'maxDepth' ? `the query is ${found} levels deep` : `the query has ${found} aliases`;
    context.reportError(
      new QueryLimitError(
        limit,
        max,
        Number.isNaN(found) ? null : found,
        `Query limit exceeded: ${what}, more than the ${max} allowed (${limit})`,
      ),
    );
  };
  const rules: ValidationRule[] = [
    documentSizeRule(limits),
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [(context, error) => report(context as ValidationContext, 'maxDepth', limits.maxDepth, error.message)],
    }) as ValidationRule,
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [
        (context, error) => report(context as ValidationContext, 'maxAliases', limits.maxAliases, error.message),
      ],
    }) as ValidationRule,
  ];
  if (request) rules.push(tokenRule(limits), costRule(limits, request));
  return rules;
}

/** What a document alone decides, per set of limits: whether a string in it holds NUL, whether a variable can change its cost, the cost per operation otherwise. */
interface DocumentFacts {
  hasNul: boolean;
  costVaries: boolean;
  costs: Map<string, QueryLimitError | null>;
}
const documentFacts = new WeakMap<QueryLimits, WeakMap<DocumentNode, DocumentFacts>>();

/**
 * The checks of one request on a parsed and validated document: the cost with its variables (over
 * maxCost: a refusal) and NUL in any text (text-input.ts). What depends on the document alone is
 * worked out once per document (transports keep one parsed document per query text), the cost too
 * unless a variable can change it (most requests repeat one of a few documents with other values).
 */
export function requestLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: QueryLimits,
  request: { variables?: Record<string, unknown> | null; operationName?: string | null },
): GraphQLError | null {
  let byDocument = documentFacts.get(limits);
  if (!byDocument) documentFacts.set(limits, (byDocument = new WeakMap()));
  let facts = byDocument.get(document);
  if (!facts) {
    facts = { hasNul: hasNulString(document), costVaries: costDependsOnVariables(document), costs: new Map() };
    byDocument.set(document, facts);
  }
  const key = request.operationName ?? '';
  let error = facts.costVaries ? undefined : facts.costs.get(key);
  if (error === undefined) {
    error = costCheck(schema, document, limits, request).error;
    if (!facts.costVaries) facts.costs.set(key, error);
  }
  return error ?? nulCharacterError(document, request.variables, facts.hasNul);
}

type Analysis =
  { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

/** Parsed and validated documents per query text, per schema and limits (graphql-ws's own document cache). */
const analyses = new WeakMap<QueryLimits, WeakMap<GraphQLSchema, Map<string, Analysis>>>();
/** Distinct query texts kept: far more than the documents of the clients of one instance. */
const ANALYSES_KEPT = 1000;

/** The size check, `parse` with maxTokens and `validate` with the limits' rules, once per query text. */
function analyse(schema: GraphQLSchema, limits: QueryLimits, query: string): Analysis {
  let bySchema = analyses.get(limits);
  if (!bySchema) analyses.set(limits, (bySchema = new WeakMap()));
  let byText = bySchema.get(schema);
  if (!byText) bySchema.set(schema, (byText = new Map()));
  const known = byText.get(query);
  if (known) return known;
  let analysis: Analysis;
  const sizeError = documentSizeError(query, limits);
  if (sizeError) analysis = { errors: [sizeError] };
  else {
    try {
      const document = parse(query, queryParseOptions(limits));
      const errors = validate(schema, document, [...specifiedRules, ...queryLimitRules(limits)]);
      analysis = errors.length ? { errors } : { document };
    } catch (error) {
      analysis = { errors: [queryLimitErrorOf(error) ?? (error as GraphQLError)] };
    }
  }
  if (byText.size >= ANALYSES_KEPT) byText.delete(byText.keys().next().value!);
  byText.set(query, analysis);
  return analysis;
}

/**
 * Everything a non-Apollo transport (graphql-ws's onSubscribe) needs in one call: the size check,
 * `parse` with maxTokens and `validate` with the specified rules and the limits' rules, once per
 * query text (as Apollo does over HTTP); then the cost with the request's variables and NUL in any
 * text (requestLimitError). Returns the parsed document, or the errors to answer with.
 */
export function checkOperation(
  schema: GraphQLSchema,
  limits: QueryLimits,
  request: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
): Analysis {
  const analysis = analyse(schema, limits, request.query);
  if (analysis.errors) return analysis;
  const error = requestLimitError(schema, analysis.document, limits, request);
  return error ? { errors: [error] } : analysis;
}

/**
 * The Apollo side of the cost: checked with the request's variables once the operation is known
 * (Apollo keeps each parsed and validated document). Size, depth and aliases run as validationRules,
 * tokens as parseOptions (see apolloQueryLimitOptions). Text with a NUL character is refused here
 * too (text-input.ts).
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const error = requestLimitError(schema, document, limits, { variables: request.variables, operationName });
          if (error) throw error;
        },
      };
    },
  };
}

/**
 * True when a variable can change the document's cost: one given to a `first` argument (the
 * estimator multiplies by it) or to a directive (`@include(if: $x)` and `@skip` decide what counts).
 */
export function costDependsOnVariables(document: DocumentNode): boolean {
  let varies = false;
  const usesVariable = (node: ASTNode) => {
    let found = false;
    visit(node, { Variable: () => void (found = true) });
    return found;
  };
  visit(document, {
    Argument(node, _key, _parent, _path, ancestors) {
      // The node holding the argument list: a field or a directive (ancestors end with it or the list).
      const holder = [...ancestors].reverse().find((a) => !Array.isArray(a)) as ASTNode | undefined;
      const inDirective = holder?.kind === Kind.DIRECTIVE;
      if ((node.name.value === 'first' || inDirective) && usesVariable(node.value)) varies = true;
    },
  });
  return varies;
}

/**
 * The Apollo Server options that enforce the limits over HTTP: one call, spread into the options.
 * Batched arrays are refused ("Operation batching disabled."), so one request is one operation and
 * the limits cannot be multiplied by batching; CSRF prevention stays on (Apollo's default, stated).
 */
export function apolloQueryLimitOptions(limits: QueryLimits) {
  return {
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: queryParseOptions(limits),
    validationRules: queryLimitRules(limits),
    plugins: [queryLimitsPlugin(limits)],
  };
}
