import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import {
  checkCasNumber,
  checkCountryCode,
  checkEcNumber,
  checkGtin,
  checkOrganisationNumber,
} from '../src/common/identifiers/identifiers.js';
import { isIsoDate } from '../src/common/validation/is-iso-date.js';
import { uniqueCasNumber, uniqueEcNumber, uniqueGtin13, uniqueOrganisationNumber } from './factories/identifiers.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';
import {
  AGGREGATIONS,
  DEVIATION_STATUSES,
  FOLLOW_UP_STATUSES,
  LIMIT_BASES,
  METHODS,
  ORGANISATION_KINDS,
  REGULATORY_LISTS,
  REQUIREMENT_KINDS,
  SEVERITIES,
  UNITS,
  VISIBILITIES,
} from '../src/vocabulary/vocabulary.js';

/**
 * Property-based input fuzzing (issue 7) of every mutation in the schema, read from the running
 * app: arbitrary inputs sent as variables (strings with unicode, huge and empty ones; numbers
 * negative, huge, fractional where an Int is due; wrong types; nulls), mixed with plausible values
 * (real ids of the demo data, valid identifiers, real dates) so that many reach the database.
 * No answer may be a 5xx or INTERNAL_SERVER_ERROR; afterwards an invariant query over the
 * database finds no record that breaks a rule of DOMAIN.md.
 */
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 7);

describe('fuzzing every mutation', () => {
  let sut: TestApp;
  const pools: Record<string, string[]> = {};

  beforeAll(async () => {
    sut = await startTestApp({ env: { RATE_LIMIT_ENABLED: 'false' } });
    const ids = await sut.gql(
      `{
      followUps(first: 100) { nodes { id deviations { id } reuses { id } } }
      products(first: 100) { nodes { id gtin category { code } } }
      suppliers(first: 100) { nodes { id } }
      contracts(first: 100) { nodes { id } }
      requirements(first: 100) { nodes { id code } }
      organisations(first: 100) { nodes { id code } }
      substances(first: 100) { nodes { casNumber ecNumber } }
    }`,
      {},
      TOKENS.admin,
    );
    const d = ids.data;
    pools.followup = d.followUps.nodes.map((f: any) => f.id);
    pools.deviation = d.followUps.nodes.flatMap((f: any) => f.deviations.map((x: any) => x.id));
    pools.product = d.products.nodes.map((p: any) => p.id);
    pools.supplier = d.suppliers.nodes.map((p: any) => p.id);
    pools.contract = d.contracts.nodes.map((p: any) => p.id);
    pools.requirement = d.requirements.nodes.map((p: any) => p.id);
    pools.organisation = d.organisations.nodes.map((p: any) => p.id);
    pools.ID = [
      ...d.followUps.nodes.flatMap((f: any) => [f.id, ...f.deviations.map((x: any) => x.id)]),
      ...d.products.nodes.map((p: any) => p.id),
      ...d.suppliers.nodes.map((s: any) => s.id),
      ...d.contracts.nodes.map((c: any) => c.id),
      ...d.requirements.nodes.map((r: any) => r.id),
      ...d.organisations.nodes.map((o: any) => o.id),
    ];
    pools.cas = d.substances.nodes.map((s: any) => s.casNumber);
    pools.code = [
      ...d.requirements.nodes.map((r: any) => r.code),
      ...d.organisations.nodes.map((o: any) => o.code),
      ...d.products.nodes.map((p: any) => p.category?.code).filter(Boolean),
    ];
    expect(pools.ID.length).toBeGreaterThan(20);
  }, 60_000);
  afterAll(() => sut?.close());

  // ---- arbitraries ------------------------------------------------------------------------------

  const junkString = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\n\t',
      'null',
      'NaN',
      '-0',
      '1e309',
      '💥🧪',
      'ÅÄÖ åäö',
      '\u202E\u200B',
      "'; DROP TABLE suppliers; --",
      '%s%n',
      '../../etc/passwd',
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constant('x'.repeat(25_000)),
  );
  const junkNumber = fc.oneof(
    fc.constantFrom(
      0,
      -0,
      -1,
      1,
      0.5,
      -1e-300,
      1e-320,
      2 ** 31,
      2 ** 53 + 1,
      -(2 ** 63),
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER,
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
  );
  /** A value of the wrong type altogether. */
  const wrongType = fc.oneof(
    junkString,
    junkNumber,
    fc.boolean(),
    fc.constant({}),
    fc.constant([]),
    fc.constant({ nested: [1, 'two'] }),
    fc.constant('NaN'),
  );
  const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const date = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: -4000, max: 4000 }).map(isoDay) },
    fc.constantFrom(
      '2025-02-30',
      '2024-02-29',
      '0000-01-01',
      '9999-12-31',
      '2025-13-01',
      '2025-1-1',
      '20250101',
      '2025-01-01T00:00:00Z',
    ),
  );

  /** Plausible strings by the field's name: identifiers, dates, codes, ids; else any text. */
  function stringFor(name: string, isId: boolean): fc.Arbitrary<string> {
    const n = name.toLowerCase();
    if (isId) {
      const kind = ['followup', 'deviation', 'product', 'supplier', 'contract', 'requirement', 'organisation'].find(
        (k) => n.includes(k),
      );
      const own = kind && pools[kind]!.length ? pools[kind]! : pools.ID!;
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...own) },
        { weight: 2, arbitrary: fc.constantFrom(...pools.ID!) },
        fc.uuid(),
        junkString,
      );
    }
    if (/cas/.test(n))
      return fc.oneof(
        fc.constantFrom(...pools.cas!),
        fc.constant(null).map(() => uniqueCasNumber()),
        fc.constantFrom('117-81-8', '50-00-1', '1-11-1', '12345678-12-3'),
        junkString,
      );
    if (/ecnumber/.test(n))
      return fc.oneof(
        fc.constant(null).map(() => uniqueEcNumber()),
        fc.constantFrom('204-211-0', '204-211-1', '999-999-9'),
        junkString,
      );
    if (/gtin/.test(n))
      return fc.oneof(
        fc.constant(null).map(() => uniqueGtin13()),
        fc.constantFrom('7350012340018', '7350012340017', '12345670', '0'),
        junkString,
      );
    if (/organisationnumber/.test(n))
      return fc.oneof(
        fc.constant(null).map(() => uniqueOrganisationNumber()),
        fc.constantFrom('556036-0793', '556036-0794', '5560360793', '000000-0000'),
        junkString,
      );
    if (/country/.test(n)) return fc.oneof(fc.constantFrom('SE', 'NO', 'DE', 'se', 'XX', 'SWE', ''), junkString);
    if (/countycode/.test(n)) return fc.oneof(fc.constantFrom('01', '12', '99', '1', 'AB'), junkString);
    if (/(on|until|date|from|to)$/.test(n)) return fc.oneof({ weight: 3, arbitrary: date }, junkString);
    if (/code/.test(n))
      return fc.oneof(fc.constantFrom(...pools.code!), fc.stringMatching(/^[a-z][a-z0-9-]{1,20}$/), junkString);
    return fc.oneof(
      { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      junkString,
    );
  }

  /**
   * An arbitrary value of a GraphQL input type. `hostile`: sometimes null where it may not be, or
   * the wrong type altogether (refused by GraphQL's coercion). Otherwise of the type, with nulls
   * only where allowed, so the input reaches the service's own rules and the database.
   */
  function valueFor(
    type: GraphQLInputType,
    name: string,
    hostile: boolean,
    depth = 0,
    nonNull = false,
  ): fc.Arbitrary<unknown> {
    const mistakes = hostile
      ? [
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: wrongType },
        ]
      : [];
    if (isNonNullType(type))
      return fc.oneof({ weight: 12, arbitrary: valueFor(type.ofType, name, hostile, depth, true) }, ...mistakes);
    if (isListType(type)) {
      const items = valueFor(type.ofType, name, hostile, depth + 1);
      return fc.oneof(
        { weight: 10, arbitrary: fc.array(items, { maxLength: depth > 1 ? 2 : 4 }) },
        ...nullable(mistakes, nonNull),
      );
    }
    const named = getNamedType(type);
    let base: fc.Arbitrary<unknown>;
    if (isEnumType(named))
      base = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...named.getValues().map((v) => v.name)) }, junkString);
    else if (isInputObjectType(named)) {
      const fields = Object.values(named.getFields());
      const model = Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, f.name, hostile, depth + 1)]));
      const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
      base = fc.record(model, { requiredKeys: required });
    } else if (isScalarType(named)) {
      switch (named.name) {
        case 'Int':
          base = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -2, max: 5 }) }, junkNumber);
          break;
        case 'Float':
          base = fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 5000, noNaN: true }) }, junkNumber);
          break;
        case 'Boolean':
          base = fc.boolean();
          break;
        case 'ID':
          base = stringFor(name, true);
          break;
        default:
          base = stringFor(name, false);
      }
    } else {
      base = wrongType;
    }
    return fc.oneof({ weight: 12, arbitrary: base }, ...nullable(mistakes, nonNull));
  }

  /** A nullable position may also be null in a plausible input. */
  const nullable = (mistakes: Array<{ weight: number; arbitrary: fc.Arbitrary<unknown> }>, nonNull: boolean) =>
    nonNull || mistakes.length ? mistakes : [{ weight: 2, arbitrary: fc.constant(null) }];

  // ---- the properties -----------------------------------------------------------------------------

  it('no mutation answers a 5xx or INTERNAL_SERVER_ERROR, whatever its input', async () => {
    const schema = sut.app.get(GraphQLSchemaHost).schema;
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(25);
    const failures: string[] = [];
    const succeeded: Record<string, number> = {};
    let sent = 0;
    for (const mutation of mutations) {
      const args = mutation.args as readonly GraphQLArgument[];
      const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const query = `mutation${definitions ? ` (${definitions})` : ''} { ${mutation.name}${call ? `(${call})` : ''} { __typename } }`;
      const record = (hostile: boolean) =>
        fc.record(Object.fromEntries(args.map((a) => [a.name, valueFor(a.type, a.name, hostile)])));
      const variables = fc.oneof({ weight: 2, arbitrary: record(false) }, { weight: 1, arbitrary: record(true) });
      const tokens = fc.constantFrom(TOKENS.admin, TOKENS.coordinator, TOKENS.skane, TOKENS.stockholm);
      await fc
        .assert(
          fc.asyncProperty(variables, tokens, async (vars, token) => {
            sent++;
            const res = await fetch(sut.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ query, variables: vars }),
            });
            const text = await res.text();
            const bad = res.status >= 500 || /INTERNAL_SERVER_ERROR/.test(text);
            if (/"data":\{"/.test(text)) succeeded[mutation.name] = (succeeded[mutation.name] ?? 0) + 1;
            if (bad)
              failures.push(
                `${mutation.name} → HTTP ${res.status} ${text.slice(0, 300)}\n    variables: ${JSON.stringify(vars).slice(0, 600)}`,
              );
            return !bad;
          }),
          { numRuns: RUNS_PER_MUTATION, seed: SEED + mutations.indexOf(mutation), endOnFailure: true, verbose: 0 },
        )
        .catch(() => undefined); // collected in `failures`, reported all together below
    }
    if (process.env.FUZZ_VERBOSE) console.log(`sent ${sent}; stored per mutation: ${JSON.stringify(succeeded)}`);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(mutations.length * Math.min(RUNS_PER_MUTATION, 10));
  }, 120_000);

  it('follow-ups with fuzzed measurements and dates: refused or stored whole, never a 5xx', async () => {
    // A valid skeleton, so the measurement and date rules (not the ids) decide: what reaches the database.
    const number = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, junkNumber, {
      weight: 3,
      arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }),
    });
    const measurement = fc.record(
      {
        substanceCas: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...pools.cas!) },
          stringFor('substanceCas', false),
        ),
        part: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('PVC', ' Surface ', 'surface', 'Ytskikt – mjuk', '🧸') },
          fc.string({ unit: 'grapheme', maxLength: 30 }),
          fc.constant('p'.repeat(201)),
        ),
        detected: fc.boolean(),
        value: number,
        loq: number,
        uncertainty: number,
        unit: fc.constantFrom(...UNITS),
        analyticalMethod: fc.option(fc.string({ maxLength: 20 })),
      },
      { requiredKeys: ['substanceCas', 'part', 'detected', 'unit'] },
    );
    const input = fc.record({
      productId: fc.constantFrom(...pools.product!),
      requirementIds: fc.constant([]),
      method: fc.constantFrom(...METHODS),
      status: fc.constantFrom('PLANNED', 'IN_PROGRESS', 'COMPLETED'),
      performedOn: fc.option(date),
      validUntil: fc.option(date),
      measurements: fc.array(measurement, { maxLength: 3 }),
    });
    const failures: string[] = [];
    let stored = 0;
    await fc
      .assert(
        fc.asyncProperty(input, async (vars) => {
          const r = await sut.gql(
            `mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id version } }`,
            { input: vars },
            TOKENS.skane,
          );
          if (r.data?.recordFollowUp) {
            stored++;
            // …and changed again with fuzzed dates and measurements.
            const update = await sut.gql(
              `mutation ($id: ID!, $v: Int!, $input: UpdateFollowUpInput!) { updateFollowUp(id: $id, expectedVersion: $v, input: $input) { id } }`,
              {
                id: r.data.recordFollowUp.id,
                v: r.data.recordFollowUp.version,
                input: {
                  performedOn: vars.validUntil,
                  validUntil: vars.performedOn,
                  measurements: vars.measurements.slice(1),
                },
              },
              TOKENS.skane,
            );
            if (update.status >= 500 || update.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'))
              failures.push(`updateFollowUp ${JSON.stringify(update.errors)}`);
          }
          const bad = r.status >= 500 || Boolean(r.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'));
          if (bad) failures.push(`recordFollowUp ${JSON.stringify(r.errors)} ${JSON.stringify(vars).slice(0, 600)}`);
          return !bad;
        }),
        { numRuns: RUNS_PER_MUTATION * 2, seed: SEED, endOnFailure: true },
      )
      .catch(() => undefined);
    expect(failures).toEqual([]);
    expect(stored).toBeGreaterThan(0);
  }, 60_000);

  it('stores nothing that breaks a rule of DOMAIN.md', async () => {
    const q = (sql: string) => sut.dataSource.query(sql) as Promise<Array<Record<string, any>>>;
    const broken: string[] = [];
    const rule = (what: string, rows: Array<Record<string, any>>, ok: (row: Record<string, any>) => boolean) => {
      for (const row of rows) if (!ok(row)) broken.push(`${what}: ${JSON.stringify(row).slice(0, 300)}`);
    };
    const valid = (check: (s: string) => { ok: boolean }) => (v: unknown) =>
      v === null || (typeof v === 'string' && check(v).ok && check(v.trim()).ok && v === v.trim());
    const inSet = (set: readonly string[]) => (v: unknown) => set.includes(v as string);
    const positive = (v: unknown) => v !== null && Number.isFinite(Number(v)) && Number(v) > 0;
    const truthy = (v: unknown) => v === true || v === 1 || v === '1';
    const day = (v: unknown) => v === null || (typeof v === 'string' && isIsoDate(v)) || v instanceof Date;
    const dayText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v as string));

    rule(
      'substance CAS/EC',
      await q(`SELECT id, cas_number, ec_number FROM substances`),
      (r) => valid(checkCasNumber)(r.cas_number) && r.cas_number !== null && valid(checkEcNumber)(r.ec_number),
    );
    rule(
      'supplier organisationsnummer/country',
      await q(`SELECT id, organisation_number, country FROM suppliers`),
      (r) =>
        valid(checkOrganisationNumber)(r.organisation_number) &&
        checkCountryCode(r.country).ok &&
        /^[A-Z]{2}$/.test(r.country) &&
        (r.organisation_number === null || r.country === 'SE'),
    );
    rule(
      'organisation organisationsnummer/kind',
      await q(`SELECT id, organisation_number, kind FROM organisations`),
      (r) => valid(checkOrganisationNumber)(r.organisation_number) && inSet(ORGANISATION_KINDS)(r.kind),
    );
    rule('product GTIN', await q(`SELECT id, gtin FROM products`), (r) => valid(checkGtin)(r.gtin));
    rule(
      'requirement limit/kind/basis/aggregation',
      await q(`SELECT id, kind, default_limit_value, default_limit_unit, basis, aggregation FROM requirements`),
      (r) =>
        inSet(REQUIREMENT_KINDS)(r.kind) &&
        inSet(AGGREGATIONS)(r.aggregation) &&
        (r.basis === null || inSet(LIMIT_BASES)(r.basis)) &&
        (r.default_limit_value === null
          ? r.default_limit_unit === null
          : positive(r.default_limit_value) && inSet(UNITS)(r.default_limit_unit)) &&
        (r.kind !== 'DOCUMENTATION' || r.default_limit_value === null),
    );
    rule(
      'contract limit',
      await q(`SELECT contract_id, requirement_id, limit_value, limit_unit FROM contract_requirements`),
      (r) => (r.limit_value === null ? r.limit_unit === null : positive(r.limit_value) && inSet(UNITS)(r.limit_unit)),
    );
    rule(
      'contract dates',
      await q(`SELECT id, valid_from, valid_to FROM contracts`),
      (r) =>
        day(r.valid_from) &&
        day(r.valid_to) &&
        (r.valid_from === null || r.valid_to === null || dayText(r.valid_from) <= dayText(r.valid_to)),
    );
    rule('measurement', await q(`SELECT id, detected, value, loq, unit, uncertainty FROM measurements`), (r) => {
      if (!inSet(UNITS)(r.unit)) return false;
      if (r.uncertainty !== null && !(Number(r.uncertainty) >= 0)) return false;
      return truthy(r.detected)
        ? r.value !== null && Number.isFinite(Number(r.value)) && Number(r.value) >= 0 && r.loq === null
        : r.loq !== null && positive(r.loq) && r.value === null && r.uncertainty === null;
    });
    rule(
      'follow-up',
      await q(`SELECT id, status, method, visibility, performed_on, valid_until FROM follow_ups`),
      (r) =>
        inSet(FOLLOW_UP_STATUSES)(r.status) &&
        inSet(METHODS)(r.method) &&
        inSet(VISIBILITIES)(r.visibility) &&
        day(r.performed_on) &&
        day(r.valid_until) &&
        (r.performed_on === null || r.valid_until === null || dayText(r.valid_until) >= dayText(r.performed_on)) &&
        (r.performed_on !== null || r.status === 'PLANNED' || r.status === 'IN_PROGRESS' || r.status === 'RETRACTED'),
    );
    rule(
      'deviation',
      await q(`SELECT id, severity, status, due_date FROM deviations`),
      (r) => inSet(SEVERITIES)(r.severity) && inSet(DEVIATION_STATUSES)(r.status) && day(r.due_date),
    );
    rule('substance list', await q(`SELECT substance_id, list_code FROM substance_lists`), (r) =>
      inSet(REGULATORY_LISTS)(r.list_code),
    );

    expect(broken).toEqual([]);
    // The fuzzer did reach the database: more suppliers than the demo data has.
    expect(Number((await q(`SELECT COUNT(*) AS n FROM suppliers`))[0]!.n)).toBeGreaterThan(7);
  });
});
