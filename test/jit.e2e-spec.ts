import { jitStats } from '../src/graphql/jit.plugin.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

// Seeded ids the README's examples use (src/seeding: name-based ids).
const PLAYMAT = '79d99e1c-4306-50c5-b5a7-e424733247b3';
const STOCKHOLM_CONTRACT = '466614f6-fec2-5c38-91df-16d02826e13e';

// Every row has its variables: a test function with more parameters than the row would be given `done`.
const CASES: Array<[string, string, Record<string, unknown>]> = [
  [
    'a nested follow-up list with fragments, aliases and __typename',
    `query ($p: ID!) { followUps(filter: { productId: $p }) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { ...F } } nodes { id alias: status __typename } } }
    fragment F on FollowUp { id method status visibility version performedOn validUntil confidentialNotes laboratory
      organisation { code name } product { name gtin supplier { name } category { code parent { code } } } supplier { name organisationNumber }
      requirements { code kind } measurements { part value loq unit detected uncertainty substance { casNumber name groups lists } }
      deviations { severity status requirement { code } } reuses { organisation { code } } history { type actorOrganisation { code } } }`,
    { p: PLAYMAT },
  ],
  [
    'evaluateProduct against a contract',
    `query ($p: ID!, $c: ID!) { evaluateProduct(productId: $p, contractId: $c) { verdict evaluatedOn
      requirements { requirement { code } verdict limit { value unit } parts { part verdict substances { substance { casNumber } verdict } } } } }`,
    { p: PLAYMAT, c: STOCKHOLM_CONTRACT },
  ],
  [
    'catalogue connections with variables and defaults',
    `query ($n: Int = 5) { suppliers(first: $n) { totalCount nodes { name organisationNumber } }
      substances(first: 3) { nodes { casNumber ecNumber groups } } requirements(first: 4) { nodes { code kind defaultLimit { value unit } } } }`,
    {},
  ],
  [
    'reuse and supplier status',
    `query ($p: ID!, $c: ID!) { reusableFollowUps(productId: $p, contractId: $c, includeRejected: true) { reusable reasons followUp { id } } me { role organisation { code } } }`,
    { p: PLAYMAT, c: STOCKHOLM_CONTRACT },
  ],
  [
    'a malformed CAS number: BAD_USER_INPUT, with the other alias still answered',
    `{ a: substance(casNumber: "117-81-8") { id } b: suppliers(first: 1) { totalCount } }`,
    {},
  ],
  [
    'an unknown id: null, without an error',
    `{ a: followUp(id: "00000000-0000-4000-8000-000000000000") { id } b: suppliers(first: 1) { totalCount } }`,
    {},
  ],
  ['a variable of the wrong type', `query ($n: Int) { suppliers(first: $n) { totalCount } }`, { n: 'many' }],
  ['a value out of range', `{ suppliers(first: 1000) { totalCount } }`, {}],
  ['a field the role may not read', `{ tokens { totalCount } }`, {}],
];

/**
 * graphql-jit (jit.plugin.ts) must not change a single answer: the same queries against one
 * database through an instance with it and one without (GRAPHQL_JIT=false) give identical
 * bodies, errors included (those are always executed by graphql-js).
 */
describe('graphql-jit answers exactly as graphql-js', () => {
  let jit: TestApp;
  let plain: TestApp;

  beforeAll(async () => {
    jit = await startTestApp({ env: { GRAPHQL_JIT: 'true' } });
    plain = await startTestApp({ sharing: jit, env: { GRAPHQL_JIT: 'false' } });
  });

  afterAll(async () => {
    await plain?.close();
    await jit?.close();
    delete process.env.GRAPHQL_JIT;
  });

  it('leaves a document to graphql-js on its first request (a query text seen once is not worth compiling)', async () => {
    const before = { ...jitStats };
    await jit.gql(`{ suppliers(first: 2) { totalCount } once: __typename }`, {}, TOKENS.stockholm);
    expect(jitStats).toEqual(before);
  });

  it.each(CASES)('%s', async (_name, query, variables) => {
    // The jit instance compiles a document on its second request: warm it, then compare.
    await jit.gql(query, variables, TOKENS.stockholm);
    const a = await jit.gql(query, variables, TOKENS.stockholm);
    const b = await plain.gql(query, variables, TOKENS.stockholm);
    const strip = (
      r: { errors?: Array<{ extensions?: Record<string, unknown>; message: string }> } & Record<string, unknown>,
    ) =>
      // Internal errors carry a fresh error id; nothing here should be one, but keep the comparison honest.
      JSON.stringify({
        ...r,
        errors: r.errors?.map((e) => ({ ...e, message: e.message.replace(/error id [0-9a-f-]{36}/, 'error id X') })),
      });
    expect(strip(a as never)).toBe(strip(b as never));
    // The first four are clean answers with data (so the comparison is of real results), and the
    // unknown id a clean null; the rest errors.
    const index = CASES.findIndex((c) => c[1] === query);
    const clean = index < 4 || _name.startsWith('an unknown id');
    expect(Boolean(a.errors?.length)).toBe(!clean);
    if (index < 4) expect(JSON.stringify(a.data).length).toBeGreaterThan(200);
  });

  it('really answers clean queries with the compiled query, and steps aside on errors', async () => {
    await jit.gql(CASES[0]![1], CASES[0]![2], TOKENS.stockholm);
    await jit.gql(CASES[4]![1], {}, TOKENS.stockholm);
    const before = { ...jitStats };
    await jit.gql(CASES[0]![1], CASES[0]![2], TOKENS.stockholm);
    await jit.gql(CASES[4]![1], {}, TOKENS.stockholm);
    expect(jitStats.answered - before.answered).toBe(1);
    expect(jitStats.steppedAside - before.steppedAside).toBe(1);
  });
});
