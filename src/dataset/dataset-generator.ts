import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { gtinCheckDigit, luhnCheckDigit } from '../common/identifiers/identifiers.js';
import { nowIso, todayIso } from '../common/time.js';
import { ContractEntity, ContractRequirementEntity } from '../contracts/contract.entity.js';
import { bulkInsert, type Insertable, sqliteHandle } from '../database/bulk-insert.js';
import type { TransactionService } from '../database/transaction.service.js';
import { CSV_COLUMNS, type CsvColumn, type CsvRow } from '../import/follow-up-csv.js';
import type { FollowUpImportService } from '../import/follow-up-import.service.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { organisationSearchText } from '../organisations/organisations.service.js';
import { ProductEntity } from '../products/product.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import type { FollowUpStatus, Method, Unit } from '../vocabulary/vocabulary.js';

/** At scale 1; scale n is n times each (the 21 seeded regions stay 21). */
export const SCALE_1 = {
  organisations: 50,
  suppliers: 2_000,
  products: 20_000,
  contractsPerRegion: 10,
  followUps: 100_000,
  measurements: 500_000,
} as const;

/** Follow-ups written per import transaction. */
const CHUNK = 5_000;
const CODE_PREFIX = 'gen-';

export interface GenerateOptions {
  scale: number;
  /** The random seed: the same seed and scale give the same shape of data (ids are random UUIDs). */
  seed?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface GenerateReport {
  organisations: number;
  suppliers: number;
  products: number;
  contracts: number;
  followUps: number;
  measurements: number;
  /** Seconds per phase. */
  seconds: Record<string, number>;
}

/** Mass-fraction LIMIT requirements lab analyses check, with how often each is chosen. */
const LAB_REQUIREMENTS: Array<[string, number]> = [
  ['K-PHT-01', 30],
  ['K-PAH-02', 15],
  ['K-PAH-01', 10],
  ['K-REACH-SVHC', 10],
  ['K-ROHS-01', 8],
  ['K-ROHS-CD', 3],
  ['K-CMR-MED', 6],
  ['K-FORM-TOY', 6],
  ['K-CLEAN-01', 4],
  ['K-MED-PVC', 4],
  ['K-ORGANOTIN-TEXT', 2],
  ['K-NPE-TEXT', 2],
];
const DOCUMENT_REQUIREMENTS = ['K-SDS-SV', 'K-FR-TEXT', 'K-PFAS-01'];
const CONTRACT_REQUIREMENTS: Array<{ code: string; ownLimits: Array<[number, Unit]> }> = [
  {
    code: 'K-PHT-01',
    ownLimits: [
      [100, 'MG_PER_KG'],
      [0.05, 'PERCENT_WW'],
    ],
  },
  { code: 'K-PAH-02', ownLimits: [[0.2, 'MG_PER_KG']] },
  { code: 'K-REACH-SVHC', ownLimits: [[0.05, 'PERCENT_WW']] },
  { code: 'K-ROHS-01', ownLimits: [] },
  { code: 'K-FORM-TOY', ownLimits: [[10, 'MG_PER_KG']] },
  { code: 'K-CMR-MED', ownLimits: [] },
  { code: 'K-SDS-SV', ownLimits: [] },
];
const PARTS = [
  'PVC-yta',
  'Skumfyllning',
  'Textilöverdrag',
  'Handtag',
  'Kabel',
  'Slang',
  'Plastdetalj',
  'Gummidetalj',
  'Dragkedja',
  'Tryck',
  'Foder',
  'Sula',
];
const NOUNS = [
  'Lekmatta',
  'Boll',
  'Handske',
  'Kateter',
  'Infusionsset',
  'Slang',
  'Arbetsjacka',
  'Varselväst',
  'Madrass',
  'Stol',
  'Kabel',
  'Skärm',
  'Dräkt',
  'Gymmatta',
  'Förkläde',
  'Rengöringsmedel',
];
const ADJECTIVES = [
  'mjuk',
  'stor',
  'liten',
  'blå',
  'röd',
  'premium',
  'bas',
  'pro',
  'eco',
  'steril',
  'flex',
  'klassisk',
];
const SUPPLIER_WORDS = [
  'Nordisk',
  'Svensk',
  'Medi',
  'Lek',
  'Textil',
  'Care',
  'Clean',
  'Plast',
  'Tech',
  'Hälso',
  'Skydd',
  'Kontor',
];
const SUFFIXES = ['AB', 'Handel AB', 'Sverige AB', 'Nordic AB', 'Produkter AB', 'Group AB'];
const FOREIGN = ['DE', 'FI', 'DK', 'NO', 'CN', 'PL', 'NL', 'IT', 'GB', 'US'];

/**
 * Generates a realistic registry at a scale factor (README, "Dataset and benchmark"): organisations,
 * suppliers, products and contracts in bulk, then follow-ups and measurements as CSV rows through
 * FollowUpImportService.importRows: the import's own checks and writes, in transactions of 5,000
 * follow-ups. Identifiers are valid (Luhn organisationsnummer, GTIN-13 check digits, seeded CAS
 * numbers). Popularity is skewed: products are ranked in random order and a product of rank k is
 * followed up with weight 1/(k + 10) (Zipf–Mandelbrot), so a few products are checked hundreds of
 * times and most once or never; suppliers' assortments are skewed the same way.
 */
export class DatasetGenerator {
  private random: () => number = Math.random;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly importer: FollowUpImportService,
  ) {}

  async generate(options: GenerateOptions): Promise<GenerateReport> {
    if (!(options.scale > 0)) throw new Error(`scale must be a positive number, got ${options.scale}`);
    this.random = mulberry32(options.seed ?? 1);
    const n = (base: number) => Math.max(1, Math.round(base * options.scale));
    const progress = options.onProgress ?? (() => undefined);
    const seconds: Record<string, number> = {};
    const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await work();
      seconds[phase] = Math.round(performance.now() - started) / 1000;
      return result;
    };

    const [{ generated }] = await this.dataSource.query(
      `SELECT COUNT(*) AS generated FROM organisations WHERE code LIKE '${CODE_PREFIX}%'`,
    );
    if (Number(generated) > 0)
      throw new Error(
        'this database already holds generated data; generate into an empty database (DATABASE_PATH or DATABASE_SCHEMA)',
      );
    const regions: Array<{ id: string; code: string }> = await this.dataSource.query(
      `SELECT id, code FROM organisations WHERE kind = 'REGION' ORDER BY code`,
    );
    if (!regions.length) throw new Error('no regions: load the reference data first (npm run cli -- seed --no-demo)');
    // A larger page cache for the connection transactions write on: the indexes of a large dataset outgrow the default 2 MB.
    if (this.dataSource.options.type === 'better-sqlite3')
      await this.tx.run(async ({ manager }) => void sqliteHandle(manager).pragma('cache_size = -262144'));

    const catalogue = await timed('catalogue', () =>
      this.catalogue(
        n(SCALE_1.organisations),
        n(SCALE_1.suppliers),
        n(SCALE_1.products),
        n(SCALE_1.contractsPerRegion),
        regions,
        progress,
      ),
    );
    const written = await timed('followUps', () =>
      this.followUps(n(SCALE_1.followUps), n(SCALE_1.measurements), catalogue, regions, progress),
    );
    // Fresh statistics, so the query planners see the generated volumes.
    await timed('analyze', () => this.dataSource.query('ANALYZE'));
    return {
      organisations: catalogue.organisations.length,
      suppliers: catalogue.suppliers.length,
      products: catalogue.products.length,
      contracts: catalogue.contracts,
      ...written,
      seconds,
    };
  }

  private async catalogue(
    orgCount: number,
    supplierCount: number,
    productCount: number,
    contractsPerRegion: number,
    regions: Array<{ id: string; code: string }>,
    progress: NonNullable<GenerateOptions['onProgress']>,
  ) {
    const rnd = this.random;
    const used = async (sql: string) => new Set((await this.dataSource.query(sql)).map((r: { v: string }) => r.v));
    const takenOrgNumbers = await used(
      'SELECT organisation_number AS v FROM organisations WHERE organisation_number IS NOT NULL',
    );
    const takenSupplierNumbers = await used(
      'SELECT organisation_number AS v FROM suppliers WHERE organisation_number IS NOT NULL',
    );
    const takenGtins = await used('SELECT gtin AS v FROM products WHERE gtin IS NOT NULL');
    const categories: Array<{ id: string; code: string }> = await this.dataSource.query(
      'SELECT id, code FROM product_categories WHERE parent_id IS NOT NULL ORDER BY code',
    );
    const requirements = new Map<string, { id: string; unit: Unit | null }>(
      (await this.dataSource.query('SELECT id, code, default_limit_unit AS unit FROM requirements')).map(
        (r: { id: string; code: string; unit: Unit | null }) => [r.code, r],
      ),
    );
    const now = nowIso();

    const organisations: Array<{ id: string; code: string }> = [];
    const orgRows: Insertable<OrganisationEntity>[] = [];
    let body = 212_000_100;
    for (let i = 1; i <= orgCount; i++) {
      let number: string;
      do {
        const digits = String(body++);
        number = `${digits.slice(0, 6)}-${digits.slice(6)}${luhnCheckDigit(digits)}`;
      } while (takenOrgNumbers.has(number));
      const code = `${CODE_PREFIX}kommun-${String(i).padStart(4, '0')}`;
      const name = `Genererad kommun ${i}`;
      const id = randomUUID();
      organisations.push({ id, code });
      orgRows.push({
        id,
        code,
        name,
        kind: 'MUNICIPALITY',
        countyCode: null,
        supplierId: null,
        organisationNumber: number,
        searchText: organisationSearchText({ code, name, organisationNumber: number }),
        createdAt: now,
        updatedAt: now,
      });
    }

    const suppliers: string[] = [];
    const supplierRows: Insertable<SupplierEntity>[] = [];
    let supplierBody = 556_100_000;
    for (let i = 1; i <= supplierCount; i++) {
      const id = randomUUID();
      const swedish = rnd() < 0.85;
      let number: string | null = null;
      if (swedish) {
        do {
          const digits = String(supplierBody++);
          number = `${digits.slice(0, 6)}-${digits.slice(6)}${luhnCheckDigit(digits)}`;
        } while (takenSupplierNumbers.has(number));
      }
      const name = `${pick(rnd, SUPPLIER_WORDS)}${pick(rnd, SUPPLIER_WORDS).toLowerCase()} ${swedish ? pick(rnd, SUFFIXES) : 'GmbH'} ${i}`;
      suppliers.push(id);
      supplierRows.push({
        id,
        name,
        country: swedish ? 'SE' : pick(rnd, FOREIGN),
        organisationNumber: number,
        searchText: [name, number ?? ''].join(' ').toLowerCase(),
        createdAt: now,
        updatedAt: now,
      });
    }

    const supplierOf = zipfSampler(supplierCount, 5, rnd);
    const products: string[] = [];
    const productRows: Insertable<ProductEntity>[] = [];
    let gtinBody = 200_000_000;
    for (let i = 1; i <= productCount; i++) {
      const id = randomUUID();
      let gtin: string;
      do {
        const digits = `735${String(gtinBody++).padStart(9, '0')}`;
        gtin = `${digits}${gtinCheckDigit(digits)}`;
      } while (takenGtins.has(gtin));
      const name = `${pick(rnd, NOUNS)} ${pick(rnd, ADJECTIVES)} ${i}`;
      const article = `A-${String(i).padStart(7, '0')}`;
      products.push(id);
      productRows.push({
        id,
        supplierId: suppliers[supplierOf()]!,
        name,
        articleNumber: article,
        gtin,
        categoryId: pick(rnd, categories).id,
        searchText: [name, article, gtin].join(' ').toLowerCase(),
        createdAt: now,
        updatedAt: now,
      });
    }

    const contractRows: Insertable<ContractEntity>[] = [];
    const contractRequirementRows: Insertable<ContractRequirementEntity>[] = [];
    const year = Number(todayIso().slice(0, 4));
    for (const region of regions) {
      for (let i = 1; i <= contractsPerRegion; i++) {
        const id = randomUUID();
        contractRows.push({
          id,
          organisationId: region.id,
          recordedByOrganisationId: null,
          supplierId: suppliers[supplierOf()]!,
          title: `Avtal ${i} (${region.code})`,
          reference: `${CODE_PREFIX}${region.code}-${i}`,
          validFrom: `${year - 2}-01-01`,
          validTo: `${year + 2}-12-31`,
          createdAt: now,
          updatedAt: now,
        });
        const chosen = CONTRACT_REQUIREMENTS.filter(() => rnd() < 0.5);
        for (const r of chosen.length ? chosen : [CONTRACT_REQUIREMENTS[0]!]) {
          const own = r.ownLimits.length && rnd() < 0.4 ? pick(rnd, r.ownLimits) : null;
          contractRequirementRows.push({
            contractId: id,
            requirementId: requirements.get(r.code)!.id,
            limitValue: own?.[0] ?? null,
            limitUnit: own?.[1] ?? null,
            createdAt: now,
            updatedAt: now,
          });
        }
      }
    }

    await this.tx.run(async ({ manager }) => {
      await bulkInsert(manager, OrganisationEntity, orgRows);
      await bulkInsert(manager, SupplierEntity, supplierRows);
      for (let i = 0; i < productRows.length; i += 20_000) {
        await bulkInsert(manager, ProductEntity, productRows.slice(i, i + 20_000));
        progress('products', Math.min(i + 20_000, productRows.length), productRows.length);
      }
      await bulkInsert(manager, ContractEntity, contractRows);
      await bulkInsert(manager, ContractRequirementEntity, contractRequirementRows);
    });
    return { organisations, suppliers, products, contracts: contractRows.length };
  }

  private async followUps(
    count: number,
    measurementTarget: number,
    catalogue: { organisations: Array<{ code: string }>; products: string[] },
    regions: Array<{ code: string }>,
    progress: NonNullable<GenerateOptions['onProgress']>,
  ) {
    const rnd = this.random;
    const substancesOf = new Map<string, string[]>();
    for (const r of await this.dataSource.query(
      `SELECT r.code AS code, s.cas_number AS cas FROM requirement_substances rs JOIN requirements r ON r.id = rs.requirement_id JOIN substances s ON s.id = rs.substance_id`,
    )) {
      substancesOf.set(r.code, [...(substancesOf.get(r.code) ?? []), r.cas]);
    }
    const units = new Map<string, Unit>(
      (await this.dataSource.query('SELECT code, default_limit_unit AS unit FROM requirements')).map(
        (r: { code: string; unit: Unit }) => [r.code, r.unit],
      ),
    );
    const productOf = zipfSampler(catalogue.products.length, 10, rnd);
    const labWeights = LAB_REQUIREMENTS.map(([, w]) => w);
    const today = Date.parse(`${todayIso()}T00:00:00Z`);
    const day = (offset: number) => new Date(today + offset * 86_400_000).toISOString().slice(0, 10);

    // The follow-ups' shape first, so that the measurements can be spread to hit the target exactly.
    type Plan = { method: Method; status: FollowUpStatus; requirements: string[]; results: number };
    const plans: Plan[] = [];
    for (let i = 0; i < count; i++) {
      const u = rnd();
      const method =
        u < 0.7 ? 'LAB_ANALYSIS' : u < 0.85 ? 'DOCUMENT_REVIEW' : u < 0.95 ? 'SUPPLIER_DECLARATION' : 'DESK_AUDIT';
      const s = rnd();
      const status = s < 0.8 ? 'COMPLETED' : s < 0.9 ? 'CLOSED' : s < 0.97 ? 'IN_PROGRESS' : 'PLANNED';
      const requirements =
        method === 'LAB_ANALYSIS'
          ? [
              ...new Set([
                LAB_REQUIREMENTS[weighted(rnd, labWeights)]![0],
                ...(rnd() < 0.3 ? [LAB_REQUIREMENTS[weighted(rnd, labWeights)]![0]] : []),
              ]),
            ]
          : [pick(rnd, DOCUMENT_REQUIREMENTS)];
      plans.push({ method, status, requirements, results: 0 });
    }
    const withResults = plans.filter((p) => p.method === 'LAB_ANALYSIS' && p.status !== 'PLANNED');
    if (withResults.length) {
      const mean = measurementTarget / withResults.length;
      let total = 0;
      for (const p of withResults) total += p.results = 1 + Math.floor(rnd() * Math.max(1, 2 * mean - 1));
      // Nudge random follow-ups up or down until the total is exact.
      while (total !== measurementTarget) {
        const p = withResults[Math.floor(rnd() * withResults.length)]!;
        if (total < measurementTarget) {
          p.results++;
          total++;
        } else if (p.results > 1) {
          p.results--;
          total--;
        }
      }
    }

    const organisations = [...regions.map((r) => r.code), ...catalogue.organisations.map((o) => o.code)];
    const blank = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<CsvColumn, string>;
    let followUps = 0;
    let measurements = 0;
    let rowNumber = 1;
    for (let start = 0; start < plans.length; start += CHUNK) {
      const rows: CsvRow[] = [];
      for (let i = start; i < Math.min(start + CHUNK, plans.length); i++) {
        const p = plans[i]!;
        const region = rnd() < 0.7;
        const planned = p.status === 'PLANNED';
        const performedOn = planned
          ? rnd() < 0.5
            ? ''
            : day(1 + Math.floor(rnd() * 90))
          : day(-Math.floor(rnd() * 6 * 365));
        const common: Record<CsvColumn, string> = {
          ...blank,
          follow_up_key: `g${i}`,
          organisation: region
            ? organisations[Math.floor(rnd() * regions.length)]!
            : organisations[regions.length + Math.floor(rnd() * (organisations.length - regions.length))]!,
          product_id: catalogue.products[productOf()]!,
          requirement_codes: p.requirements.join(';'),
          method: p.method,
          status: p.status,
          performed_on: performedOn,
          visibility: rnd() < 0.9 ? 'SHARED' : 'PRIVATE',
          laboratory: p.method === 'LAB_ANALYSIS' ? pick(rnd, ['Eurofins', 'SGS', 'Intertek', 'RISE', 'ALS']) : '',
          report_reference: `R-${i}`,
          notes: rnd() < 0.2 ? 'Genererad uppföljning.' : '',
        };
        if (!p.results) {
          rows.push({ row: ++rowNumber, values: common });
          continue;
        }
        const cas = p.requirements.flatMap((code) => substancesOf.get(code) ?? []);
        const parts = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, PARTS));
        const unitOfLimit = units.get(p.requirements[0]!) ?? 'MG_PER_KG';
        // A follow-up holds one result per substance and part: a drawn pair already measured is drawn
        // again (a few times), else the result is for a further piece of that part ("Sula 2").
        const measured = new Set<string>();
        for (let k = 0; k < p.results; k++) {
          let part = parts[k % parts.length]!;
          let substanceCas = pick(rnd, cas);
          for (let tries = 0; measured.has(`${substanceCas} ${part}`) && tries < 5; tries++)
            substanceCas = pick(rnd, cas);
          for (let n = 2; measured.has(`${substanceCas} ${part}`); n++) part = `${parts[k % parts.length]!} ${n}`;
          measured.add(`${substanceCas} ${part}`);
          const percent = unitOfLimit === 'PERCENT_WW' && rnd() < 0.3;
          const unit: Unit = percent ? 'PERCENT_WW' : 'MG_PER_KG';
          const factor = percent ? 1 / 10_000 : 1;
          const detected = rnd() < 0.25;
          const value = detected ? round4(Math.exp(Math.log(50) + 1.5 * gaussian(rnd)) * factor) : null;
          rows.push({
            row: ++rowNumber,
            values: {
              ...common,
              substance_cas: substanceCas,
              part,
              detected: detected ? 'true' : 'false',
              value: value === null ? '' : String(value),
              loq: detected ? '' : String(round4(pick(rnd, [0.1, 1, 5, 10, 50]) * factor)),
              unit,
              uncertainty: detected && rnd() < 0.3 ? String(round4(value! * 0.2)) : '',
              analytical_method: pick(rnd, ['GC-MS', 'HPLC', 'ICP-MS', 'XRF']),
            },
          });
        }
      }
      const outcome = await this.importer.importRows(rows, { principal: null });
      if (!outcome.imported)
        throw new Error(
          `generated rows were refused (a generator bug): ${outcome.errors
            .slice(0, 5)
            .map((e) => `row ${e.row} ${e.column}: ${e.reason}`)
            .join('; ')}`,
        );
      followUps += outcome.followUps;
      measurements += outcome.measurements;
      progress('follow-ups', followUps, plans.length);
    }
    return { followUps, measurements };
  }
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

function weighted(rnd: () => number, weights: readonly number[]): number {
  let u = rnd() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((u -= weights[i]!) < 0) return i;
  return weights.length - 1;
}

const round4 = (x: number) => Number(x.toPrecision(4));

function gaussian(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/**
 * Draws indexes 0..n-1 where index i has rank `perm[i]` and weight 1/(rank + q): a Zipf–Mandelbrot
 * law over a random order, so popularity does not follow insertion order.
 */
export function zipfSampler(n: number, q: number, rnd: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative[k] = sum += 1 / (k + 1 + q);
  const perm = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  return () => {
    const u = rnd() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return perm[lo]!;
  };
}

/** A small seeded PRNG (mulberry32): the same seed, the same dataset shape. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
