import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { TokenAdminService } from '../src/auth/token-admin.service.js';
import { SCHEMA_FILE } from '../src/graphql/schema-file.js';
import { TransactionService } from '../src/database/transaction.service.js';
import { IdentityProvidersService } from '../src/sign-in/identity-providers.service.js';
import { SessionsService } from '../src/sign-in/sessions.service.js';
import {
  CALLER_INFO,
  CALLERS,
  type Caller,
  type CallerSet,
  databaseSnapshot,
  lastEvent,
  setUpCallers,
} from './factories/auth.js';
import { build } from './factories/catalogue.js';
import {
  buildFollowUp,
  CAS,
  daysAgo,
  daysFromNow,
  FollowUpFactory,
  phthalates,
  type RecordFollowUpInput,
} from './factories/follow-ups.js';
import { FocusAreaFactory } from './factories/focus-areas.js';
import { uniqueSuffix } from './factories/identifiers.js';
import { startTestApp, TOKENS, type GraphQLResponse, type TestApp } from './helpers/test-app.js';
import type { Role } from '../src/vocabulary/vocabulary.js';

/**
 * The authorization matrix (issue 4): every mutation of the schema, and every sensitive read,
 * for each caller: no token, an expired token, a revoked token, a supplier member (SUPPLIER), a READER, a CONTACT_PERSON of
 * another organisation, the CONTACT_PERSON of the organisation that owns the record, a
 * COORDINATOR (of another organisation), an ADMIN (of another organisation) and a delegate (a
 * CONTACT_PERSON of an organisation Skåne has delegated CONTRACTS, FOLLOW_UPS and IMPORTS to).
 *
 * The rules: without a valid token, UNAUTHENTICATED; below the operation's least role,
 * FORBIDDEN; writes only for one's own organisation, whatever the role (issue 12: no ADMIN
 * exception), or as a delegate within its scopes: creating for Skåne, and changing what it
 * recorded for Skåne, never what Skåne recorded itself, never a retraction; another organisation's
 * PRIVATE follow-up does not exist for the caller (NOT_FOUND, or the "no follow-up you can see"
 * refusal of an input id). A refusal changes nothing in the database (every table's row count
 * and latest change, and the event log); an allowed write appends one event naming the caller.
 *
 * A mutation added to the schema without a row here fails the first test.
 *
 * A supplier member (issue 19) writes nothing of the regions' and reads only what is opened to
 * SUPPLIER, and there only its own supplier's SHARED follow-ups, never a confidential note.
 */

/**
 * ROW_ERRORS: answered, but refused inside the result (importFollowUps lists bad rows and stores nothing).
 * NULL: a single lookup answered null without an error, as for an id nobody has.
 */
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'ROW_ERRORS' | 'NULL';
/** What each role may, in the matrix's own words: a role added to the vocabulary must be given its place here. */
const RANK: Record<Role, number> = { SUPPLIER: 0, READER: 1, CONTACT_PERSON: 2, COORDINATOR: 3, ADMIN: 4 };

/** The expected outcome per caller: the token and role rules, then the record's own rules (`special`). */
function outcomes(least: Role, special: Partial<Record<Caller, Outcome>> = {}): Record<Caller, Outcome> {
  return Object.fromEntries(
    CALLERS.map((caller) => {
      const role = CALLER_INFO[caller].role as Role | null;
      if (caller === 'noToken' || caller === 'expired' || caller === 'revoked' || !role)
        return [caller, 'UNAUTHENTICATED'];
      if (RANK[role] < RANK[least]) return [caller, 'FORBIDDEN'];
      return [caller, special[caller] ?? 'ok'];
    }),
  ) as Record<Caller, Outcome>;
}

/** Writes for the owner's organisation only, whatever the role (assertActsFor, authorityOver). */
const OWNER_ONLY: Partial<Record<Caller, Outcome>> = {
  otherContact: 'FORBIDDEN',
  coordinator: 'FORBIDDEN',
  admin: 'FORBIDDEN',
  delegate: 'FORBIDDEN',
};
/** For Skåne, by Skåne or by its delegate (within the delegation's scopes). */
const OWNER_OR_DELEGATE: Partial<Record<Caller, Outcome>> = {
  otherContact: 'FORBIDDEN',
  coordinator: 'FORBIDDEN',
  admin: 'FORBIDDEN',
};
/** Another organisation's PRIVATE follow-up does not exist for the caller, ADMIN included. */
const PRIVATE_TO_OWNER: Partial<Record<Caller, Outcome>> = {
  otherContact: 'NOT_FOUND',
  coordinator: 'NOT_FOUND',
  admin: 'NOT_FOUND',
  delegate: 'NOT_FOUND',
};
/** The same, where the follow-up is an input id: refused like an unknown id. */
const PRIVATE_INPUT: Partial<Record<Caller, Outcome>> = {
  otherContact: 'BAD_USER_INPUT',
  coordinator: 'BAD_USER_INPUT',
  admin: 'BAD_USER_INPUT',
  delegate: 'BAD_USER_INPUT',
};

interface MutationCase {
  mutation: string;
  variant: string;
  expected: Record<Caller, Outcome>;
  /** Makes a fresh target (so every allowed call has something to change); returns the variables. */
  arrange: () => Promise<Record<string, unknown>>;
  /** The operation; its root field is aliased `m`. */
  document: string;
  /** Checks an allowed call's answer beyond "no error" (e.g. that it acted for the caller's own organisation). */
  check?: (data: any, caller: Caller) => void;
}

describe('authorization matrix', () => {
  let sut: TestApp;
  let callers: CallerSet;
  let f: FollowUpFactory;
  const rateLimit = process.env.RATE_LIMIT_ENABLED;
  /** Ids the cases aim at. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    process.env.RATE_LIMIT_ENABLED = 'false'; // this suite sends many requests; rate limits are not under test here
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    callers = await setUpCallers(sut);
    ids.supplier = (await f.supplier()).id;
    ids.product = (await f.product(ids.supplier)).id;
    ids.pht = await f.requirementId('K-PHT-01');
    ids.skane = callers.organisationId('ownerContact');
    // The supplier caller's own supplier (the demo supplier Lekverket) and a product of it.
    ids.lekverket = (
      await sut.gql('{ suppliers(filter: { search: "Lekverket" }) { nodes { id } } }', {}, TOKENS.skane)
    ).data.suppliers.nodes[0].id;
    ids.lekverketProduct = (await f.product(ids.lekverket)).id;
    ids.skaneAdminToken = (
      await sut.app
        .get(TokenAdminService)
        .create({ organisationCode: 'region-skane', role: 'ADMIN', name: `Matrisadmin Skåne ${uniqueSuffix()}` })
    ).token;
    // Stockholm's follow-ups that Skåne's contracts may rely on (recordReuse).
    ids.stockholmShared = (
      await f.record(
        buildFollowUp({ productId: ids.product, requirementIds: [ids.pht], measurements: phthalates('PVC', {}, 10) }),
        TOKENS.stockholm,
        'id',
      )
    ).id;
    ids.stockholmPrivate = (
      await f.record(
        buildFollowUp({
          productId: ids.product,
          requirementIds: [ids.pht],
          measurements: phthalates('PVC', {}, 10),
          visibility: 'PRIVATE',
        }),
        TOKENS.stockholm,
        'id',
      )
    ).id;
  }, 60_000);
  afterAll(async () => {
    await sut?.close();
    if (rateLimit === undefined) delete process.env.RATE_LIMIT_ENABLED;
    else process.env.RATE_LIMIT_ENABLED = rateLimit;
  });

  // --- arrange helpers: fresh records owned by Skåne (or Adda, for the ADMIN's own organisation) ---

  async function skaneFollowUp(o: Partial<RecordFollowUpInput> = {}): Promise<{ id: string; version: number }> {
    return f.record(
      buildFollowUp({
        productId: ids.product,
        requirementIds: [ids.pht],
        measurements: phthalates('PVC', {}, 10),
        ...o,
      }),
      TOKENS.skane,
      'id version',
    );
  }
  const planned = { status: 'PLANNED' as const, performedOn: daysFromNow(20), measurements: [] };
  const inProgress = { status: 'IN_PROGRESS' as const, performedOn: daysAgo(2) };

  async function skaneDeviation(visibility: 'SHARED' | 'PRIVATE'): Promise<string> {
    const followUp = await skaneFollowUp({ visibility });
    return (
      await f.openDeviation(
        { followUpId: followUp.id, severity: 'MINOR', description: 'Märkning saknas' },
        TOKENS.skane,
      )
    ).id;
  }
  /** Skåne's follow-up of the supplier caller's own supplier's product. */
  const lekverketFollowUp = async (o: Partial<RecordFollowUpInput> = {}) =>
    (await skaneFollowUp({ productId: ids.lekverketProduct, ...o })).id;
  /** Skåne's deviation on it, answered by the supplier with a proposed plan. */
  async function proposedPlan(): Promise<string> {
    const deviation = await f.openDeviation(
      { followUpId: await lekverketFollowUp(), severity: 'MINOR', description: 'Märkning saknas' },
      TOKENS.skane,
    );
    const r = await sut.gql(
      'mutation ($d: ID!, $due: Date!) { respondToDeviation(deviationId: $d, actionPlan: "Ny märkning", dueDate: $due) { id } }',
      { d: deviation.id, due: daysFromNow(30) },
      TOKENS.supplier,
    );
    expect(r.errors).toBeUndefined();
    return deviation.id;
  }
  /** Only a member of the supplier answers for it: the regions' callers are refused whatever their role. */
  const SUPPLIER_ONLY = outcomes('SUPPLIER', {
    reader: 'FORBIDDEN',
    otherContact: 'FORBIDDEN',
    ownerContact: 'FORBIDDEN',
    coordinator: 'FORBIDDEN',
    admin: 'FORBIDDEN',
    delegate: 'FORBIDDEN',
  });
  const skaneContract = async () => (await f.contract(TOKENS.skane, ids.supplier, [{ code: 'K-PHT-01' }])).id;
  /** A follow-up the delegate recorded on Skåne's behalf. */
  async function delegatedFollowUp(o: Partial<RecordFollowUpInput> = {}): Promise<{ id: string; version: number }> {
    return f.record(
      {
        ...buildFollowUp({
          productId: ids.product,
          requirementIds: [ids.pht],
          measurements: phthalates('PVC', {}, 10),
          ...o,
        }),
        organisationId: ids.skane,
      } as RecordFollowUpInput,
      callers.token('delegate') as never,
      'id version',
    );
  }
  /** A contract the delegate created for Skåne. */
  const delegatedContract = async () =>
    (
      await f.catalogue.contract(
        {
          supplierId: ids.supplier,
          organisationId: ids.skane,
          requirements: [{ requirementId: ids.pht, limit: null }],
        },
        callers.token('delegate')!,
      )
    ).id;
  /** A delegation Skåne's ADMIN grants to Adda (so Adda's ADMIN is its delegate, not its grantor). */
  const skaneDelegation = async () =>
    (
      await sut.gql(
        'mutation ($to: ID!, $e: Date!) { m: grantDelegation(toOrganisationId: $to, scopes: [CONTRACTS], expiresOn: $e) { id } }',
        { to: callers.organisationId('admin'), e: daysFromNow(10) },
        ids.skaneAdminToken,
      )
    ).data.m.id as string;
  const admin = () => sut.app.get(TokenAdminService);
  async function principalOf(organisationCode: string): Promise<string> {
    return (
      await admin().create({
        organisationCode,
        role: 'READER',
        name: `Matrisperson ${uniqueSuffix()}`,
        email: 'matris@example.org',
      })
    ).summary.principalId;
  }
  async function tokenOf(organisationCode: string): Promise<string> {
    return (await admin().create({ organisationCode, role: 'READER', name: `Matristoken ${uniqueSuffix()}` })).summary
      .id;
  }
  /** A fresh identity provider of the organisation (its earlier one removed: one per organisation). */
  async function freshProvider(organisationId: string): Promise<string> {
    const providers = sut.app.get(IdentityProvidersService);
    for (const p of await providers.list(null, organisationId)) await providers.remove(p.id, null);
    return (await providers.add(providerInput(organisationId), null)).id;
  }
  const providerInput = (organisationId: string) => ({
    organisationId,
    issuer: 'https://idp.example.org',
    clientId: name('kemkollen'),
    clientSecret: 'matrix-secret',
    roleClaim: 'groups',
    roleMappings: [{ claimValue: 'kk', role: 'READER' as const }],
  });
  /** An open session of a member of the organisation. */
  async function sessionOf(organisationCode: string): Promise<string> {
    const principalId = await principalOf(organisationCode);
    const organisationId = organisationCode === 'adda' ? callers.organisationId('admin') : ids.skane!;
    return sut.app.get(TransactionService).run(async (uow) => {
      const opened = await sut.app.get(SessionsService).open(uow, {
        principalId,
        organisationId,
        identityProviderId: organisationId,
        role: 'READER',
        idTokenEncrypted: null,
      });
      return opened.session.id;
    });
  }
  const name = (what: string) => `${what} ${uniqueSuffix()}`;
  const ownOrganisation = (path: (data: any) => { id: string }) => (data: any, caller: Caller) =>
    expect(path(data).id).toBe(callers.organisationId(caller));

  /** One follow-up with one measurement in the import layout; `organisation` empty: the caller's own. */
  // Each file holds a follow-up of its own (a value no other holds): imports are repeatable, so the
  // same content imported again for the same organisation would be UNCHANGED and store nothing.
  let imports = 0;
  const importCsv = (organisation: string) =>
    'follow_up_key,organisation,product_id,method,status,performed_on,visibility,substance_cas,part,detected,value,unit\n' +
    `m-${uniqueSuffix()},${organisation},${ids.product},LAB_ANALYSIS,COMPLETED,${daysAgo(30)},SHARED,${CAS.DEHP},PVC,true,${20 + ++imports},MG_PER_KG\n`;

  // --- focus areas (issue 18): a focus area of the children's categories, Skåne taking part ---
  const areas = () => new FocusAreaFactory(sut);
  /** Skåne's contract with the matrix's supplier, in the children's categories. */
  const skaneChildContract = async () =>
    (
      await f.catalogue.contract(
        { supplierId: ids.supplier, categoryCodes: ['CHILD'], requirements: [{ requirementId: ids.pht, limit: null }] },
        TOKENS.skane,
      )
    ).id;
  /** A focus area Skåne has joined and submitted a contract covering `ids.product` to; its sample of it if asked. */
  async function skaneFocusArea(withSample = false): Promise<{ area: string; contract: string; sample?: string }> {
    const area = await areas().create({ requirementIds: [ids.pht] });
    await areas().join(area, TOKENS.skane);
    const contract = await skaneChildContract();
    await areas().submit(area, [contract], TOKENS.skane);
    return { area, contract, ...(withSample ? { sample: await areas().add(area, ids.product) } : {}) };
  }
  /** Every caller that may join has joined (so each may leave for its own organisation). */
  async function joinedByAll(): Promise<string> {
    const area = await areas().create();
    await areas().join(
      area,
      TOKENS.skane,
      TOKENS.stockholm,
      TOKENS.coordinator,
      TOKENS.admin,
      callers.token('delegate')!,
    );
    return area;
  }

  const CASES: MutationCase[] = [
    // The catalogue: shared by all members, written by contact persons and up.
    {
      mutation: 'createSupplier',
      variant: 'a new supplier',
      expected: outcomes('CONTACT_PERSON'),
      arrange: async () => ({ i: build.supplier() }),
      document: 'mutation ($i: CreateSupplierInput!) { m: createSupplier(input: $i) { id } }',
    },
    {
      mutation: 'updateSupplier',
      variant: 'any supplier',
      expected: outcomes('CONTACT_PERSON'),
      arrange: async () => ({ id: (await f.supplier()).id, name: name('Matris AB') }),
      document: 'mutation ($id: ID!, $name: String!) { m: updateSupplier(id: $id, input: { name: $name }) { id } }',
    },
    {
      mutation: 'createProduct',
      variant: 'a new product',
      expected: outcomes('CONTACT_PERSON'),
      arrange: async () => ({ i: build.product(ids.supplier) }),
      document: 'mutation ($i: CreateProductInput!) { m: createProduct(input: $i) { id } }',
    },
    {
      mutation: 'updateProduct',
      variant: 'any product',
      expected: outcomes('CONTACT_PERSON'),
      arrange: async () => ({ id: (await f.product(ids.supplier)).id, name: name('Matrisprodukt') }),
      document: 'mutation ($id: ID!, $name: String!) { m: updateProduct(id: $id, input: { name: $name }) { id } }',
    },
    {
      mutation: 'createContract',
      variant: "for the caller's own organisation",
      expected: outcomes('CONTACT_PERSON'),
      arrange: async () => ({ i: build.contract(ids.supplier) }),
      document: 'mutation ($i: CreateContractInput!) { m: createContract(input: $i) { id organisation { id } } }',
      check: ownOrganisation((d) => d.m.organisation),
    },
    {
      mutation: 'createContract',
      variant: "for Skåne (on another's behalf)",
      expected: outcomes('CONTACT_PERSON', OWNER_OR_DELEGATE),
      arrange: async () => ({ i: build.contract(ids.supplier, { organisationId: ids.skane }) }),
      document:
        'mutation ($i: CreateContractInput!) { m: createContract(input: $i) { id organisation { id } recordedBy { id } } }',
      check: (d, caller) => {
        expect(d.m.organisation.id).toBe(ids.skane);
        expect(d.m.recordedBy?.id ?? null).toBe(caller === 'delegate' ? callers.organisationId('delegate') : null);
      },
    },
    ...(['updateContract', 'setContractRequirement', 'removeContractRequirement'] as const).map(
      (mutation): MutationCase => ({
        mutation,
        variant: 'a contract the delegate created for Skåne',
        expected: outcomes('CONTACT_PERSON', OWNER_OR_DELEGATE),
        arrange: async () => ({ c: await delegatedContract(), r: ids.pht, title: name('Matrisavtal') }),
        document:
          mutation === 'updateContract'
            ? 'mutation ($c: ID!, $title: String!) { m: updateContract(id: $c, input: { title: $title }) { id } }'
            : mutation === 'setContractRequirement'
              ? 'mutation ($c: ID!, $r: ID!) { m: setContractRequirement(contractId: $c, requirementId: $r, limit: { value: 50, unit: MG_PER_KG }) { id } }'
              : 'mutation ($c: ID!, $r: ID!) { m: removeContractRequirement(contractId: $c, requirementId: $r) { id } }',
      }),
    ),
    {
      mutation: 'updateContract',
      variant: "Skåne's contract",
      expected: outcomes('CONTACT_PERSON', OWNER_ONLY),
      arrange: async () => ({ id: await skaneContract(), title: name('Matrisavtal') }),
      document: 'mutation ($id: ID!, $title: String!) { m: updateContract(id: $id, input: { title: $title }) { id } }',
    },
    {
      mutation: 'setContractRequirement',
      variant: "Skåne's contract",
      expected: outcomes('CONTACT_PERSON', OWNER_ONLY),
      arrange: async () => ({ c: await skaneContract(), r: ids.pht }),
      document:
        'mutation ($c: ID!, $r: ID!) { m: setContractRequirement(contractId: $c, requirementId: $r, limit: { value: 50, unit: MG_PER_KG }) { id } }',
    },
    {
      mutation: 'removeContractRequirement',
      variant: "Skåne's contract",
      expected: outcomes('CONTACT_PERSON', OWNER_ONLY),
      arrange: async () => ({ c: await skaneContract(), r: ids.pht }),
      document:
        'mutation ($c: ID!, $r: ID!) { m: removeContractRequirement(contractId: $c, requirementId: $r) { id } }',
    },
    // The library: coordinators and up.
    {
      mutation: 'createSubstance',
      variant: 'a new substance',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({ i: build.substance() }),
      document: 'mutation ($i: CreateSubstanceInput!) { m: createSubstance(input: $i) { id } }',
    },
    {
      mutation: 'updateSubstance',
      variant: 'any substance',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({
        cas: (await f.catalogue.substance({}, TOKENS.coordinator)).casNumber,
        name: name('Matrisämne'),
      }),
      document:
        'mutation ($cas: String!, $name: String!) { m: updateSubstance(casNumber: $cas, input: { name: $name }) { id } }',
    },
    {
      mutation: 'createRequirement',
      variant: 'a new requirement',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({ i: build.requirement() }),
      document: 'mutation ($i: CreateRequirementInput!) { m: createRequirement(input: $i) { id } }',
    },
    {
      mutation: 'updateRequirement',
      variant: 'any requirement',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({
        id: (await f.catalogue.requirement({}, TOKENS.coordinator)).id,
        title: name('Matriskrav'),
      }),
      document:
        'mutation ($id: ID!, $title: String!) { m: updateRequirement(id: $id, input: { title: $title }) { id } }',
    },
    {
      mutation: 'createProductCategory',
      variant: 'a new category',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({ i: build.category() }),
      document: 'mutation ($i: CreateProductCategoryInput!) { m: createProductCategory(input: $i) { id } }',
    },
    {
      mutation: 'updateProductCategory',
      variant: 'any category',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({
        id: (await f.catalogue.category({}, TOKENS.coordinator)).id,
        name: name('Matrisområde'),
      }),
      document:
        'mutation ($id: ID!, $name: String!) { m: updateProductCategory(id: $id, input: { name: $name }) { id } }',
    },
    {
      mutation: 'createOrganisation',
      variant: 'a new organisation (no operator organisation configured: the CLI only)',
      expected: outcomes('ADMIN', { admin: 'FORBIDDEN' }),
      arrange: async () => ({ i: { code: `org-${uniqueSuffix()}`, name: name('Matriskommun'), kind: 'MUNICIPALITY' } }),
      document: 'mutation ($i: CreateOrganisationInput!) { m: createOrganisation(input: $i) { id } }',
    },
    // Supplier members: invited by a region that has a contract with the supplier.
    {
      mutation: 'inviteSupplierMember',
      variant: 'a supplier Skåne has a contract with',
      expected: outcomes('CONTACT_PERSON', {
        otherContact: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        admin: 'FORBIDDEN',
        delegate: 'FORBIDDEN',
      }),
      arrange: async () => {
        const supplier = (await f.supplier()).id;
        await f.contract(TOKENS.skane, supplier, [{ code: 'K-PHT-01' }]);
        return { s: supplier, name: name('Leverantörsperson'), email: 'lev@example.org' };
      },
      document:
        'mutation ($s: ID!, $name: String!, $email: String!) { m: inviteSupplierMember(supplierId: $s, name: $name, email: $email) { token supplier { id } organisation { kind } } }',
      check: (d) => expect(d.m.organisation.kind).toBe('SUPPLIER'),
    },

    // Supplier answers (issue 19): given by the supplier's members, decided by the opening organisation.
    {
      mutation: 'respondToDeviation',
      variant: "Skåne's deviation on the supplier caller's product",
      expected: SUPPLIER_ONLY,
      arrange: async () => ({
        d: (
          await f.openDeviation(
            { followUpId: await lekverketFollowUp(), severity: 'MINOR', description: 'Märkning saknas' },
            TOKENS.skane,
          )
        ).id,
        due: daysFromNow(30),
      }),
      document:
        'mutation ($d: ID!, $due: Date!) { m: respondToDeviation(deviationId: $d, actionPlan: "Ny märkning", dueDate: $due) { id actionPlanStatus } }',
    },
    {
      mutation: 'acceptActionPlan',
      variant: "Skåne's deviation with a proposed plan",
      expected: outcomes('CONTACT_PERSON', OWNER_ONLY),
      arrange: async () => ({ d: await proposedPlan() }),
      document: 'mutation ($d: ID!) { m: acceptActionPlan(deviationId: $d) { id status } }',
    },
    {
      mutation: 'rejectActionPlan',
      variant: "Skåne's deviation with a proposed plan",
      expected: outcomes('CONTACT_PERSON', OWNER_ONLY),
      arrange: async () => ({ d: await proposedPlan() }),
      document: 'mutation ($d: ID!) { m: rejectActionPlan(deviationId: $d, reason: "För sent") { id status } }',
    },
    {
      mutation: 'commentOnFollowUp',
      variant: "a follow-up of the supplier caller's product",
      expected: SUPPLIER_ONLY,
      arrange: async () => ({ id: await lekverketFollowUp() }),
      document: 'mutation ($id: ID!) { m: commentOnFollowUp(followUpId: $id, text: "Vi har bytt mjukgörare") { id } }',
    },
    {
      mutation: 'releaseReport',
      variant: "a follow-up of the supplier caller's product waiting for release",
      expected: SUPPLIER_ONLY,
      arrange: async () => ({ id: await lekverketFollowUp({ requiresSupplierRelease: true }) }),
      document: 'mutation ($id: ID!) { m: releaseReport(followUpId: $id) { id reportReleasedAt } }',
    },

    // Watching and notifications (issue 19): every principal its own, supplier members included.
    {
      mutation: 'watch',
      variant: 'a product',
      expected: outcomes('SUPPLIER'),
      arrange: async () => ({ t: (await f.product(ids.supplier)).id }),
      document: 'mutation ($t: ID) { m: watch(kind: PRODUCT, targetId: $t) { id } }',
    },
    {
      mutation: 'unwatch',
      variant: 'a product every caller watches',
      expected: outcomes('SUPPLIER'),
      arrange: async () => {
        const t = (await f.product(ids.supplier)).id;
        for (const caller of CALLERS) {
          const token = callers.token(caller);
          if (token) await sut.gql('mutation ($t: ID) { watch(kind: PRODUCT, targetId: $t) { id } }', { t }, token);
        }
        return { t };
      },
      document: 'mutation ($t: ID!) { m: unwatch(kind: PRODUCT, targetId: $t) }',
    },
    {
      mutation: 'setEmailNotifications',
      variant: "the caller's own",
      expected: outcomes('SUPPLIER'),
      arrange: async () => ({}),
      document: 'mutation { m: setEmailNotifications(mode: DAILY_DIGEST) }',
    },
    {
      mutation: 'createWebhook',
      variant: "the caller's own",
      expected: outcomes('SUPPLIER'),
      arrange: async () => ({}),
      document:
        'mutation { m: createWebhook(url: "https://hooks.example.org/kemkollen", events: [CONTRACT_FAIL]) { secret webhook { id } } }',
    },
    {
      mutation: 'enableWebhook',
      variant: "Skåne's contact person's webhook",
      expected: outcomes('SUPPLIER', {
        supplier: 'NOT_FOUND',
        reader: 'NOT_FOUND',
        otherContact: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        admin: 'NOT_FOUND',
        delegate: 'NOT_FOUND',
      }),
      arrange: async () => ({
        id: (
          await sut.gql(
            'mutation { createWebhook(url: "https://hooks.example.org/skane", events: [CONTRACT_FAIL]) { webhook { id } } }',
            {},
            TOKENS.skane,
          )
        ).data.createWebhook.webhook.id,
      }),
      document: 'mutation ($id: ID!) { m: enableWebhook(id: $id) { id enabled } }',
    },

    // Follow-ups: recorded for the caller's own organisation, changed by it (or an ADMIN).
    {
      mutation: 'recordFollowUp',
      variant: "for the caller's own organisation",
      expected: outcomes('CONTACT_PERSON'),
      arrange: async () => ({
        i: buildFollowUp({
          productId: ids.product,
          requirementIds: [ids.pht],
          measurements: phthalates('PVC', { [CAS.DEHP]: 20 }),
        }),
      }),
      document: 'mutation ($i: RecordFollowUpInput!) { m: recordFollowUp(input: $i) { id organisation { id } } }',
      check: ownOrganisation((d) => d.m.organisation),
    },
    {
      mutation: 'recordFollowUp',
      variant: 'for Skåne, naming it (on its behalf)',
      expected: outcomes('CONTACT_PERSON', OWNER_OR_DELEGATE),
      arrange: async () => ({
        i: {
          ...buildFollowUp({ productId: ids.product, requirementIds: [ids.pht], measurements: phthalates('PVC', {}) }),
          organisationId: ids.skane,
        },
      }),
      document:
        'mutation ($i: RecordFollowUpInput!) { m: recordFollowUp(input: $i) { id organisation { id } recordedBy { id } } }',
      check: (d, caller) => {
        expect(d.m.organisation.id).toBe(ids.skane);
        expect(d.m.recordedBy?.id ?? null).toBe(caller === 'delegate' ? callers.organisationId('delegate') : null);
      },
    },
    {
      mutation: 'recordFollowUp',
      variant: "under Skåne's contract (on another's behalf)",
      expected: outcomes('CONTACT_PERSON', {
        otherContact: 'BAD_USER_INPUT',
        coordinator: 'BAD_USER_INPUT',
        admin: 'BAD_USER_INPUT',
        delegate: 'BAD_USER_INPUT',
      }),
      arrange: async () => ({
        i: buildFollowUp({
          productId: ids.product,
          contractId: await skaneContract(),
          requirementIds: [ids.pht],
          measurements: phthalates('PVC', {}),
        }),
      }),
      document: 'mutation ($i: RecordFollowUpInput!) { m: recordFollowUp(input: $i) { id organisation { id } } }',
      check: ownOrganisation((d) => d.m.organisation),
    },
    ...(['SHARED', 'PRIVATE'] as const).flatMap((visibility): MutationCase[] => {
      const special = visibility === 'SHARED' ? OWNER_ONLY : PRIVATE_TO_OWNER;
      const variant = `Skåne's ${visibility} follow-up`;
      return [
        {
          mutation: 'updateFollowUp',
          variant,
          expected: outcomes('CONTACT_PERSON', special),
          arrange: async () => {
            const fu = await skaneFollowUp({ visibility });
            return { id: fu.id, v: fu.version };
          },
          document:
            'mutation ($id: ID!, $v: Int!) { m: updateFollowUp(id: $id, expectedVersion: $v, input: { notes: "Ändrad av matrisen" }) { id } }',
        },
        {
          mutation: 'startFollowUp',
          variant,
          expected: outcomes('CONTACT_PERSON', special),
          arrange: async () => ({ id: (await skaneFollowUp({ visibility, ...planned })).id }),
          document: 'mutation ($id: ID!) { m: startFollowUp(id: $id) { id } }',
        },
        {
          mutation: 'completeFollowUp',
          variant,
          expected: outcomes('CONTACT_PERSON', special),
          arrange: async () => ({ id: (await skaneFollowUp({ visibility, ...inProgress })).id }),
          document: 'mutation ($id: ID!) { m: completeFollowUp(id: $id) { id } }',
        },
        {
          mutation: 'closeFollowUp',
          variant,
          expected: outcomes('CONTACT_PERSON', special),
          arrange: async () => ({ id: (await skaneFollowUp({ visibility })).id }),
          document: 'mutation ($id: ID!) { m: closeFollowUp(id: $id) { id } }',
        },
        {
          mutation: 'retractFollowUp',
          variant,
          expected: outcomes('CONTACT_PERSON', special),
          arrange: async () => ({ id: (await skaneFollowUp({ visibility })).id }),
          document: 'mutation ($id: ID!) { m: retractFollowUp(id: $id, reason: "Fel prov") { id } }',
        },
        // A deviation is opened by the caller's own organisation on a follow-up it can see.
        {
          mutation: 'openDeviation',
          variant,
          expected: outcomes('CONTACT_PERSON', visibility === 'SHARED' ? {} : PRIVATE_INPUT),
          arrange: async () => ({
            i: {
              followUpId: (await skaneFollowUp({ visibility })).id,
              severity: 'MINOR',
              description: 'Märkning saknas',
            },
          }),
          document: 'mutation ($i: OpenDeviationInput!) { m: openDeviation(input: $i) { id organisation { id } } }',
          check: ownOrganisation((d) => d.m.organisation),
        },
        {
          mutation: 'updateDeviation',
          variant: `Skåne's deviation on its ${visibility} follow-up`,
          expected: outcomes('CONTACT_PERSON', special),
          arrange: async () => ({ id: await skaneDeviation(visibility) }),
          document:
            'mutation ($id: ID!) { m: updateDeviation(id: $id, input: { description: "Ändrad av matrisen" }) { id } }',
        },
        {
          mutation: 'resolveDeviation',
          variant: `Skåne's deviation on its ${visibility} follow-up`,
          expected: outcomes('CONTACT_PERSON', special),
          arrange: async () => ({ id: await skaneDeviation(visibility) }),
          document: 'mutation ($id: ID!) { m: resolveDeviation(id: $id, resolution: "Åtgärdad") { id } }',
        },
      ];
    }),
    // What the delegate recorded for Skåne: Skåne and the delegate change it; only Skåne retracts it.
    {
      mutation: 'updateFollowUp',
      variant: 'a follow-up the delegate recorded for Skåne',
      expected: outcomes('CONTACT_PERSON', OWNER_OR_DELEGATE),
      arrange: async () => {
        const fu = await delegatedFollowUp();
        return { id: fu.id, v: fu.version };
      },
      document:
        'mutation ($id: ID!, $v: Int!) { m: updateFollowUp(id: $id, expectedVersion: $v, input: { notes: "Ändrad av matrisen" }) { id } }',
    },
    {
      mutation: 'updateFollowUp',
      variant: 'the visibility of a follow-up the delegate recorded for Skåne',
      expected: outcomes('CONTACT_PERSON', { ...OWNER_OR_DELEGATE, delegate: 'FORBIDDEN' }),
      arrange: async () => {
        const fu = await delegatedFollowUp();
        return { id: fu.id, v: fu.version };
      },
      document:
        'mutation ($id: ID!, $v: Int!) { m: updateFollowUp(id: $id, expectedVersion: $v, input: { visibility: PRIVATE }) { id } }',
    },
    {
      mutation: 'completeFollowUp',
      variant: 'a follow-up the delegate recorded for Skåne',
      expected: outcomes('CONTACT_PERSON', OWNER_OR_DELEGATE),
      arrange: async () => ({ id: (await delegatedFollowUp(inProgress)).id }),
      document: 'mutation ($id: ID!) { m: completeFollowUp(id: $id) { id } }',
    },
    {
      mutation: 'retractFollowUp',
      variant: 'a follow-up the delegate recorded for Skåne',
      expected: outcomes('CONTACT_PERSON', { ...OWNER_OR_DELEGATE, delegate: 'FORBIDDEN' }),
      arrange: async () => ({ id: (await delegatedFollowUp()).id }),
      document: 'mutation ($id: ID!) { m: retractFollowUp(id: $id, reason: "Fel prov") { id } }',
    },
    // Bulk import: rows for the caller's own organisation, or for one that delegated IMPORTS to it.
    {
      mutation: 'importFollowUps',
      variant: "for the caller's own organisation",
      expected: outcomes('CONTACT_PERSON'),
      arrange: async () => ({ csv: importCsv('') }),
      document:
        'mutation ($csv: String!) { m: importFollowUps(csv: $csv) { imported followUps errors { row column reason } } }',
      check: (d) => expect(d.m).toMatchObject({ imported: true, followUps: 1, errors: [] }),
    },
    {
      mutation: 'importFollowUps',
      variant: "for Skåne (on another's behalf)",
      expected: outcomes('CONTACT_PERSON', {
        otherContact: 'ROW_ERRORS',
        coordinator: 'ROW_ERRORS',
        admin: 'ROW_ERRORS',
      }),
      arrange: async () => ({ csv: importCsv('region-skane') }),
      document:
        'mutation ($csv: String!) { m: importFollowUps(csv: $csv) { imported followUps errors { row column reason } } }',
      check: (d) => expect(d.m).toMatchObject({ imported: true, followUps: 1, errors: [] }),
    },
    // Reuse: recorded for the contract's organisation (Skåne) on another's follow-up (Stockholm's).
    {
      mutation: 'recordReuse',
      variant: "Stockholm's SHARED follow-up for Skåne's contract",
      expected: outcomes('CONTACT_PERSON', OWNER_ONLY),
      arrange: async () => ({ f: ids.stockholmShared, c: await skaneContract() }),
      document:
        'mutation ($f: ID!, $c: ID!) { m: recordReuse(followUpId: $f, contractId: $c) { id organisation { id } } }',
      check: (d) => expect(d.m.organisation.id).toBe(ids.skane),
    },
    {
      mutation: 'recordReuse',
      variant: "Stockholm's PRIVATE follow-up for Skåne's contract",
      expected: outcomes('CONTACT_PERSON', {
        ...OWNER_ONLY,
        ownerContact: 'BAD_USER_INPUT',
      }),
      arrange: async () => ({ f: ids.stockholmPrivate, c: await skaneContract() }),
      document: 'mutation ($f: ID!, $c: ID!) { m: recordReuse(followUpId: $f, contractId: $c) { id } }',
    },

    // Delegations: ADMIN only, granted and revoked by the granting organisation (the ADMIN is Adda's).
    {
      mutation: 'grantDelegation',
      variant: "from the ADMIN's own organisation to Skåne",
      expected: outcomes('ADMIN'),
      arrange: async () => ({ to: ids.skane, e: daysFromNow(10) }),
      document:
        'mutation ($to: ID!, $e: Date!) { m: grantDelegation(toOrganisationId: $to, scopes: [FOLLOW_UPS], expiresOn: $e) { id organisation { id } } }',
      check: ownOrganisation((d) => d.m.organisation),
    },
    {
      mutation: 'revokeDelegation',
      variant: "one the ADMIN's own organisation granted",
      expected: outcomes('ADMIN'),
      arrange: async () => ({
        id: (
          await sut.gql(
            'mutation ($to: ID!, $e: Date!) { m: grantDelegation(toOrganisationId: $to, scopes: [IMPORTS], expiresOn: $e) { id } }',
            { to: ids.skane, e: daysFromNow(10) },
            TOKENS.admin,
          )
        ).data.m.id,
      }),
      document: 'mutation ($id: ID!) { m: revokeDelegation(id: $id) { id active } }',
    },
    {
      mutation: 'revokeDelegation',
      variant: "one Skåne granted to the ADMIN's organisation (the delegate does not revoke)",
      expected: outcomes('ADMIN', { admin: 'FORBIDDEN' }),
      arrange: async () => ({ id: await skaneDelegation() }),
      document: 'mutation ($id: ID!) { m: revokeDelegation(id: $id) { id } }',
    },
    // Members and tokens: ADMIN only, and only of its own organisation (the ADMIN is Adda's).
    {
      mutation: 'createMember',
      variant: "in the ADMIN's own organisation",
      expected: outcomes('ADMIN'),
      arrange: async () => ({ i: { name: name('Matrismedlem'), email: 'medlem@example.org' } }),
      document: 'mutation ($i: CreateMemberInput!) { m: createMember(input: $i) { id organisation { id } } }',
      check: ownOrganisation((d) => d.m.organisation),
    },
    {
      mutation: 'createMember',
      variant: 'in Skåne',
      expected: outcomes('ADMIN', { admin: 'FORBIDDEN' }),
      arrange: async () => ({
        i: { organisationId: ids.skane, name: name('Matrismedlem'), email: 'medlem@example.org' },
      }),
      document: 'mutation ($i: CreateMemberInput!) { m: createMember(input: $i) { id } }',
    },
    {
      mutation: 'createApiClient',
      variant: "in the ADMIN's own organisation",
      expected: outcomes('ADMIN'),
      arrange: async () => ({ i: { name: name('Matrisklient') } }),
      document: 'mutation ($i: CreateApiClientInput!) { m: createApiClient(input: $i) { id organisation { id } } }',
      check: ownOrganisation((d) => d.m.organisation),
    },
    {
      mutation: 'createApiClient',
      variant: 'in Skåne',
      expected: outcomes('ADMIN', { admin: 'FORBIDDEN' }),
      arrange: async () => ({ i: { organisationId: ids.skane, name: name('Matrisklient') } }),
      document: 'mutation ($i: CreateApiClientInput!) { m: createApiClient(input: $i) { id } }',
    },
    {
      mutation: 'createToken',
      variant: "for a member of the ADMIN's own organisation",
      expected: outcomes('ADMIN'),
      arrange: async () => ({
        i: { principalId: await principalOf('adda'), role: 'CONTACT_PERSON', name: name('Matristoken') },
      }),
      document: 'mutation ($i: CreateTokenInput!) { m: createToken(input: $i) { token apiToken { id } } }',
    },
    {
      mutation: 'createToken',
      variant: 'for a member of Skåne',
      expected: outcomes('ADMIN', { admin: 'FORBIDDEN' }),
      arrange: async () => ({
        i: { principalId: await principalOf('region-skane'), role: 'ADMIN', name: name('Matristoken') },
      }),
      document: 'mutation ($i: CreateTokenInput!) { m: createToken(input: $i) { token apiToken { id } } }',
    },
    {
      mutation: 'revokeToken',
      variant: "a token of the ADMIN's own organisation",
      expected: outcomes('ADMIN'),
      arrange: async () => ({ id: await tokenOf('adda') }),
      document: 'mutation ($id: ID!) { m: revokeToken(id: $id) { id revokedAt } }',
    },
    {
      mutation: 'revokeToken',
      variant: 'a token of Skåne',
      expected: outcomes('ADMIN', { admin: 'FORBIDDEN' }),
      arrange: async () => ({ id: await tokenOf('region-skane') }),
      document: 'mutation ($id: ID!) { m: revokeToken(id: $id) { id } }',
    },
    // Focus areas (issue 18): coordinators run them; each organisation joins, leaves and submits for itself.
    {
      mutation: 'createFocusArea',
      variant: 'a new focus area',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({ i: { year: 2026, title: name('Matrisfokus'), categoryCodes: ['CHILD'] } }),
      document: 'mutation ($i: CreateFocusAreaInput!) { m: createFocusArea(input: $i) { id status } }',
    },
    {
      mutation: 'updateFocusArea',
      variant: 'any focus area',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({ id: await areas().create(), t: name('Matrisfokus') }),
      document: 'mutation ($id: ID!, $t: String!) { m: updateFocusArea(id: $id, input: { title: $t }) { id } }',
    },
    {
      mutation: 'moveFocusArea',
      variant: 'PLANNING → SAMPLING, with a sampling plan',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({ id: (await skaneFocusArea(true)).area }),
      document: 'mutation ($id: ID!) { m: moveFocusArea(id: $id, status: SAMPLING) { id status } }',
    },
    {
      mutation: 'joinFocusArea',
      variant: "for the caller's own organisation",
      expected: outcomes('CONTACT_PERSON'),
      arrange: async () => ({ f: await areas().create() }),
      document: 'mutation ($f: ID!) { m: joinFocusArea(focusAreaId: $f) { id participants { organisation { id } } } }',
      check: (d, caller) =>
        expect(d.m.participants.map((p: any) => p.organisation.id)).toEqual([callers.organisationId(caller)]),
    },
    {
      mutation: 'leaveFocusArea',
      variant: "the caller's own organisation's participation",
      expected: outcomes('CONTACT_PERSON'),
      arrange: async () => ({ f: await joinedByAll() }),
      document: 'mutation ($f: ID!) { m: leaveFocusArea(focusAreaId: $f) { id participants { organisation { id } } } }',
      check: (d, caller) =>
        expect(d.m.participants.map((p: any) => p.organisation.id)).not.toContain(callers.organisationId(caller)),
    },
    {
      mutation: 'submitContracts',
      variant: "Skåne's contract (Skåne takes part)",
      expected: outcomes('CONTACT_PERSON', OWNER_ONLY),
      arrange: async () => {
        const area = await areas().create();
        await areas().join(area, TOKENS.skane);
        return { f: area, c: [await skaneChildContract()] };
      },
      document: 'mutation ($f: ID!, $c: [ID!]!) { m: submitContracts(focusAreaId: $f, contractIds: $c) { id } }',
    },
    {
      mutation: 'addToSamplingPlan',
      variant: 'a candidate product',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({ f: (await skaneFocusArea()).area, p: ids.product }),
      document:
        'mutation ($f: ID!, $p: ID!) { m: addToSamplingPlan(focusAreaId: $f, productId: $p, analyses: ["Ftalater"], laboratory: "Lab", estimatedCost: 100000) { id } }',
    },
    {
      mutation: 'assignSample',
      variant: 'to Skåne, a participant',
      expected: outcomes('COORDINATOR'),
      arrange: async () => ({ s: (await skaneFocusArea(true)).sample, o: ids.skane }),
      document:
        'mutation ($s: ID!, $o: ID!) { m: assignSample(sampleId: $s, organisationId: $o) { id followUp { status } } }',
      check: (d) => expect(d.m.followUp.status).toBe('PLANNED'),
    },
    ...(['own', 'Skåne'] as const).flatMap((where): MutationCase[] => {
      const own = where === 'own';
      const expected = outcomes('ADMIN', own ? {} : { admin: 'FORBIDDEN' });
      const org = () => (own ? callers.organisationId('admin') : ids.skane!);
      return [
        {
          mutation: 'addIdentityProvider',
          variant: own ? "for the ADMIN's own organisation" : 'for Skåne',
          expected,
          arrange: async () => {
            const providers = sut.app.get(IdentityProvidersService);
            for (const p of await providers.list(null, org())) await providers.remove(p.id, null);
            return { i: providerInput(org()) };
          },
          document:
            'mutation ($i: AddIdentityProviderInput!) { m: addIdentityProvider(input: $i) { id organisationId } }',
          check: (data, caller) => expect(data.m.organisationId).toBe(callers.organisationId(caller)),
        },
        {
          mutation: 'updateIdentityProvider',
          variant: own ? "of the ADMIN's own organisation" : "of Skåne's",
          expected,
          arrange: async () => ({ id: await freshProvider(org()), c: name('kemkollen') }),
          document:
            'mutation ($id: ID!, $c: String!) { m: updateIdentityProvider(id: $id, input: { clientId: $c }) { id } }',
        },
        {
          mutation: 'removeIdentityProvider',
          variant: own ? "of the ADMIN's own organisation" : "of Skåne's",
          expected,
          arrange: async () => ({ id: await freshProvider(org()) }),
          document: 'mutation ($id: ID!) { m: removeIdentityProvider(id: $id) { id } }',
        },
        {
          mutation: 'endSession',
          variant: own ? "a session of the ADMIN's own organisation" : 'a session of Skåne',
          expected,
          arrange: async () => ({ id: await sessionOf(own ? 'adda' : 'region-skane') }),
          document: 'mutation ($id: ID!) { m: endSession(id: $id) { id endReason } }',
        },
      ];
    }),
  ];

  it('covers every mutation of the schema (the committed file and the running code)', () => {
    const fromFile = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    const running = sut.app.get(GraphQLSchemaHost).schema;
    const names = (schema: GraphQLSchema) => Object.keys(schema.getMutationType()?.getFields() ?? {});
    const inSchema = [...new Set([...names(fromFile), ...names(running)])].sort();
    const covered = new Set(CASES.map((c) => c.mutation));

    expect(inSchema.filter((m) => !covered.has(m))).toEqual([]);
    expect([...covered].filter((m) => !inSchema.includes(m))).toEqual([]);
  });

  const cells = CASES.flatMap((c) =>
    CALLERS.map((caller) => [c.mutation, c.variant, caller, c.expected[caller], c] as const),
  );

  it.each(cells)('%s (%s) as %s: %s', async (_mutation, _variant, caller, expected, c) => {
    const variables = await c.arrange();
    const before = await databaseSnapshot(sut);

    const r: GraphQLResponse = await sut.gql(c.document, variables, callers.token(caller));

    if (expected === 'ok') {
      expect(r.errors ?? []).toEqual([]);
      expect(r.data?.m).toBeTruthy();
      c.check?.(r.data, caller);
      const event = await lastEvent(sut);
      expect(event.seq).toBeGreaterThan(Number(before['events.seq']));
      expect({ principal: event.actorPrincipalId, organisation: event.actorOrganisationId }).toEqual({
        principal: callers.principalId(caller),
        organisation: callers.organisationId(caller),
      });
    } else if (expected === 'ROW_ERRORS') {
      expect(r.errors ?? []).toEqual([]);
      expect(r.data?.m).toMatchObject({ imported: false, followUps: 0 });
      expect(r.data?.m.errors.length).toBeGreaterThan(0);
      expect(await databaseSnapshot(sut)).toEqual(before);
    } else {
      expect(r.errors?.[0]?.extensions?.code).toBe(expected);
      expect(r.errors?.[0]?.message).toBeTruthy();
      expect(r.data?.m ?? null).toBeNull();
      expect(await databaseSnapshot(sut)).toEqual(before);
    }
  });

  describe('sensitive reads', () => {
    const SECRET = `Konfidentiellt: leverantörens receptur ${uniqueSuffix()}`;
    const PRIVATE_SECRET = `Konfidentiellt utkast ${uniqueSuffix()}`;
    const PRIVATE_NOTE = `Privat utkast ${uniqueSuffix()}`;
    const r: Record<string, string> = {};

    beforeAll(async () => {
      r.supplier = (await f.supplier()).id;
      r.product = (await f.product(r.supplier)).id;
      r.skaneContract = (
        await f.contract(TOKENS.skane, r.supplier, [{ code: 'K-PHT-01', limit: { value: 100, unit: 'MG_PER_KG' } }])
      ).id;
      r.stockholmContract = (
        await f.contract(TOKENS.stockholm, r.supplier, [{ code: 'K-PHT-01', limit: { value: 100, unit: 'MG_PER_KG' } }])
      ).id;
      const shared = await f.record(
        buildFollowUp({
          productId: r.product,
          requirementIds: [ids.pht],
          measurements: phthalates('PVC', {}, 10),
          confidentialNotes: SECRET,
        }),
        TOKENS.skane,
        'id',
      );
      r.shared = shared.id;
      // Here the supplier caller is a member of the records' own supplier: it sees the SHARED one, no more.
      const invited = await sut.gql(
        'mutation ($s: ID!) { inviteSupplierMember(supplierId: $s, name: "Lev Matris", email: "lev@example.org") { token } }',
        { s: r.supplier },
        TOKENS.skane,
      );
      r.supplierToken = invited.data.inviteSupplierMember.token;
      r.private = (
        await f.record(
          buildFollowUp({
            productId: r.product,
            requirementIds: [ids.pht],
            measurements: phthalates('PVC', { [CAS.DEHP]: 800 }),
            visibility: 'PRIVATE',
            notes: PRIVATE_NOTE,
            confidentialNotes: PRIVATE_SECRET,
          }),
          TOKENS.skane,
          'id',
        )
      ).id;
      await f.openDeviation(
        { followUpId: r.shared, severity: 'MAJOR', description: 'Delad avvikelse', dueDate: daysFromNow(30) },
        TOKENS.skane,
      );
      await f.openDeviation(
        { followUpId: r.private, severity: 'CRITICAL', description: 'Privat avvikelse', dueDate: daysAgo(3) },
        TOKENS.skane,
      );
      const reuse = await f.recordReuseRaw(r.shared, r.stockholmContract, TOKENS.stockholm);
      expect(reuse.errors).toBeUndefined();
      // A change of the confidential notes: the history and the audit log must not carry the text.
      expect(
        (await f.updateRaw(r.shared, 1, { confidentialNotes: `${SECRET} (rev. 2)` }, TOKENS.skane, 'id')).errors,
      ).toBeUndefined();
    }, 60_000);

    /** Reads that reach the follow-ups or their confidential notes; `$id` is the SHARED one. */
    const READS: Array<[string, string, (ids: Record<string, string>) => Record<string, unknown>]> = [
      [
        'followUp.confidentialNotes',
        'query ($id: ID!) { followUp(id: $id) { id confidentialNotes } }',
        (x) => ({ id: x.shared }),
      ],
      [
        'followUps (list, with the PRIVATE one for its owner)',
        'query ($p: ID!) { followUps(first: 100, filter: { productId: $p }) { totalCount nodes { id notes confidentialNotes } } }',
        (x) => ({ p: x.product }),
      ],
      [
        'Measurement.followUp',
        'query ($p: ID!) { followUps(first: 100, filter: { productId: $p }) { nodes { measurements { followUp { id notes confidentialNotes } } } } }',
        (x) => ({ p: x.product }),
      ],
      [
        'Deviation.followUp',
        'query ($p: ID!) { followUps(first: 100, filter: { productId: $p }) { nodes { deviations { description followUp { id confidentialNotes } } } } }',
        (x) => ({ p: x.product }),
      ],
      [
        'Reuse.followUp',
        'query ($id: ID!) { followUp(id: $id) { reuses { followUp { id confidentialNotes } } } }',
        (x) => ({ id: x.shared }),
      ],
      [
        'supplierStatus deviations',
        'query ($s: ID!) { supplierStatus(supplierId: $s) { light openDeviations { description followUp { id confidentialNotes } } overdueDeviations { description followUp { id notes confidentialNotes } } } }',
        (x) => ({ s: x.supplier }),
      ],
      [
        'evaluateProduct: SubstanceEvaluation.followUp, RequirementEvaluation.followUps',
        'query ($p: ID!, $c: ID!) { evaluateProduct(productId: $p, contractId: $c) { verdict requirements { followUps { id notes confidentialNotes } parts { substances { convertedValue followUp { id confidentialNotes } } } } } }',
        (x) => ({ p: x.product, c: x.skaneContract }),
      ],
      [
        'reusableFollowUps: ReusableFollowUp.followUp',
        'query ($p: ID!, $c: ID!) { reusableFollowUps(productId: $p, contractId: $c, includeRejected: true) { reasons followUp { id notes confidentialNotes } } }',
        (x) => ({ p: x.product, c: x.stockholmContract }),
      ],
      [
        'followUp.history (HistoryEvent.details)',
        'query ($id: ID!) { followUp(id: $id) { history { type details } } }',
        (x) => ({ id: x.shared }),
      ],
      [
        'followUpsCsv (the export)',
        'query ($p: ID!) { followUpsCsv(filter: { productId: $p }) }',
        (x) => ({ p: x.product }),
      ],
    ];

    /** Who may read what: the owner sees everything it recorded, everyone else only what is SHARED and not confidential. */
    const SEES_SECRETS: Caller[] = ['ownerContact'];
    const readCells = READS.flatMap(([label, query, vars]) =>
      CALLERS.map((caller) => [label, caller, query, vars] as const),
    );

    /** The caller's token in this block: the supplier caller is a member of the records' own supplier. */
    const tokenOf = (caller: Caller) => (caller === 'supplier' ? r.supplierToken! : callers.token(caller));
    /** Reads not opened to SUPPLIER: a supplier member is refused them outright. */
    const REGION_ONLY = ['evaluateProduct', 'reusableFollowUps'];

    it.each(readCells)('%s as %s', async (label, caller, query, vars) => {
      const res = await sut.gql(query, vars(r), tokenOf(caller));
      const text = JSON.stringify(res);

      if (['noToken', 'expired', 'revoked'].includes(caller)) {
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        // No answer: the whole data, or the (nullable) root field, is null.
        expect(Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
        return;
      }
      if (caller === 'supplier' && REGION_ONLY.some((p) => label.startsWith(p))) {
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(res.data ?? null).toBeNull();
        return;
      }
      expect(res.errors ?? []).toEqual([]);
      // The supplier's own SHARED follow-up reaches its member on every opened path.
      if (caller === 'supplier' && !label.startsWith('followUp.history')) expect(text).toContain(r.shared);
      if (SEES_SECRETS.includes(caller)) {
        // The owner's view, so the test cannot pass by showing nothing to anyone.
        const secretPaths = [
          'followUp.confidentialNotes',
          'followUps (list',
          'followUpsCsv',
          'Measurement.followUp',
          'Deviation.followUp',
          'Reuse.followUp',
          'supplierStatus',
          'evaluateProduct',
          'reusableFollowUps',
        ];
        if (secretPaths.some((p) => label.startsWith(p)))
          expect(text.includes(SECRET) || text.includes(PRIVATE_SECRET)).toBe(true);
        if (
          label.startsWith('followUps (list') ||
          label.startsWith('supplierStatus') ||
          label.startsWith('Deviation.followUp')
        )
          expect(text).toContain(r.private);
      } else {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(PRIVATE_SECRET);
        expect(text).not.toContain(PRIVATE_NOTE);
        expect(text).not.toContain(r.private);
        expect(text).not.toContain('Privat avvikelse');
      }
      // Nobody reads the confidential text in the log, not even its owner: it is not there.
      if (label.startsWith('followUp.history')) expect(text).not.toContain(SECRET);
    });

    it.each(
      CALLERS.map(
        (caller) =>
          [
            caller,
            outcomes('SUPPLIER', {
              otherContact: 'NULL',
              coordinator: 'NULL',
              admin: 'NULL',
              reader: 'NULL',
              delegate: 'NULL',
              supplier: 'NULL',
            })[caller],
          ] as const,
      ),
    )("Skåne's PRIVATE follow-up by id as %s: %s", async (caller, expected) => {
      const res = await sut.gql(
        'query ($id: ID!) { followUp(id: $id) { id notes confidentialNotes } }',
        { id: r.private },
        tokenOf(caller),
      );

      if (expected === 'ok')
        expect(res.data.followUp).toEqual({ id: r.private, notes: PRIVATE_NOTE, confidentialNotes: PRIVATE_SECRET });
      // Answered like an id nobody has: null, without an error (single lookups are nullable).
      else if (expected === 'NULL') expect(res).toEqual({ status: 200, data: { followUp: null } });
      else {
        expect(res.errors?.[0]?.extensions?.code).toBe(expected);
        expect(JSON.stringify(res)).not.toContain(PRIVATE_SECRET);
      }
    });

    const ADMIN_READS: Array<[string, string]> = [
      ['auditLog', '{ auditLog(first: 100) { totalCount nodes { type payload } } }'],
      ['tokens', '{ tokens { totalCount nodes { id prefix } } }'],
      ['principals', '{ principals { totalCount nodes { id name } } }'],
      ['identityProviders', '{ identityProviders { id issuer clientId } }'],
      ['sessions', '{ sessions(includeEnded: true) { id role } }'],
    ];
    it.each(
      ADMIN_READS.flatMap(([label, query]) =>
        CALLERS.map((caller) => [label, caller, outcomes('ADMIN')[caller], query] as const),
      ),
    )('%s as %s: %s', async (_label, caller, expected, query) => {
      const res = await sut.gql(query, {}, callers.token(caller));

      if (expected === 'ok') {
        expect(res.errors ?? []).toEqual([]);
        expect(JSON.stringify(res)).not.toContain(SECRET);
      } else {
        expect(res.errors?.[0]?.extensions?.code).toBe(expected);
        expect(res.data ?? null).toBeNull();
      }
    });

    describe('focus areas (issue 18)', () => {
      let area: string;
      beforeAll(async () => {
        // Skåne's campaign of one sample, through to REPORTING: every read has something to answer.
        const fa = await skaneFocusArea(true);
        area = fa.area;
        const { followUpId } = await areas().assign(fa.sample!, ids.skane);
        await areas().move(area, 'SAMPLING', 'ANALYSING');
        expect((await f.transitionRaw('start', followUpId, TOKENS.skane)).errors).toBeUndefined();
        expect(
          (
            await f.updateRaw(
              followUpId,
              2,
              { performedOn: daysAgo(1), measurements: phthalates('PVC', {}, 10) },
              TOKENS.skane,
              'id',
            )
          ).errors,
        ).toBeUndefined();
        expect((await f.transitionRaw('complete', followUpId, TOKENS.skane)).errors).toBeUndefined();
        await areas().move(area, 'REPORTING');
      }, 60_000);

      const FOCUS_READS: Array<[string, Role, string]> = [
        ['focusAreas', 'SUPPLIER', '{ focusAreas(first: 5) { totalCount nodes { id } } }'],
        ['focusArea', 'SUPPLIER', 'query ($f: ID!) { focusArea(id: $f) { id status } }'],
        ['candidateProducts', 'READER', 'query ($f: ID!) { candidateProducts(focusAreaId: $f) { rank } }'],
        ['costShares', 'READER', 'query ($f: ID!) { costShares(focusAreaId: $f) { total } }'],
        ['focusAreaProgress', 'READER', 'query ($f: ID!) { focusAreaProgress(focusAreaId: $f) { unassigned } }'],
        [
          'focusAreaResults',
          'SUPPLIER',
          'query ($f: ID!) { focusAreaResults(focusAreaId: $f) { participants { results { product { id } verdict } } } }',
        ],
        ['focusAreaResultsXlsx', 'SUPPLIER', 'query ($f: ID!) { focusAreaResultsXlsx(focusAreaId: $f) }'],
      ];
      it.each(
        FOCUS_READS.flatMap(([label, least, query]) =>
          CALLERS.map((caller) => [label, caller, outcomes(least)[caller], query] as const),
        ),
      )('%s as %s: %s', async (label, caller, expected, query) => {
        const res = await sut.gql(query, { f: area }, callers.token(caller));

        if (expected === 'ok') {
          expect(res.errors ?? []).toEqual([]);
          // A supplier member (of another supplier than the sample's) sees no results at all.
          if (label === 'focusAreaResults')
            expect(res.data.focusAreaResults.participants.flatMap((p: any) => p.results)).toHaveLength(
              caller === 'supplier' ? 0 : 1,
            );
        } else {
          expect(res.errors?.[0]?.extensions?.code).toBe(expected);
          expect(res.data?.[label] ?? null).toBeNull();
        }
      });

      it.each(
        CALLERS.map(
          (caller) => [caller, caller === 'expired' || caller === 'revoked' ? 'UNAUTHENTICATED' : 'ok'] as const,
        ),
      )('publicFocusAreaReport as %s: %s (no token needed)', async (caller, expected) => {
        const res = await sut.gql(
          'query ($f: ID!) { publicFocusAreaReport(focusAreaId: $f) { status shownTotal } }',
          { f: area },
          callers.token(caller),
        );

        if (expected === 'ok') expect(res.data.publicFocusAreaReport.status).toBe('REPORTING');
        else expect(res.errors?.[0]?.extensions?.code).toBe(expected);
      });
    });

    it.each(CALLERS.map((caller) => [caller, outcomes('SUPPLIER')[caller]] as const))(
      'me as %s: %s',
      async (caller, expected) => {
        const res = await sut.gql('{ me { principal { id } role } }', {}, callers.token(caller));

        if (expected === 'ok')
          expect(res.data.me).toEqual({
            principal: { id: callers.principalId(caller) },
            role: CALLER_INFO[caller].role,
          });
        else expect(res.errors?.[0]?.extensions?.code).toBe(expected);
      },
    );

    it.each(
      CALLERS.map(
        (caller) => [caller, caller === 'expired' || caller === 'revoked' ? 'UNAUTHENTICATED' : 'ok'] as const,
      ),
    )(
      'publicStatistics as %s: %s (a token that is presented must be valid, even where none is needed)',
      async (caller, expected) => {
        const res = await sut.gql('{ publicStatistics { followUpCount } }', {}, callers.token(caller));

        if (expected === 'ok') expect(res.data.publicStatistics.followUpCount).toEqual(expect.any(Number));
        else expect(res.errors?.[0]?.extensions?.code).toBe(expected);
      },
    );
  });
});
