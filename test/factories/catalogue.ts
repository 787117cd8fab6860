import { dataOf } from '../helpers/graphql.js';
import { TOKENS, type TestApp } from '../helpers/test-app.js';
import {
  uniqueCasNumber,
  uniqueEcNumber,
  uniqueGtin13,
  uniqueOrganisationNumber,
  uniqueSuffix,
} from './identifiers.js';
import type { Aggregation, RequirementKind, Unit } from '../../src/vocabulary/vocabulary.js';

/**
 * Data builders for the catalogue. `build.*` returns a valid create-input with unique names,
 * codes and identifiers (override any field to make it invalid); `CatalogueFactory` creates the
 * thing through the GraphQL API, as a client would, and returns what the API answered.
 */

export type { Unit };
export interface LimitInput {
  value: number;
  unit: Unit;
}

export interface SupplierInput {
  name: string;
  country?: string | null;
  organisationNumber?: string | null;
}
export interface ProductInput {
  supplierId: string;
  name: string;
  articleNumber?: string | null;
  gtin?: string | null;
  categoryCode?: string | null;
}
export interface CategoryInput {
  code: string;
  name: string;
  parentCode?: string | null;
}
export interface SubstanceInput {
  name: string;
  casNumber: string;
  ecNumber?: string | null;
  groups?: string[];
  lists?: string[];
}
export interface RequirementInput {
  code: string;
  title: string;
  text: string;
  kind: RequirementKind;
  substanceCas?: string[];
  defaultLimit?: LimitInput | null;
  basis?: string | null;
  aggregation?: Aggregation;
  categoryCodes?: string[];
  legalSource?: string | null;
}
export interface ContractInput {
  organisationId?: string;
  supplierId: string;
  title: string;
  reference?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  categoryCodes?: string[];
  requirements?: Array<{ requirementId: string; limit?: LimitInput | null }>;
}

/** Selection sets: what the suites read back after a write. */
export const FIELDS = {
  organisation: 'id code name kind countyCode organisationNumber',
  supplier: 'id name country organisationNumber',
  product: 'id name articleNumber gtin supplier { id name } category { code }',
  category: 'id code name parent { code } children { code }',
  substance: 'id name casNumber ecNumber groups lists',
  requirement:
    'id code title text kind basis aggregation legalSource defaultLimit { value unit unitSymbol } substances { casNumber } categories { code }',
  contract:
    'id title reference validFrom validTo organisation { id code } supplier { id name } categories { code } ' +
    'requirements { requirement { id code } limit { value unit unitSymbol } effectiveLimit { value unit unitSymbol } }',
} as const;

export const build = {
  supplier: (o: Partial<SupplierInput> = {}): SupplierInput => ({
    name: `Testleverantör ${uniqueSuffix()} AB`,
    country: 'SE',
    organisationNumber: uniqueOrganisationNumber(),
    ...o,
  }),
  product: (supplierId: string, o: Partial<ProductInput> = {}): ProductInput => {
    const n = uniqueSuffix();
    return {
      supplierId,
      name: `Testprodukt ${n}`,
      articleNumber: `ART-${n}`,
      gtin: uniqueGtin13(),
      categoryCode: 'CHILD-PLAYMAT',
      ...o,
    };
  },
  category: (o: Partial<CategoryInput> = {}): CategoryInput => {
    const n = uniqueSuffix();
    return { code: `TEST-CAT-${n}`, name: `Testområde ${n}`, parentCode: null, ...o };
  },
  substance: (o: Partial<SubstanceInput> = {}): SubstanceInput => ({
    name: `Testämne ${uniqueSuffix()}`,
    casNumber: uniqueCasNumber(),
    ecNumber: uniqueEcNumber(),
    groups: [],
    lists: [],
    ...o,
  }),
  requirement: (o: Partial<RequirementInput> = {}): RequirementInput => {
    const n = uniqueSuffix();
    return {
      code: `T-REQ-${n}`,
      title: `Testkrav ${n}`,
      text: `Varan får inte innehålla testämne ${n} över 0,1 viktprocent.`,
      kind: 'LIMIT',
      substanceCas: [],
      defaultLimit: { value: 0.1, unit: 'PERCENT_WW' },
      basis: 'ARTICLE',
      aggregation: 'EACH',
      categoryCodes: [],
      legalSource: null,
      ...o,
    };
  },
  contract: (supplierId: string, o: Partial<ContractInput> = {}): ContractInput => {
    const n = uniqueSuffix();
    return {
      supplierId,
      title: `Testavtal ${n}`,
      reference: `T-${n}`,
      validFrom: '2025-01-01',
      validTo: '2027-12-31',
      categoryCodes: [],
      requirements: [],
      ...o,
    };
  },
};

/** Creates catalogue data through the API. Every call must succeed (use `sut.gql` directly to test refusals). */
export class CatalogueFactory {
  constructor(
    private readonly sut: TestApp,
    private readonly token: string = TOKENS.admin,
  ) {}

  private async create(
    mutation: string,
    inputType: string,
    fields: string,
    input: object,
    token = this.token,
  ): Promise<any> {
    const r = await this.sut.gql(
      `mutation ($input: ${inputType}!) { result: ${mutation}(input: $input) { ${fields} } }`,
      { input },
      token,
    );
    return dataOf(r).result;
  }

  supplier(o: Partial<SupplierInput> = {}, token?: string) {
    return this.create('createSupplier', 'CreateSupplierInput', FIELDS.supplier, build.supplier(o), token);
  }

  async product(o: Partial<ProductInput> = {}, token?: string) {
    const supplierId = o.supplierId ?? (await this.supplier()).id;
    return this.create('createProduct', 'CreateProductInput', FIELDS.product, build.product(supplierId, o), token);
  }

  category(o: Partial<CategoryInput> = {}, token?: string) {
    return this.create(
      'createProductCategory',
      'CreateProductCategoryInput',
      FIELDS.category,
      build.category(o),
      token,
    );
  }

  substance(o: Partial<SubstanceInput> = {}, token?: string) {
    return this.create('createSubstance', 'CreateSubstanceInput', FIELDS.substance, build.substance(o), token);
  }

  requirement(o: Partial<RequirementInput> = {}, token?: string) {
    return this.create('createRequirement', 'CreateRequirementInput', FIELDS.requirement, build.requirement(o), token);
  }

  /** A contract; made by the Skåne contact person unless another token is given. */
  async contract(o: Partial<ContractInput> = {}, token: string = TOKENS.skane) {
    const supplierId = o.supplierId ?? (await this.supplier()).id;
    return this.create('createContract', 'CreateContractInput', FIELDS.contract, build.contract(supplierId, o), token);
  }

  /** The id of a seeded library requirement, by its code. */
  async requirementId(code: string): Promise<string> {
    const r = await this.sut.gql(
      'query ($q: String) { requirements(first: 100, filter: { search: $q }) { nodes { id code } } }',
      { q: code },
      TOKENS.reader,
    );
    const found = dataOf(r).requirements.nodes.find((n: { code: string }) => n.code === code);
    if (!found) throw new Error(`no requirement ${code}`);
    return found.id;
  }

  /** The id of an organisation, by its code (e.g. `region-skane`). */
  async organisationId(code: string): Promise<string> {
    const r = await this.sut.gql(
      'query ($q: String) { organisations(first: 100, filter: { search: $q }) { nodes { id code } } }',
      { q: code },
      TOKENS.reader,
    );
    const found = dataOf(r).organisations.nodes.find((n: { code: string }) => n.code === code);
    if (!found) throw new Error(`no organisation ${code}`);
    return found.id;
  }

  /** A seeded demo contract, by its organisation's code and its title. */
  async contractId(organisationCode: string, title: string): Promise<string> {
    const organisationId = await this.organisationId(organisationCode);
    const r = await this.sut.gql(
      'query ($org: ID) { contracts(first: 100, filter: { organisationId: $org }) { nodes { id title } } }',
      { org: organisationId },
      TOKENS.reader,
    );
    const found = dataOf(r).contracts.nodes.find((n: { title: string }) => n.title === title);
    if (!found) throw new Error(`no contract "${title}" for ${organisationCode}`);
    return found.id;
  }

  /** A seeded demo supplier's id, by its exact name. */
  async supplierId(name: string): Promise<string> {
    const r = await this.sut.gql(
      'query ($q: String) { suppliers(first: 100, filter: { search: $q }) { nodes { id name } } }',
      { q: name },
      TOKENS.reader,
    );
    const found = dataOf(r).suppliers.nodes.find((n: { name: string }) => n.name === name);
    if (!found) throw new Error(`no supplier "${name}"`);
    return found.id;
  }

  /** The totalCount of a list, to show that a refused write stored nothing. */
  async count(
    list:
      'organisations' | 'suppliers' | 'products' | 'productCategories' | 'substances' | 'requirements' | 'contracts',
    filter?: object,
  ): Promise<number> {
    const args = list === 'productCategories' ? '' : '(filter: $filter)';
    const variables = list === 'productCategories' ? {} : { filter: filter ?? null };
    const filterType = FILTER_TYPES[list];
    const header = filterType ? `query ($filter: ${filterType})` : 'query';
    const r = await this.sut.gql(`${header} { ${list}${args} { totalCount } }`, variables, TOKENS.admin);
    return dataOf(r)[list].totalCount;
  }

  /** A contract as the API shows it (for before/after comparisons). */
  async contractView(id: string) {
    const r = await this.sut.gql(`query ($id: ID!) { contract(id: $id) { ${FIELDS.contract} } }`, { id }, TOKENS.admin);
    const contract = dataOf(r).contract;
    // Requirement rows created in one statement share a timestamp: compare them in a stable order.
    contract.requirements.sort((a: any, b: any) => a.requirement.code.localeCompare(b.requirement.code));
    return contract;
  }
}

const FILTER_TYPES: Record<string, string | null> = {
  organisations: 'OrganisationFilter',
  suppliers: 'SupplierFilter',
  products: 'ProductFilter',
  productCategories: null,
  substances: 'SubstanceFilter',
  requirements: 'RequirementFilter',
  contracts: 'ContractFilter',
};
