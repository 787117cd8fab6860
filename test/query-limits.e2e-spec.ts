import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
} from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/configuration.js';
import { checkOperation, queryLimitStats } from '../src/graphql/query-limits.js';
import { ROOT } from './helpers/server-process.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/** A value of an input type: `first`-like Ints at 100, required input fields filled in. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  return ({ Int: 100, Float: 1, Boolean: true } as Record<string, unknown>)[getNamedType(type).name] ?? 'x';
}

/** Variables for every definition of the operation, so the cost is computed as a client would send it. */
function sampleVariables(schema: GraphQLSchema, query: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const def of parse(query).definitions) {
    if (def.kind !== 'OperationDefinition') continue;
    for (const v of def.variableDefinitions ?? [])
      variables[v.variable.name.value] = sample(typeFromAST(schema, v.type as never) as GraphQLInputType);
  }
  return variables;
}

/**
 * Query limits over HTTP (issue 7): depth, aliases, tokens, document size and cost, each refused
 * with HTTP 400, `extensions.code` QUERY_LIMIT_EXCEEDED and a message naming the limit, before
 * anything runs; batched arrays refused. And the limits let every shipped operation through.
 */
describe('query limits', () => {
  let sut: TestApp;
  const limits = loadConfig().queryLimits;

  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  /** POSTs a raw body; answers the status and the parsed JSON. */
  async function post(body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(sut.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.reader}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        data?: unknown;
        errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
      },
    };
  }

  /** Plain lists count listCostFactor (5) items each, the connection `first`: 1 + first × 437. */
  const COSTLY = `query ($first: Int) { followUps(first: $first) { nodes { measurements { followUp { measurements { followUp { measurements { substance { name casNumber } } } } } } } } }`;

  function expectRefused(r: Awaited<ReturnType<typeof post>>, limit: string) {
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit });
    expect(r.body.errors?.[0]?.message).toContain(limit);
  }

  /** followUps → nodes → (deviations → followUp)… → id: `depth` deep, or one less (always odd). */
  const nested = (depth: number) => {
    let inner = 'id';
    for (let i = 0; i < Math.floor((depth - 3) / 2); i++) inner = `deviations { followUp { ${inner} } }`;
    return `{ followUps(first: 1) { nodes { ${inner} } } }`;
  };

  it(`refuses a query deeper than maxDepth (${limits.maxDepth}), and takes one at the limit`, async () => {
    expectRefused(await post({ query: nested(limits.maxDepth + 2) }), 'maxDepth');
    const atLimit = await post({ query: nested(limits.maxDepth - (limits.maxDepth % 2 === 0 ? 1 : 0)) });
    expect(atLimit.body.errors).toBeUndefined();
  });

  it('counts depth through fragments', async () => {
    const fragment = `fragment Deep on FollowUp { deviations { followUp { deviations { followUp { deviations { followUp { deviations { followUp { deviations { followUp { id } } } } } } } } } } }`;
    expectRefused(await post({ query: `{ followUps(first: 1) { nodes { ...Deep } } } ${fragment}` }), 'maxDepth');
  });

  it(`refuses more than maxAliases (${limits.maxAliases}) aliases`, async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: substance(casNumber: "117-81-7") { name }`).join(' ')} }`;
    const r = await post({ query: aliases(limits.maxAliases + 1) });
    expectRefused(r, 'maxAliases');
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ max: limits.maxAliases, actual: limits.maxAliases + 1 });
    expect((await post({ query: aliases(limits.maxAliases) })).body.errors).toBeUndefined();
  });

  it(`refuses a document of more than maxTokens (${limits.maxTokens}) tokens`, async () => {
    const r = await post({ query: `{ ${'__typename '.repeat(limits.maxTokens)} }` });
    expectRefused(r, 'maxTokens');
  });

  it(`refuses a document larger than maxDocumentBytes (${limits.maxDocumentBytes})`, async () => {
    const r = await post({ query: `{ __typename } # ${'x'.repeat(limits.maxDocumentBytes)}` });
    expectRefused(r, 'maxDocumentBytes');
    expect(r.body.errors?.[0]?.extensions?.actual).toBeGreaterThan(limits.maxDocumentBytes);
  });

  it(`refuses a query whose estimated cost is over maxCost (${limits.maxCost}); \`first\` multiplies`, async () => {
    expect((await post({ query: COSTLY, variables: { first: 1 } })).body.errors).toBeUndefined();
    const r = await post({ query: COSTLY, variables: { first: 100 } });
    expectRefused(r, 'maxCost');
    expect(r.body.errors?.[0]?.extensions?.actual).toBeGreaterThan(limits.maxCost);
  });

  it('refuses a fragment bomb before running it', async () => {
    const fragments = Array.from(
      { length: 24 },
      (_, i) => `fragment F${i} on FollowUp { ${i === 23 ? 'id' : `...F${i + 1} ...F${i + 1} notes`} }`,
    ).join(' ');
    const t0 = Date.now();
    const r = await post({ query: `{ followUps(first: 1) { nodes { ...F0 } } } ${fragments}` });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
  });

  it('analyses a document once, whatever the variables; the cost again only when a variable can change it', async () => {
    const unique = `q${Date.now()}`;
    const byProduct = `query ${unique}($p: ID!) { followUps(filter: { productId: $p }) { totalCount } }`;
    const byFirst = `query ${unique}b($n: Int) { followUps(first: $n) { totalCount } }`;
    const before = { ...queryLimitStats };
    for (let i = 0; i < 5; i++)
      expect((await post({ query: byProduct, variables: { p: `product-${i}` } })).status).toBe(200);
    // Parsed, validated (size, depth, aliases) and costed once for the five requests.
    expect(queryLimitStats).toEqual({ validated: before.validated + 1, costed: before.costed + 1 });
    for (let i = 1; i <= 5; i++) expect((await post({ query: byFirst, variables: { n: i } })).status).toBe(200);
    // `first` multiplies the cost: validated once, costed for each request's value.
    expect(queryLimitStats).toEqual({ validated: before.validated + 2, costed: before.costed + 6 });
  });

  it('refuses batched arrays', async () => {
    const r = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.message).toMatch(/batching disabled/i);
  });

  it('lets every operation in schema/operations and the README through, even with first: 100', () => {
    const schema = sut.app.get(GraphQLSchemaHost).schema;
    const dir = join(ROOT, 'schema', 'operations');
    const documents = readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const m of readme.matchAll(/-d '(\{"query".*?\})'/g))
      documents.push(['README', JSON.parse(m[1]!).query as string]);
    expect(documents.length).toBeGreaterThan(15);
    for (const [name, query] of documents) {
      const checked = checkOperation(schema, limits, { query, variables: sampleVariables(schema, query) });
      const refusals = (checked.errors ?? []).filter((e) => e.extensions?.code === 'QUERY_LIMIT_EXCEEDED');
      expect({ name, refusals: refusals.map((e) => e.message) }).toEqual({ name, refusals: [] });
    }
  });

  it('applies the same limits to any transport through checkOperation (as graphql-ws does)', () => {
    const schema = sut.app.get(GraphQLSchemaHost).schema;
    const refusal = (query: string, variables?: Record<string, unknown>) =>
      checkOperation(schema, limits, { query, variables }).errors?.[0]?.extensions;
    expect(refusal(nested(limits.maxDepth + 2))).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxDepth' });
    expect(refusal(`{ ${'__typename '.repeat(limits.maxTokens)} }`)).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'maxTokens',
    });
    expect(refusal(`{ __typename } # ${'x'.repeat(limits.maxDocumentBytes)}`)).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'maxDocumentBytes',
    });
    expect(refusal(COSTLY, { first: 100 })).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxCost' });
    expect(checkOperation(schema, limits, { query: '{ publicStatistics { followUpCount } }' }).errors).toBeUndefined();
  });
});
