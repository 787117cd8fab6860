import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import type { QueryLimits } from '../config/hardening.config.js';
import {
  checkOperation,
  costCheck,
  costDependsOnVariables,
  documentSizeError,
  queryLimitRules,
  queryLimitStats,
} from './query-limits.js';

const schema = buildSchema(`
  type Query { items(first: Int, after: String): ItemConnection! item(id: ID!): Item! }
  type ItemConnection { nodes: [Item!]! totalCount: Int! }
  type Item { id: ID! name: String! parts: [Item!]! parent: Item }
`);
const limits: QueryLimits = {
  maxDepth: 5,
  maxAliases: 2,
  maxTokens: 50,
  maxDocumentBytes: 300,
  maxCost: 1000,
  listCostFactor: 5,
};
const refusals = (query: string, request?: { variables?: Record<string, unknown> }) =>
  validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(limits, request)]).map((e) => e.extensions);

describe('query limits', () => {
  it.each([
    ['a query within every limit', '{ items(first: 3) { nodes { id name } } }', []],
    ['depth over maxDepth', '{ item(id: 1) { parent { parent { parent { parent { id } } } } } }', ['maxDepth']],
    [
      'aliases over maxAliases',
      '{ a: item(id: 1) { id } b: item(id: 2) { id } c: item(id: 3) { id } }',
      ['maxAliases'],
    ],
    ['aliases on __typename are free', '{ a: __typename b: __typename c: __typename }', []],
  ])('%s', (_name, query, expected) => {
    expect(refusals(query).map((e) => e.limit)).toEqual(expected);
  });

  it('names the limit, its maximum and what was found', () => {
    const [error] = validate(
      schema,
      parse('{ item(id: 1) { parent { parent { parent { parent { id } } } } } }'),
      queryLimitRules(limits),
    );
    expect(error!.message).toBe('Query limit exceeded: the query is 6 levels deep, more than the 5 allowed (maxDepth)');
    expect(error!.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxDepth', max: 5, actual: 6 });
  });

  it('multiplies a connection by first (default 20, at most 100) and a plain list by listCostFactor', () => {
    const cost = (query: string, variables?: Record<string, unknown>) =>
      costCheck(schema, parse(query), limits, { variables }).cost;
    expect(cost('{ items(first: 2) { nodes { id } } }')).toBe(1 + 2 * (1 + 1));
    expect(cost('{ items { nodes { id } } }')).toBe(1 + 20 * 2);
    expect(cost('query ($n: Int) { items(first: $n) { nodes { id } } }', { n: 7 })).toBe(1 + 7 * 2);
    expect(cost('{ items(first: 100000) { nodes { id } } }')).toBe(1 + 100 * 2);
    expect(cost('{ item(id: 1) { parts { id } } }')).toBe(1 + (1 + 5 * 1));
    expect(cost('query ($n: Int!) { items(first: $n) { totalCount } }', { n: 'not a number' })).toBeNull();
  });

  it('refuses a cost over maxCost, with the variables of the request', () => {
    const query = 'query ($n: Int) { items(first: $n) { nodes { parts { parts { id } } } } }';
    expect(refusals(query, { variables: { n: 1 } })).toEqual([]);
    expect(refusals(query, { variables: { n: 50 } })).toEqual([
      expect.objectContaining({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxCost', max: 1000 }),
    ]);
  });

  it('counts bytes in UTF-8, not characters', () => {
    expect(documentSizeError('å'.repeat(150), limits)).toBeNull();
    expect(documentSizeError('å'.repeat(151), limits)?.extensions).toMatchObject({
      limit: 'maxDocumentBytes',
      actual: 302,
    });
  });

  it('checkOperation: size before parsing, maxTokens while parsing, then every rule', () => {
    expect(
      checkOperation(schema, limits, { query: `{ items { totalCount } } #${'x'.repeat(300)}` }).errors?.[0]?.extensions
        ?.limit,
    ).toBe('maxDocumentBytes');
    expect(checkOperation(schema, limits, { query: `{ ${'a '.repeat(60)} }` }).errors?.[0]?.extensions?.limit).toBe(
      'maxTokens',
    );
    expect(checkOperation(schema, limits, { query: '{ nope }' }).errors?.[0]?.message).toMatch(
      /Cannot query field "nope"/,
    );
    expect(checkOperation(schema, limits, { query: '{ items { totalCount } }' }).document).toBeDefined();
  });

  it('checkOperation analyses a query text once; the cost again per request only when a variable can change it', () => {
    const fixed = 'query ($id: ID!) { item(id: $id) { id name } }';
    const varying = 'query ($n: Int) { items(first: $n) { nodes { id name parts { id name } } } }';
    const before = { ...queryLimitStats };
    for (const id of ['1', '2', '3'])
      expect(checkOperation(schema, limits, { query: fixed, variables: { id } }).errors).toBeUndefined();
    expect(queryLimitStats).toEqual({ validated: before.validated + 1, costed: before.costed + 1 });
    expect(checkOperation(schema, limits, { query: varying, variables: { n: 3 } }).document).toBeDefined();
    // The same text with a `first` that takes the cost over maxCost: refused, without validating it again.
    expect(
      checkOperation(schema, limits, { query: varying, variables: { n: 100 } }).errors?.[0]?.extensions?.limit,
    ).toBe('maxCost');
    expect(queryLimitStats).toEqual({ validated: before.validated + 2, costed: before.costed + 3 });
    // A NUL in a variable is found every time, whatever was kept of the document.
    expect(
      checkOperation(schema, limits, { query: fixed, variables: { id: 'a\u0000b' } }).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['no variables', '{ items(first: 3) { nodes { id } } }', false],
    ['a variable elsewhere only', 'query ($id: ID!) { item(id: $id) { id } items(first: 5) { totalCount } }', false],
    ['a variable as first', 'query ($n: Int) { items(first: $n) { nodes { id } } }', true],
    [
      'a variable deciding @include',
      'query ($x: Boolean!) { items { nodes { id parts @include(if: $x) { id } } } }',
      true,
    ],
    [
      'a variable deciding @skip on a fragment',
      'query ($x: Boolean!) { ...F @skip(if: $x) } fragment F on Query { items { totalCount } }',
      true,
    ],
  ])('knows whether variables can change the cost: %s', (_name, query, expected) => {
    expect(costDependsOnVariables(parse(query))).toBe(expected);
  });
});
