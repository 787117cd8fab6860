import ExcelJS from 'exceljs';
import { TokenAdminService } from '../src/auth/token-admin.service.js';
import { FocusAreaFactory } from './factories/focus-areas.js';
import { CAS, daysAgo, daysFromNow, FollowUpFactory, type Token } from './factories/follow-ups.js';
import { uniqueSuffix } from './factories/identifiers.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * Issue 18: a small campaign replayed end to end. Five regions join a focus area of the children's
 * categories (and medical tubing), submit twelve contracts (each with its own phthalate limit) that
 * cover twenty candidate products; the coordinator ranks them, samples the top eight, shares the work
 * and the cost; the assigned regions record their results; each region sees them against its own
 * limits, a supplier its own products, and the public only anonymous counts.
 */

/** The documented default weights (docs/domain.md, "The prioritisation model"). */
const W = { coverage: 3, hazard: 2, users: 2, volume: 1, testedRecently: 5 };
const HAZARD_LISTS = ['REACH_CANDIDATE_LIST', 'REACH_ANNEX_XVII', 'CLP_CMR'];
const REGIONS = ['region-skane', 'region-stockholm', 'region-uppsala', 'region-orebro', 'region-halland'] as const;
type Region = (typeof REGIONS)[number];
/** Each region's own K-PHT-01 limit (sum of the four phthalates), mg/kg. */
const LIMIT: Record<Region, number> = {
  'region-skane': 1000,
  'region-stockholm': 100,
  'region-uppsala': 500,
  'region-orebro': 250,
  'region-halland': 1000,
};
/** The twelve contracts: region, supplier (index), categories, annual volume. */
const CONTRACTS: Array<[Region, number, string[], number | null]> = [
  ['region-skane', 0, ['CHILD'], 500],
  ['region-skane', 1, ['CHILD-TOY'], null],
  ['region-skane', 3, ['MEDTECH-TUBING'], 200],
  ['region-stockholm', 0, ['CHILD'], 1000],
  ['region-stockholm', 2, ['CHILD'], null],
  ['region-stockholm', 3, ['MEDTECH'], null],
  ['region-uppsala', 1, ['CHILD'], 300],
  ['region-uppsala', 2, ['CHILD-PLAYMAT'], null],
  ['region-orebro', 0, ['CHILD-PLAYMAT'], null],
  ['region-orebro', 3, ['MEDTECH-TUBING'], 100],
  ['region-halland', 1, ['CHILD-TOY', 'CHILD-BALL'], null],
  ['region-halland', 2, ['CHILD-TOY'], 50],
];
/** Five products per supplier, by category. */
const PRODUCTS: string[][] = [
  ['CHILD-PLAYMAT', 'CHILD-PLAYMAT', 'CHILD-TOY', 'CHILD-TOY', 'CHILD-BALL'],
  ['CHILD-TOY', 'CHILD-TOY', 'CHILD-BALL', 'CHILD-BALL', 'CHILD-PLAYMAT'],
  ['CHILD-PLAYMAT', 'CHILD-PLAYMAT', 'CHILD-TOY', 'CHILD-TOY', 'CHILD-BALL'],
  ['MEDTECH-TUBING', 'MEDTECH-TUBING', 'MEDTECH-TUBING', 'MEDTECH-TUBING', 'MEDTECH-TUBING'],
];
/** DEHP measured in each of the eight samples (mg/kg); the other three phthalates at 1 mg/kg each. */
const DEHP = [50, 200, 400, 800, 2000, 60, 300, 700];

/** Within a category: itself or under it (CHILD-TOY is within CHILD). */
const within = (code: string, of: string[]) => of.some((c) => code === c || code.startsWith(`${c}-`));

describe('focus areas (issue 18): from plan to public report', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let areas: FocusAreaFactory;
  const token = {} as Record<Region, string>;
  const org = {} as Record<Region, string>;
  const suppliers: Array<{ id: string; name: string }> = [];
  const products: Array<{ id: string; name: string; gtin: string | null; supplier: number; category: string }> = [];
  const contracts: Array<{
    id: string;
    title: string;
    region: Region;
    supplier: number;
    categories: string[];
    volume: number | null;
  }> = [];
  let outside: { office: string; uncovered: string };
  let area: string;
  let testedProduct: string;
  let candidates: any[];
  const samples: Array<{ id: string; productId: string; region: Region; cost: number; followUpId: string }> = [];

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    areas = new FocusAreaFactory(sut);
    const admin = sut.app.get(TokenAdminService);
    for (const region of REGIONS) {
      token[region] =
        region === 'region-skane'
          ? TOKENS.skane
          : region === 'region-stockholm'
            ? TOKENS.stockholm
            : (
                await admin.create({
                  organisationCode: region,
                  role: 'CONTACT_PERSON',
                  name: `Kontakt ${region} ${uniqueSuffix()}`,
                })
              ).token;
      org[region] = await f.catalogue.organisationId(region);
    }
    for (let s = 0; s < 4; s++) suppliers.push(await f.supplier());
    for (let s = 0; s < 4; s++)
      for (const category of PRODUCTS[s]!) {
        const p = await f.product(suppliers[s]!.id, {
          name: `Fokusvara ${products.length + 10} ${uniqueSuffix()}`,
          categoryCode: category,
        });
        products.push({ ...p, supplier: s, category });
      }
    outside = {
      office: (await f.product(suppliers[0]!.id, { categoryCode: 'OFFICE' })).id,
      uncovered: (await f.product(suppliers[3]!.id, { categoryCode: 'CHILD-TOY' })).id,
    };
    const pht = await f.requirementId('K-PHT-01');
    for (const [region, supplier, categories, volume] of CONTRACTS) {
      const c = await f.catalogue.contract(
        {
          supplierId: suppliers[supplier]!.id,
          categoryCodes: categories,
          requirements: [{ requirementId: pht, limit: { value: LIMIT[region], unit: 'MG_PER_KG' } }],
        },
        token[region],
      );
      contracts.push({ id: c.id, title: c.title, region, supplier, categories, volume });
    }
    // One candidate was tested last year (SHARED, COMPLETED): reuse it instead, so it scores lower.
    testedProduct = products[5]!.id;
    await f.record(
      {
        productId: testedProduct,
        requirementIds: [pht],
        method: 'LAB_ANALYSIS',
        performedOn: daysAgo(300),
        status: 'COMPLETED',
        visibility: 'SHARED',
        laboratory: 'Lab',
        measurements: [],
      },
      TOKENS.stockholm,
      'id',
    );
  }, 120_000);
  afterAll(() => sut?.close());

  it('the demo data holds "Mjukt och tryggt" in SAMPLING, one sample bought by Västra Götaland', async () => {
    const r = dataOf(
      await sut.gql(
        `{ focusAreas(year: 2026, status: SAMPLING) { totalCount nodes { id title status categories { code }
           participants { organisation { code } } samples { id product { name } state purchasingOrganisation { code } followUp { status } } } } }`,
        {},
        TOKENS.reader,
      ),
    ).focusAreas;
    const demo = r.nodes.find((n: any) => n.title === 'Mjukt och tryggt');
    expect(demo).toMatchObject({ status: 'SAMPLING', categories: [{ code: 'CHILD' }] });
    expect(demo.participants).toHaveLength(3);
    // The ids the README's examples name.
    expect([demo.id, demo.samples[1].id]).toEqual([
      '3cb66453-e82c-5857-8cbb-4847485cca2f',
      'a2d05c79-f71c-5c74-a778-120d6f758076',
    ]);
    expect(
      demo.samples.map((x: any) => [x.state, x.purchasingOrganisation?.code ?? null, x.followUp?.status ?? null]),
    ).toEqual([
      // OVERDUE once the seed's resultsDueOn (2027-02-26) has passed.
      [daysAgo(0) > '2027-02-26' ? 'OVERDUE' : 'PLANNED', 'region-vastra-gotaland', 'PLANNED'],
      ['UNASSIGNED', null, null],
    ]);
  });

  it('a coordinator creates the focus area; five regions join and submit twelve contracts', async () => {
    const requirementIds = await f.requirementIdsOf(['K-PHT-01', 'K-FORM-TOY']);
    const pfoa = dataOf(await sut.gql('{ substance(casNumber: "335-67-1") { id } }', {}, TOKENS.reader)).substance.id;
    area = await areas.create({
      year: 2026,
      title: 'Mjukt och tryggt (test)',
      categoryCodes: ['CHILD', 'MEDTECH-TUBING'],
      requirementIds,
      extraSubstanceIds: [pfoa],
      costSplit: 'BY_CONTRACTS',
      resultsDueOn: daysFromNow(60),
    });
    // Only a coordinator creates.
    expectError(await areas.createRaw({ year: 2026, title: 'x', categoryCodes: ['CHILD'] }, TOKENS.skane), 'FORBIDDEN');
    expectError(
      await areas.createRaw({ year: 2026, title: 'x', categoryCodes: ['NOPE'] }),
      'BAD_USER_INPUT',
      'categoryCodes',
    );

    for (const region of REGIONS) await areas.join(area, token[region]);
    expectError(await areas.joinRaw(area, TOKENS.skane), 'CONFLICT', 'already participates');

    // Refusals first: nothing of them is stored.
    const skaneContract = contracts.find((c) => c.region === 'region-skane')!.id;
    expectError(await areas.submitRaw(area, [skaneContract], TOKENS.stockholm), 'FORBIDDEN', 'another organisation');
    const office = (
      await f.catalogue.contract({ supplierId: suppliers[0]!.id, categoryCodes: ['OFFICE'] }, TOKENS.skane)
    ).id;
    const outsideAnswer = await areas.submitRaw(area, [skaneContract, office], TOKENS.skane);
    expectError(outsideAnswer, 'BAD_USER_INPUT', 'contractIds[1]', 'product category');
    expect(outsideAnswer.errors?.[0]?.extensions?.field).toBe('contractIds[1]');
    expectError(await areas.submitRaw(area, [skaneContract], TOKENS.coordinator), 'FORBIDDEN', 'does not participate');

    for (const region of REGIONS) {
      const own = contracts.filter((c) => c.region === region);
      await areas.submit(
        area,
        own.map((c) => c.id),
        token[region],
        own.filter((c) => c.volume !== null).map((c) => ({ contractId: c.id, annualVolume: c.volume! })),
      );
    }
    const read = dataOf(
      await sut.gql(
        'query ($id: ID!) { focusArea(id: $id) { status participants { organisation { code } submittedContracts } submissions { contract { id } } } }',
        { id: area },
        TOKENS.reader,
      ),
    ).focusArea;
    expect(read.status).toBe('PLANNING');
    expect(read.submissions).toHaveLength(12);
    expect(Object.fromEntries(read.participants.map((p: any) => [p.organisation.code, p.submittedContracts]))).toEqual({
      'region-skane': 3,
      'region-stockholm': 3,
      'region-uppsala': 2,
      'region-orebro': 2,
      'region-halland': 2,
    });
  });

  it('candidateProducts ranks the twenty products as the documented weights score them by hand', async () => {
    const r = dataOf(
      await sut.gql(
        `query ($f: ID!) { candidateProducts(focusAreaId: $f) { rank score product { id name }
          parts { coverage hazard users volume testedRecently } coveredBy { code } annualVolume } }`,
        { f: area },
        TOKENS.reader,
      ),
    );
    candidates = r.candidateProducts;
    expect(candidates).toHaveLength(20);
    const ids = new Set(candidates.map((c) => c.product.id));
    expect(ids.has(outside.office)).toBe(false);
    expect(ids.has(outside.uncovered)).toBe(false);

    // The facts, read from the library: each requirement's substances and categories, each substance's lists.
    const lib = dataOf(
      await sut.gql(
        `{ requirements(first: 100) { nodes { code categories { code } substances { casNumber lists } } }
           substance(casNumber: "335-67-1") { casNumber lists } }`,
        {},
        TOKENS.reader,
      ),
    );
    const req = (code: string) => lib.requirements.nodes.find((n: any) => n.code === code);
    const inScope = (category: string) => {
      const substances = new Map<string, string[]>([[lib.substance.casNumber, lib.substance.lists]]);
      for (const code of ['K-PHT-01', 'K-FORM-TOY']) {
        const q = req(code);
        const cats = q.categories.map((c: any) => c.code);
        if (!cats.length || within(category, cats)) for (const s of q.substances) substances.set(s.casNumber, s.lists);
      }
      return [...substances.values()];
    };
    const volumes = products.map((p) => {
      const v = contracts
        .filter((c) => c.supplier === p.supplier && within(p.category, c.categories) && c.volume !== null)
        .map((c) => c.volume!);
      return v.length ? v.reduce((a, b) => a + b, 0) : null;
    });
    const maxVolume = Math.max(...volumes.map((v) => v ?? 0));
    const expected = products.map((p, i) => {
      const coverage = new Set(
        contracts.filter((c) => c.supplier === p.supplier && within(p.category, c.categories)).map((c) => c.region),
      ).size;
      const hazard = inScope(p.category).reduce(
        (sum, lists) => sum + HAZARD_LISTS.filter((l) => lists.includes(l)).length,
        0,
      );
      const users = p.category.startsWith('CHILD') ? 2 : p.category.startsWith('MEDTECH') ? 1 : 0;
      const volume = Math.round(((volumes[i] ?? 0) / maxVolume) * 10_000) / 10_000;
      const testedRecently = p.id === testedProduct ? 1 : 0;
      const score =
        coverage * W.coverage +
        hazard * W.hazard +
        users * W.users +
        volume * W.volume -
        testedRecently * W.testedRecently;
      return { id: p.id, name: p.name, parts: { coverage, hazard, users, volume, testedRecently }, score };
    });
    expected.sort(
      (a, b) =>
        b.score - a.score ||
        b.parts.coverage - a.parts.coverage ||
        a.name.localeCompare(b.name, 'sv') ||
        (a.id < b.id ? -1 : 1),
    );
    expect(candidates.map((c) => c.product.id)).toEqual(expected.map((e) => e.id));
    candidates.forEach((c, i) => {
      expect(c.rank).toBe(i + 1);
      expect(c.parts).toEqual(expected[i]!.parts);
      expect(c.score).toBeCloseTo(expected[i]!.score, 4);
    });
    // The hazard part differs by category (formaldehyde is in scope for toys only), and reuse lowers a score.
    expect(new Set(expected.map((e) => e.parts.hazard)).size).toBeGreaterThan(1);
    expect(expected.find((e) => e.id === testedProduct)!.parts.testedRecently).toBe(1);
  });

  it('samples the top eight, each bought by one region with one PLANNED follow-up, even when two assign at once', async () => {
    expectError(await areas.moveRaw(area, 'SAMPLING'), 'CONFLICT', 'sampling plan');
    expectError(await areas.moveRaw(area, 'ANALYSING'), 'BAD_USER_INPUT', 'one step');
    expectError(await areas.addRaw(area, outside.uncovered), 'BAD_USER_INPUT', 'productId', 'not a candidate');
    const top = candidates.slice(0, 8);
    for (const [i, c] of top.entries()) {
      const cost = 100_000 + i * 33_333; // öre
      const id = await areas.add(area, c.product.id, cost);
      samples.push({ id, productId: c.product.id, region: c.coveredBy[0].code, cost, followUpId: '' });
    }
    expectError(await areas.addRaw(area, top[0].product.id), 'CONFLICT', 'already in the sampling plan');

    // The race: two coordinators' requests assign the first sample to two regions at the same time.
    const [first, second] = [samples[0]!.region, REGIONS.find((r) => r !== samples[0]!.region)!];
    const race = await Promise.all([
      areas.assignRaw(samples[0]!.id, org[first]),
      areas.assignRaw(samples[0]!.id, org[second]),
    ]);
    const won = race.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expectError(
      race.find((r) => r.errors)!,
      'CONFLICT',
      'already has a purchasing organisation',
    );
    samples[0]!.region = won[0]!.data.assignSample.purchasingOrganisation.id === org[first] ? first : second;
    samples[0]!.followUpId = won[0]!.data.assignSample.followUp.id;
    for (const s of samples.slice(1)) s.followUpId = (await areas.assign(s.id, org[s.region])).followUpId;
    // Still in PLANNING, but a region that buys a sample does not leave.
    expectError(
      await sut.gql(
        'mutation ($f: ID!) { leaveFocusArea(focusAreaId: $f) { id } }',
        { f: area },
        token[samples[1]!.region],
      ),
      'CONFLICT',
      'buys',
    );
    expectError(await areas.assignRaw(samples[1]!.id, org['region-skane']), 'CONFLICT');
    expectError(
      await areas.assignRaw(samples[2]!.id, await f.catalogue.organisationId('adda')),
      'BAD_USER_INPUT',
      'does not participate',
    );

    // No product has two purchasing organisations or two PLANNED follow-ups: every organisation sees it.
    for (const s of samples) {
      const planned = dataOf(
        await sut.gql(
          'query ($p: ID!) { followUps(first: 100, filter: { productId: $p }) { nodes { id status visibility organisation { id } contract { id } } } }',
          { p: s.productId },
          TOKENS.reader,
        ),
      ).followUps.nodes.filter((n: any) => n.status === 'PLANNED');
      // Linked to the buyer's own submitted contract that covers the product.
      const product = products.find((p) => p.id === s.productId)!;
      const covering = contracts.filter(
        (c) => c.region === s.region && c.supplier === product.supplier && within(product.category, c.categories),
      );
      expect(planned).toEqual([
        {
          id: s.followUpId,
          status: 'PLANNED',
          visibility: 'SHARED',
          organisation: { id: org[s.region] },
          contract: covering.length ? { id: expect.any(String) } : null,
        },
      ]);
      if (covering.length) expect(covering.map((c) => c.id)).toContain(planned[0].contract.id);
    }
    const plan = dataOf(
      await sut.gql(
        'query ($id: ID!) { focusArea(id: $id) { samples { id product { id } purchasingOrganisation { id } followUp { id } state } } }',
        { id: area },
        TOKENS.reader,
      ),
    ).focusArea.samples;
    expect(plan).toHaveLength(8);
    expect(new Set(plan.map((p: any) => p.product.id)).size).toBe(8);
    expect(new Set(plan.map((p: any) => p.followUp.id)).size).toBe(8);
    expect(plan.every((p: any) => p.state === 'PLANNED')).toBe(true);
  });

  it('costShares: by submitted contracts, in öre, summing exactly to the total (largest remainder)', async () => {
    const r = dataOf(
      await sut.gql(
        'query ($f: ID!) { costShares(focusAreaId: $f) { split total rounding shares { organisation { code } weight amount } } }',
        { f: area },
        TOKENS.reader,
      ),
    ).costShares;
    const total = samples.reduce((s, x) => s + x.cost, 0);
    expect(r.split).toBe('BY_CONTRACTS');
    expect(r.total).toBe(total);
    expect(r.shares.reduce((s: number, x: any) => s + x.amount, 0)).toBe(total);
    // By hand: floor(total × w / 12), the öre left over to the largest remainders, ties by code.
    const weights: Record<string, number> = {
      'region-halland': 2,
      'region-orebro': 2,
      'region-skane': 3,
      'region-stockholm': 3,
      'region-uppsala': 2,
    };
    const rows = Object.entries(weights).map(([code, w]) => ({
      code,
      w,
      amount: Math.floor((total * w) / 12),
      rem: (total * w) % 12,
    }));
    let left = total - rows.reduce((s, x) => s + x.amount, 0);
    for (const row of [...rows].sort((a, b) => b.rem - a.rem || a.code.localeCompare(b.code)))
      if (left-- > 0) row.amount++;
    expect(r.shares).toEqual(rows.map((x) => ({ organisation: { code: x.code }, weight: x.w, amount: x.amount })));
  });

  it('publicFocusAreaReport before REPORTING: NOT_FOUND on focusAreaId, saying why only to a caller who may know the focus area', async () => {
    const planned = await areas.create();
    const report = (f: string, t?: string) =>
      sut.gql('query ($f: ID!) { publicFocusAreaReport(focusAreaId: $f) { title } }', { f }, t);

    // Every principal reads the focus areas, a supplier member too: it hears the status and when the report comes.
    expectError(
      await report(planned, TOKENS.supplier),
      'NOT_FOUND',
      `focusAreaId: the focus area "${planned}" is in PLANNING; its public report is published when it reaches REPORTING`,
    );
    // Without a token: the rule only, the same as for an id of no focus area at all.
    const anonymous = await report(planned);
    expect(anonymous.errors![0]!.extensions!.field).toBe('focusAreaId');
    expectError(
      anonymous,
      'NOT_FOUND',
      `focusAreaId: no published report for "${planned}": a focus area's report is published when it reaches REPORTING`,
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const t of [undefined, TOKENS.skane]) {
      const r = await report(unknown, t);
      expectError(r, 'NOT_FOUND');
      expect(r.errors![0]!.message).toBe(anonymous.errors![0]!.message.replace(planned, unknown));
    }
  });

  it('after PLANNING nobody leaves or joins; the assigned regions record their results and progress follows', async () => {
    await areas.move(area, 'SAMPLING', 'ANALYSING');
    expectError(
      await sut.gql('mutation ($f: ID!) { leaveFocusArea(focusAreaId: $f) { id } }', { f: area }, TOKENS.skane),
      'CONFLICT',
      'only in PLANNING',
    );
    expectError(await areas.joinRaw(area, TOKENS.coordinator), 'CONFLICT');
    expectError(await areas.moveRaw(area, 'REPORTING'), 'CONFLICT', 'not finished');
    expectError(
      await sut.gql('query ($f: ID!) { publicFocusAreaReport(focusAreaId: $f) { title } }', { f: area }),
      'NOT_FOUND',
    );

    for (const [i, s] of samples.entries()) {
      const t = token[s.region] as Token;
      dataOf(await f.transitionRaw('start', s.followUpId, t));
      const measurements = [
        { substanceCas: CAS.DEHP, part: 'PVC', detected: true, value: DEHP[i], unit: 'MG_PER_KG' },
        ...[CAS.DBP, CAS.BBP, CAS.DIBP].map((cas) => ({
          substanceCas: cas,
          part: 'PVC',
          detected: true,
          value: 1,
          unit: 'MG_PER_KG',
        })),
      ];
      dataOf(await f.updateRaw(s.followUpId, 2, { performedOn: daysAgo(2), measurements } as never, t, 'id'));
      if (i < 7) dataOf(await f.transitionRaw('complete', s.followUpId, t));
    }
    const progress = dataOf(
      await sut.gql(
        'query ($f: ID!) { focusAreaProgress(focusAreaId: $f) { unassigned samples { state } organisations { organisation { code } planned inProgress completed overdue } } }',
        { f: area },
        TOKENS.reader,
      ),
    ).focusAreaProgress;
    expect(progress.unassigned).toBe(0);
    expect(progress.samples.filter((s: any) => s.state === 'COMPLETED')).toHaveLength(7);
    expect(progress.samples.filter((s: any) => s.state === 'IN_PROGRESS')).toHaveLength(1);
    const total = (k: string) => progress.organisations.reduce((s: number, o: any) => s + o[k], 0);
    expect([total('planned'), total('inProgress'), total('completed'), total('overdue')]).toEqual([0, 1, 7, 0]);

    dataOf(await f.transitionRaw('complete', samples[7]!.followUpId, token[samples[7]!.region] as Token));
    await areas.move(area, 'REPORTING');
  });

  it('each region sees every sample against each of its contracts, under its own limits', async () => {
    const r = dataOf(
      await sut.gql(
        `query ($f: ID!) { focusAreaResults(focusAreaId: $f) { participants { organisation { code } results {
           contract { id } product { id } coversProduct verdict
           evaluation { requirements { requirement { code } verdict limit { value unit } } } } } } }`,
        { f: area },
        TOKENS.skane,
      ),
    ).focusAreaResults;
    expect(r.participants.map((p: any) => p.organisation.code).sort()).toEqual([...REGIONS].sort());
    for (const p of r.participants) {
      const region = p.organisation.code as Region;
      const own = contracts.filter((c) => c.region === region);
      expect(p.results).toHaveLength(own.length * 8);
      for (const result of p.results) {
        const contract = own.find((c) => c.id === result.contract.id)!;
        const i = samples.findIndex((s) => s.productId === result.product.id);
        const product = products.find((x) => x.id === result.product.id)!;
        expect(result.coversProduct).toBe(
          product.supplier === contract.supplier && within(product.category, contract.categories),
        );
        const [requirement] = result.evaluation.requirements;
        expect(requirement.requirement.code).toBe('K-PHT-01');
        expect(requirement.limit).toEqual({ value: LIMIT[region], unit: 'MG_PER_KG' });
        const expected = DEHP[i]! + 3 <= LIMIT[region] ? 'PASS' : 'FAIL';
        expect([requirement.verdict, result.verdict]).toEqual([expected, expected]);
      }
    }
    // The same product judged differently by two regions' own limits.
    const verdictsOf = (code: string) =>
      r.participants.find((p: any) => p.organisation.code === code).results.map((x: any) => x.verdict);
    expect(verdictsOf('region-stockholm').filter((v: string) => v === 'FAIL').length).toBeGreaterThan(
      verdictsOf('region-skane').filter((v: string) => v === 'FAIL').length / 3,
    );

    const xlsx = dataOf(
      await sut.gql('query ($f: ID!) { focusAreaResultsXlsx(focusAreaId: $f) }', { f: area }, TOKENS.skane),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.focusAreaResultsXlsx, 'base64') as never);
    const sheet = workbook.getWorksheet('results')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('organisation');
    expect(sheet.rowCount - 1).toBe(12 * 8);
  });

  it("a supplier's member sees its own products' results only", async () => {
    const invited = dataOf(
      await sut.gql(
        'mutation ($s: ID!) { inviteSupplierMember(supplierId: $s, name: "Lev Fokus", email: "fokus@example.org") { token } }',
        { s: suppliers[1]!.id },
        TOKENS.skane,
      ),
    ).inviteSupplierMember.token;
    const r = dataOf(
      await sut.gql(
        'query ($f: ID!) { focusAreaResults(focusAreaId: $f) { participants { results { contract { supplier { id } } product { supplier { id } } } } } }',
        { f: area },
        invited,
      ),
    ).focusAreaResults;
    const rows = r.participants.flatMap((p: any) => p.results);
    const own = samples.filter((s) => products.find((p) => p.id === s.productId)!.supplier === 1).length;
    expect(rows).toHaveLength(own * contracts.filter((c) => c.supplier === 1).length);
    for (const row of rows) {
      expect(row.product.supplier.id).toBe(suppliers[1]!.id);
      expect(row.contract.supplier.id).toBe(suppliers[1]!.id);
    }
    expectError(
      await sut.gql('query ($f: ID!) { costShares(focusAreaId: $f) { total } }', { f: area }, invited),
      'FORBIDDEN',
    );
  });

  it('the public report, without a token, names nothing and withholds counts below 3', async () => {
    const r = await sut.gql(
      `query ($f: ID!) { publicFocusAreaReport(focusAreaId: $f) { year title status sampledProducts participants shownTotal
         counts { categoryCode categoryName substanceGroup verdict count displayCount } } }`,
      { f: area },
      null,
    );
    const report = dataOf(r).publicFocusAreaReport;
    expect(report).toMatchObject({ year: 2026, status: 'REPORTING', sampledProducts: 8, participants: 5 });
    expect(report.counts.length).toBeGreaterThan(0);
    for (const c of report.counts) {
      if (c.count === null) expect(c.displayCount).toBe('< 3');
      else expect(c.count).toBeGreaterThanOrEqual(3);
    }
    expect(report.shownTotal).toBe(report.counts.reduce((s: number, c: any) => s + (c.count ?? 0), 0));
    expect(report.counts.some((c: any) => c.substanceGroup === 'ORTHO_PHTHALATE')).toBe(true);
    const json = JSON.stringify(r);
    const organisations = dataOf(
      await sut.gql('{ organisations(first: 100) { nodes { id code name } } }', {}, TOKENS.reader),
    ).organisations.nodes as Array<{ id: string; code: string; name: string }>;
    const secrets = [
      ...products.flatMap((p) => [p.id, p.name, p.gtin ?? p.id]),
      ...suppliers.flatMap((s) => [s.id, s.name]),
      ...contracts.flatMap((c) => [c.id, c.title]),
      ...organisations.flatMap((o) => [o.id, o.code, o.name]),
      ...samples.flatMap((s) => [s.id, s.followUpId]),
    ];
    for (const secret of secrets) expect(json).not.toContain(secret);
  });

  it("updateFocusArea: weights of the area's own (the rest default), the scope frozen after PLANNING; inputs checked", async () => {
    const other = await areas.create();
    const r = dataOf(
      await sut.gql(
        'mutation ($id: ID!) { updateFocusArea(id: $id, input: { weights: { coverage: 10, testedRecently: 0 }, costSplit: EQUAL }) { costSplit weights { coverage hazard users volume testedRecently } } }',
        { id: other },
        TOKENS.coordinator,
      ),
    ).updateFocusArea;
    expect(r).toEqual({
      costSplit: 'EQUAL',
      weights: { coverage: 10, hazard: W.hazard, users: W.users, volume: W.volume, testedRecently: 0 },
    });
    expectError(
      await sut.gql(
        'mutation ($id: ID!) { updateFocusArea(id: $id, input: { weights: { hazard: -1 } }) { id } }',
        { id: other },
        TOKENS.coordinator,
      ),
      'BAD_USER_INPUT',
      'hazard',
    );
    expectError(
      await sut.gql(
        'mutation ($id: ID!) { updateFocusArea(id: $id, input: { categoryCodes: ["TEXTILE"] }) { id } }',
        { id: area },
        TOKENS.coordinator,
      ),
      'CONFLICT',
      'only in PLANNING',
    );
    expectError(await areas.addRaw(other, products[0]!.id, -5), 'BAD_USER_INPUT', 'estimatedCost');
  });

  it('moves only forward, each move in the history', async () => {
    await areas.move(area, 'CLOSED');
    expectError(await areas.moveRaw(area, 'REPORTING'), 'BAD_USER_INPUT', 'only forward');
    expectError(await areas.moveRaw(area, 'PLANNING', TOKENS.skane), 'FORBIDDEN');
    const history = dataOf(
      await sut.gql(
        'query ($id: ID!) { focusArea(id: $id) { history { type details actorOrganisation { code } } } }',
        { id: area },
        TOKENS.reader,
      ),
    ).focusArea.history;
    const moves = history.filter((h: any) => h.type === 'FOCUS_AREA_MOVED').map((h: any) => JSON.parse(h.details));
    expect(moves).toEqual([
      { from: 'PLANNING', to: 'SAMPLING' },
      { from: 'SAMPLING', to: 'ANALYSING' },
      { from: 'ANALYSING', to: 'REPORTING' },
      { from: 'REPORTING', to: 'CLOSED' },
    ]);
    expect(history.filter((h: any) => h.type === 'SAMPLE_ASSIGNED')).toHaveLength(8);
    expect(history[0]).toMatchObject({
      type: 'FOCUS_AREA_CREATED',
      actorOrganisation: { code: 'region-vastra-gotaland' },
    });
    const node = dataOf(
      await sut.gql('query ($id: ID!) { node(id: $id) { __typename id } }', { id: area }, TOKENS.reader),
    ).node;
    expect(node).toEqual({ __typename: 'FocusArea', id: area });
  });
});
