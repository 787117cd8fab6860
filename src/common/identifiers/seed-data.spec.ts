/**
 * Checks the seed data in `seeds/` (plain JSON, loaded by the seed command): every identifier
 * passes its check and every reference between the files resolves, so a bad CAS number or a
 * dangling key fails here rather than half-way through a seed run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Check,
  checkCasNumber,
  checkCountryCode,
  checkEcNumber,
  checkGtin,
  checkOrganisationNumber,
} from './identifiers.js';
// The closed fields of the seed files are checked against the vocabulary itself, not a copy of it.
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
} from '../../vocabulary/vocabulary.js';

type Organisation = {
  code: string;
  name: string;
  kind: string;
  countyCode: string | null;
  countyLetter: string | null;
  organisationNumber: string | null;
};
type Substance = { name: string; casNumber: string; ecNumber: string | null; groups: string[]; lists: string[] };
type ProductCategory = { code: string; name: string; parentCode: string | null };
type Requirement = {
  code: string;
  title: string;
  text: string;
  kind: string;
  substanceCas: string[];
  defaultLimitValue: number | null;
  defaultLimitUnit: string | null;
  basis: string;
  aggregation: string;
  categoryCodes: string[];
  legalSource: string;
};
type Supplier = { key: string; name: string; country: string; organisationNumber: string | null };
type Product = {
  key: string;
  supplierKey: string;
  name: string;
  articleNumber: string;
  gtin: string;
  categoryCode: string;
};
type ContractRequirement = { requirementCode: string; limitValue: number | null; limitUnit: string | null };
type Contract = {
  key: string;
  organisationCode: string;
  supplierKey: string;
  title: string;
  reference: string;
  validFrom: string;
  validTo: string;
  categoryCodes: string[];
  requirements: ContractRequirement[];
};
type Measurement = {
  casNumber: string;
  part: string;
  detected: boolean;
  value: number | null;
  loq: number | null;
  unit: string;
  uncertainty: number | null;
  method: string;
};
type Deviation = {
  requirementCode: string;
  severity: string;
  description: string;
  actionPlan: string | null;
  dueDate: string | null;
  status: string;
};
type FollowUp = {
  key: string;
  organisationCode: string;
  productKey: string;
  contractKey: string | null;
  requirementCodes: string[];
  method: string;
  performedOn: string | null;
  status: string;
  visibility: string;
  retractedReason: string | null;
  measurements: Measurement[];
  deviations: Deviation[];
};

function load<T>(relativePath: string): T[] {
  return JSON.parse(readFileSync(resolve(process.cwd(), 'seeds', relativePath), 'utf8')) as T[];
}

const organisations = load<Organisation>('reference/organisations.json');
const substances = load<Substance>('reference/substances.json');
const categories = load<ProductCategory>('reference/product-categories.json');
const requirements = load<Requirement>('reference/requirements.json');
const suppliers = load<Supplier>('demo/suppliers.json');
const products = load<Product>('demo/products.json');
const contracts = load<Contract>('demo/contracts.json');
const followUps = load<FollowUp>('demo/follow-ups.json');

const GROUPS = [
  'ORTHO_PHTHALATE',
  'PFAS',
  'BROMINATED_FLAME_RETARDANT',
  'ORGANOPHOSPHATE_FLAME_RETARDANT',
  'CHLORINATED_PARAFFIN',
  'BISPHENOL',
  'PAH',
  'HEAVY_METAL',
  'ORGANOTIN',
  'FORMALDEHYDE',
  'ALKYLPHENOL',
  'SOLVENT',
  'COMPLEXING_AGENT',
  'OTHER',
];
/** Länskoder of the 21 counties, each with one region. */
const COUNTY_CODES = [
  '01',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Entries whose value fails the check, as readable strings; `[]` when all pass. */
function failures(values: ReadonlyArray<[label: string, value: string]>, check: (v: string) => Check): string[] {
  return values.flatMap(([label, value]) => {
    const result = check(value);
    return result.ok ? [] : [`${label} "${value}": ${result.reason}`];
  });
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** References that do not resolve, as `owner -> missing` strings. */
function dangling(refs: ReadonlyArray<[owner: string, ref: string]>, known: Iterable<string>): string[] {
  const set = new Set(known);
  return refs.filter(([, ref]) => !set.has(ref)).map(([owner, ref]) => `${owner} -> ${ref}`);
}

const notOneOf = (values: readonly string[], allowed: readonly string[]): string[] =>
  values.filter((v) => !allowed.includes(v));

const substanceCas = new Set(substances.map((s) => s.casNumber));
const requirementByCode = new Map(requirements.map((r) => [r.code, r]));
const contractByKey = new Map(contracts.map((c) => [c.key, c]));
const productByKey = new Map(products.map((p) => [p.key, p]));

describe('seed data: identifiers', () => {
  it.each<[string, Array<[string, string]>, (v: string) => Check]>([
    ['substance CAS numbers', substances.map((s) => [s.name, s.casNumber]), checkCasNumber],
    [
      'substance EC numbers',
      substances.flatMap((s): Array<[string, string]> => (s.ecNumber ? [[s.name, s.ecNumber]] : [])),
      checkEcNumber,
    ],
    [
      'organisation numbers',
      [...organisations, ...suppliers].flatMap((o): Array<[string, string]> =>
        o.organisationNumber ? [[o.name, o.organisationNumber]] : [],
      ),
      checkOrganisationNumber,
    ],
    ['product GTINs', products.map((p) => [p.key, p.gtin]), checkGtin],
    ['supplier countries', suppliers.map((s) => [s.key, s.country]), checkCountryCode],
    [
      'measurement CAS numbers',
      followUps.flatMap((f) => f.measurements.map((m): [string, string] => [f.key, m.casNumber])),
      checkCasNumber,
    ],
  ])('every one of the %s passes its check', (_what, values, check) => {
    expect(values.length).toBeGreaterThan(0);
    expect(failures(values, check)).toEqual([]);
  });

  it('keeps identifiers in their normalised form', () => {
    const notNormalised = [
      ...substances.map((s) => [s.casNumber, checkCasNumber(s.casNumber)] as const),
      ...[...organisations, ...suppliers]
        .filter((o) => o.organisationNumber)
        .map((o) => [o.organisationNumber!, checkOrganisationNumber(o.organisationNumber!)] as const),
      ...suppliers.map((s) => [s.country, checkCountryCode(s.country)] as const),
    ].filter(([value, check]) => check.ok && check.value !== value);
    expect(notNormalised).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['substance CAS numbers', substances.map((s) => s.casNumber)],
    ['substance EC numbers', substances.flatMap((s) => (s.ecNumber ? [s.ecNumber] : []))],
    ['organisation codes', organisations.map((o) => o.code)],
    [
      'organisation numbers',
      [...organisations, ...suppliers].flatMap((o) => (o.organisationNumber ? [o.organisationNumber] : [])),
    ],
    ['category codes', categories.map((c) => c.code)],
    ['requirement codes', requirements.map((r) => r.code)],
    ['supplier keys', suppliers.map((s) => s.key)],
    ['product keys', products.map((p) => p.key)],
    ['product GTINs', products.map((p) => p.gtin)],
    ['contract keys', contracts.map((c) => c.key)],
    ['follow-up keys', followUps.map((f) => f.key)],
  ])('%s are unique', (_what, values) => {
    expect(duplicates(values)).toEqual([]);
  });
});

describe('seed data: organisations', () => {
  const regions = organisations.filter((o) => o.kind === 'REGION');

  it('has the 21 regions, one per county', () => {
    expect(regions).toHaveLength(21);
    expect(regions.map((r) => r.countyCode).sort()).toEqual(COUNTY_CODES);
  });

  it('has members that are not regions', () => {
    expect(organisations.filter((o) => o.kind === 'MUNICIPALITY').length).toBeGreaterThan(0);
    expect(organisations.filter((o) => o.kind === 'OTHER').length).toBeGreaterThan(0);
  });

  it('uses kebab-case codes and known kinds', () => {
    expect(organisations.filter((o) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(o.code))).toEqual([]);
    expect(
      notOneOf(
        organisations.map((o) => o.kind),
        ORGANISATION_KINDS,
      ),
    ).toEqual([]);
  });
});

describe('seed data: substances', () => {
  it('has at least 60 substances', () => {
    expect(substances.length).toBeGreaterThanOrEqual(60);
  });

  it.each(GROUPS)('covers the group %s', (group) => {
    expect(substances.some((s) => s.groups.includes(group))).toBe(true);
  });

  it('uses only known groups and lists, and every substance has a group', () => {
    expect(
      notOneOf(
        substances.flatMap((s) => s.groups),
        GROUPS,
      ),
    ).toEqual([]);
    expect(
      notOneOf(
        substances.flatMap((s) => s.lists),
        REGULATORY_LISTS,
      ),
    ).toEqual([]);
    expect(substances.filter((s) => s.groups.length === 0)).toEqual([]);
  });

  it.each([
    ['117-81-7', '204-211-0'], // DEHP, the example in DOMAIN.md
    ['7439-92-1', '231-100-4'], // lead
    ['7440-43-9', '231-152-8'], // cadmium
    ['7439-97-6', '231-106-7'], // mercury
    ['1333-82-0', '215-607-8'], // chromium trioxide
    ['56-35-9', '200-268-0'], // TBTO
    ['50-00-0', '200-001-8'], // formaldehyde
    ['60-00-4', '200-449-4'], // EDTA
  ])('has %s with EC number %s', (cas, ec) => {
    expect(substances.find((s) => s.casNumber === cas)?.ecNumber).toBe(ec);
  });
});

describe('seed data: product categories', () => {
  it('lists every parent before its children', () => {
    const seen = new Set<string>();
    const orphans: string[] = [];
    for (const c of categories) {
      if (c.parentCode !== null && !seen.has(c.parentCode)) orphans.push(`${c.code} -> ${c.parentCode}`);
      seen.add(c.code);
    }
    expect(orphans).toEqual([]);
  });

  it('uses upper-case codes with dashes', () => {
    expect(categories.filter((c) => !/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(c.code))).toEqual([]);
  });
});

describe('seed data: requirements', () => {
  it('has at least 12 requirements', () => {
    expect(requirements.length).toBeGreaterThanOrEqual(12);
  });

  it('uses only known kinds, units, bases and aggregations', () => {
    expect(
      notOneOf(
        requirements.map((r) => r.kind),
        REQUIREMENT_KINDS,
      ),
    ).toEqual([]);
    expect(
      notOneOf(
        requirements.flatMap((r) => (r.defaultLimitUnit ? [r.defaultLimitUnit] : [])),
        UNITS,
      ),
    ).toEqual([]);
    expect(
      notOneOf(
        requirements.map((r) => r.basis),
        LIMIT_BASES,
      ),
    ).toEqual([]);
    expect(
      notOneOf(
        requirements.map((r) => r.aggregation),
        AGGREGATIONS,
      ),
    ).toEqual([]);
  });

  it('refers only to substances and categories that exist', () => {
    expect(
      dangling(
        requirements.flatMap((r) => r.substanceCas.map((cas): [string, string] => [r.code, cas])),
        substanceCas,
      ),
    ).toEqual([]);
    expect(
      dangling(
        requirements.flatMap((r) => r.categoryCodes.map((c): [string, string] => [r.code, c])),
        categories.map((c) => c.code),
      ),
    ).toEqual([]);
  });

  it.each(requirements.map((r) => [r.code, r] as const))('%s has a consistent limit', (_code, r) => {
    expect(r.defaultLimitValue === null).toBe(r.defaultLimitUnit === null);
    expect(duplicates(r.substanceCas)).toEqual([]);
    if (r.kind === 'LIMIT') {
      expect(r.defaultLimitValue).toBeGreaterThan(0);
      expect(r.defaultLimitUnit).not.toBeNull();
      expect(r.substanceCas.length).toBeGreaterThan(0);
    }
    if (r.kind === 'DOCUMENTATION') {
      expect(r.defaultLimitValue).toBeNull();
    }
  });

  it('scopes the candidate-list requirement to exactly the candidate-list substances', () => {
    const candidates = substances.filter((s) => s.lists.includes('REACH_CANDIDATE_LIST')).map((s) => s.casNumber);
    expect([...requirementByCode.get('K-REACH-SVHC')!.substanceCas].sort()).toEqual([...candidates].sort());
  });

  it.each<[string, Partial<Requirement>]>([
    [
      'K-REACH-SVHC',
      { kind: 'LIMIT', defaultLimitValue: 0.1, defaultLimitUnit: 'PERCENT_WW', basis: 'ARTICLE', aggregation: 'EACH' },
    ],
    [
      'K-PHT-01',
      {
        kind: 'LIMIT',
        defaultLimitValue: 0.1,
        defaultLimitUnit: 'PERCENT_WW',
        basis: 'HOMOGENEOUS_MATERIAL',
        aggregation: 'SUM',
        substanceCas: ['117-81-7', '84-74-2', '84-69-5', '85-68-7'],
      },
    ],
    ['K-PAH-01', { defaultLimitValue: 1, defaultLimitUnit: 'MG_PER_KG', basis: 'PART', aggregation: 'EACH' }],
    ['K-PAH-02', { defaultLimitValue: 0.5, defaultLimitUnit: 'MG_PER_KG', aggregation: 'EACH' }],
    [
      'K-ROHS-01',
      { defaultLimitValue: 0.1, defaultLimitUnit: 'PERCENT_WW', basis: 'HOMOGENEOUS_MATERIAL', aggregation: 'EACH' },
    ],
    ['K-ROHS-CD', { defaultLimitValue: 0.01, defaultLimitUnit: 'PERCENT_WW', substanceCas: ['7440-43-9'] }],
    ['K-CMR-MED', { defaultLimitValue: 0.1, defaultLimitUnit: 'PERCENT_WW', basis: 'PART', aggregation: 'EACH' }],
    ['K-FR-TEXT', { kind: 'NOT_ADDED', defaultLimitValue: 0.1, defaultLimitUnit: 'PERCENT_WW' }],
    ['K-FORM-TOY', { defaultLimitValue: 20, defaultLimitUnit: 'MG_PER_KG', substanceCas: ['50-00-0'] }],
    ['K-CLEAN-01', { defaultLimitValue: 0.2, defaultLimitUnit: 'PERCENT_WW', basis: 'MIXTURE', aggregation: 'EACH' }],
    ['K-MED-PVC', { defaultLimitValue: 0.1, defaultLimitUnit: 'PERCENT_WW', aggregation: 'EACH' }],
    ['K-PFAS-01', { kind: 'NOT_ADDED', defaultLimitValue: null, defaultLimitUnit: null }],
    ['K-SDS-SV', { kind: 'DOCUMENTATION', defaultLimitValue: null, defaultLimitUnit: null, substanceCas: [] }],
  ])('%s matches the example criteria in DOMAIN.md', (code, expected) => {
    expect(requirementByCode.get(code)).toMatchObject(expected);
  });
});

describe('seed data: demo suppliers, products and contracts', () => {
  it('gives every Swedish supplier an organisation number', () => {
    expect(suppliers.filter((s) => s.country === 'SE' && !s.organisationNumber)).toEqual([]);
  });

  it('refers only to suppliers, categories, organisations and requirements that exist', () => {
    const categoryCodes = categories.map((c) => c.code);
    expect(
      dangling(
        products.map((p) => [p.key, p.supplierKey]),
        suppliers.map((s) => s.key),
      ),
    ).toEqual([]);
    expect(
      dangling(
        products.map((p) => [p.key, p.categoryCode]),
        categoryCodes,
      ),
    ).toEqual([]);
    expect(
      dangling(
        contracts.map((c) => [c.key, c.organisationCode]),
        organisations.map((o) => o.code),
      ),
    ).toEqual([]);
    expect(
      dangling(
        contracts.map((c) => [c.key, c.supplierKey]),
        suppliers.map((s) => s.key),
      ),
    ).toEqual([]);
    expect(
      dangling(
        contracts.flatMap((c) => c.categoryCodes.map((x): [string, string] => [c.key, x])),
        categoryCodes,
      ),
    ).toEqual([]);
    expect(
      dangling(
        contracts.flatMap((c) => c.requirements.map((r): [string, string] => [c.key, r.requirementCode])),
        requirementByCode.keys(),
      ),
    ).toEqual([]);
  });

  it.each(contracts.map((c) => [c.key, c] as const))('%s has valid dates and contract limits', (_key, c) => {
    expect(c.validFrom).toMatch(ISO_DATE);
    expect(c.validTo).toMatch(ISO_DATE);
    expect(c.validFrom < c.validTo).toBe(true);
    expect(duplicates(c.requirements.map((r) => r.requirementCode))).toEqual([]);
    for (const r of c.requirements) {
      expect(r.limitValue === null).toBe(r.limitUnit === null);
      if (r.limitValue !== null) {
        expect(r.limitValue).toBeGreaterThan(0);
        expect(UNITS).toContain(r.limitUnit);
      }
    }
  });

  it('tells the demo story: two regions, one supplier, different phthalate limits', () => {
    const limitIn = (key: string) => contractByKey.get(key)?.requirements.find((r) => r.requirementCode === 'K-PHT-01');
    const skane = contractByKey.get('skane-lek-2025')!;
    const stockholm = contracts.find(
      (c) => c.organisationCode === 'region-stockholm' && c.supplierKey === skane.supplierKey,
    )!;
    expect(limitIn(skane.key)).toEqual({ requirementCode: 'K-PHT-01', limitValue: null, limitUnit: null });
    expect(limitIn(stockholm.key)).toEqual({ requirementCode: 'K-PHT-01', limitValue: 100, limitUnit: 'MG_PER_KG' });
  });
});

describe('seed data: demo follow-ups', () => {
  it('refers only to organisations, products, contracts and requirements that exist', () => {
    expect(
      dangling(
        followUps.map((f) => [f.key, f.organisationCode]),
        organisations.map((o) => o.code),
      ),
    ).toEqual([]);
    expect(
      dangling(
        followUps.map((f) => [f.key, f.productKey]),
        productByKey.keys(),
      ),
    ).toEqual([]);
    expect(
      dangling(
        followUps.flatMap((f): Array<[string, string]> => (f.contractKey ? [[f.key, f.contractKey]] : [])),
        contractByKey.keys(),
      ),
    ).toEqual([]);
    expect(
      dangling(
        followUps.flatMap((f) => f.requirementCodes.map((r): [string, string] => [f.key, r])),
        requirementByCode.keys(),
      ),
    ).toEqual([]);
    expect(
      dangling(
        followUps.flatMap((f) => f.measurements.map((m): [string, string] => [f.key, m.casNumber])),
        substanceCas,
      ),
    ).toEqual([]);
  });

  it.each(followUps.map((f) => [f.key, f] as const))('%s is consistent', (_key, f) => {
    expect(METHODS).toContain(f.method);
    expect(FOLLOW_UP_STATUSES).toContain(f.status);
    expect(VISIBILITIES).toContain(f.visibility);
    expect(f.retractedReason !== null).toBe(f.status === 'RETRACTED');
    if (f.status !== 'PLANNED') expect(f.performedOn).toMatch(ISO_DATE);
    if (f.contractKey) {
      const contract = contractByKey.get(f.contractKey)!;
      expect(contract.organisationCode).toBe(f.organisationCode);
      expect(productByKey.get(f.productKey)?.supplierKey).toBe(contract.supplierKey);
      const contracted = contract.requirements.map((r) => r.requirementCode);
      expect(notOneOf(f.requirementCodes, contracted)).toEqual([]);
    }
    for (const m of f.measurements) {
      expect(UNITS).toContain(m.unit);
      if (m.detected) expect(m.value).toBeGreaterThan(0);
      else expect(m.loq).toBeGreaterThan(0);
    }
    for (const d of f.deviations) {
      expect(f.requirementCodes).toContain(d.requirementCode);
      expect(SEVERITIES).toContain(d.severity);
      expect(DEVIATION_STATUSES).toContain(d.status);
      if (d.dueDate !== null) expect(d.dueDate).toMatch(ISO_DATE);
    }
  });
});
