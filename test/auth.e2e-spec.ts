import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '../src/auth/principal.js';
import { Role } from '../src/auth/role.js';
import { TokenAdminService } from '../src/auth/token-admin.service.js';
import { DEMO_TOKENS } from '../src/seeding/demo-tokens.js';
import { databaseSnapshot } from './factories/auth.js';
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
import { uniqueSuffix } from './factories/identifiers.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { codeOf, startTestApp, TOKENS, type GraphQLResponse, type TestApp } from './helpers/test-app.js';

/**
 * Issue 4, beyond the matrix: `me`; the ADMIN's members, API clients and tokens; the audit log;
 * forged and broken tokens; and confidentiality through every path of the schema, as a member of
 * another region would try it (Stockholm reading Skåne's records).
 */
describe('auth', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  const rateLimit = process.env.RATE_LIMIT_ENABLED;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    process.env.RATE_LIMIT_ENABLED = 'false'; // rate limits are not under test here
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    ids.skane = await f.catalogue.organisationId('region-skane');
    ids.adda = await f.catalogue.organisationId('adda');
    ids.skanePrincipal = dataOf(await sut.gql('{ me { principal { id } } }', {}, TOKENS.skane)).me.principal.id;
    ids.pht = await f.requirementId('K-PHT-01');
  }, 60_000);
  afterAll(async () => {
    await sut?.close();
    if (rateLimit === undefined) delete process.env.RATE_LIMIT_ENABLED;
    else process.env.RATE_LIMIT_ENABLED = rateLimit;
  });

  const admin = () => sut.app.get(TokenAdminService);

  /** POSTs with a raw Authorization header, or none. */
  async function withHeader(
    query: string,
    authorization: string | null,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== null) headers.authorization = authorization;
    const res = await fetch(sut.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { ...((await res.json()) as GraphQLResponse), status: res.status };
  }

  const gqlData = async (query: string, variables: Record<string, unknown>, token: string | null) =>
    dataOf(await sut.gql(query, variables, token));

  // ---------------------------------------------------------------------------------------------
  describe('me', () => {
    const ME =
      '{ me { principal { id name email kind organisation { code } } organisation { code } role tokenId expiresAt } }';

    it.each(DEMO_TOKENS.map((t) => [t.token, t] as const))(
      '%s: its principal, organisation and role',
      async (token, demo) => {
        const me = await gqlData(ME, {}, token);
        // A supplier member belongs to its supplier's own organisation, coded supplier-<supplier id>.
        const code = 'organisationCode' in demo ? demo.organisationCode : expect.stringMatching(/^supplier-/);

        expect(me.me).toEqual({
          principal: {
            id: expect.any(String),
            name: demo.principal,
            email: demo.email,
            kind: 'MEMBER',
            organisation: { code },
          },
          organisation: { code },
          role: demo.role,
          tokenId: expect.any(String),
          expiresAt: null,
        });
      },
    );

    it('an API client with an expiring token: kind API_CLIENT, the role and expiry of the token used', async () => {
      const client = await gqlData(
        'mutation { m: createApiClient(input: { name: "Upphandlingssystemet" }) { id kind email } }',
        {},
        TOKENS.admin,
      );
      const expiresAt = `${daysFromNow(90)}T00:00:00.000Z`;
      const created = await gqlData(
        'mutation ($i: CreateTokenInput!) { m: createToken(input: $i) { token apiToken { id } } }',
        { i: { principalId: client.m.id, role: 'READER', name: 'Nattlig import', expiresAt } },
        TOKENS.admin,
      );

      const me = await gqlData(ME, {}, created.m.token);

      expect(client.m).toEqual({ id: expect.any(String), kind: 'API_CLIENT', email: null });
      expect(me.me).toEqual({
        principal: {
          id: client.m.id,
          name: 'Upphandlingssystemet',
          email: null,
          kind: 'API_CLIENT',
          organisation: { code: 'adda' },
        },
        organisation: { code: 'adda' },
        role: 'READER',
        tokenId: created.m.apiToken.id,
        expiresAt,
      });
    });

    it('without a token: UNAUTHENTICATED', async () => {
      const r = await sut.gql(ME, {}, null);

      expectError(r, 'UNAUTHENTICATED', 'needs a token');
      expect(r.data ?? null).toBeNull();
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('members and tokens (an ADMIN, for its own organisation)', () => {
    const TOKEN_FIELDS =
      'id prefix name role status expiresAt revokedAt createdAt principal { id name kind organisation { code } }';

    async function member(name = `Anna ${uniqueSuffix()}`): Promise<{ id: string; name: string }> {
      return (
        await gqlData(
          'mutation ($i: CreateMemberInput!) { m: createMember(input: $i) { id name } }',
          { i: { name, email: 'anna@example.org' } },
          TOKENS.admin,
        )
      ).m;
    }
    async function token(
      principalId: string,
      o: Record<string, unknown> = {},
    ): Promise<{ token: string; apiToken: any }> {
      const r = await sut.gql(
        `mutation ($i: CreateTokenInput!) { m: createToken(input: $i) { token apiToken { ${TOKEN_FIELDS} } } }`,
        { i: { principalId, role: 'CONTACT_PERSON', name: 'Laptop', ...o } },
        TOKENS.admin,
      );
      return dataOf(r).m;
    }

    it('createMember, then createToken: the secret is shown once, works at once, and only its hash is stored', async () => {
      const created = await gqlData(
        'mutation ($i: CreateMemberInput!) { m: createMember(input: $i) { id kind name email createdAt organisation { code } } }',
        { i: { name: '  Anna Andersson ', email: 'anna.andersson@example.org' } },
        TOKENS.admin,
      );
      expect(created.m).toEqual({
        id: expect.any(String),
        kind: 'MEMBER',
        name: 'Anna Andersson',
        email: 'anna.andersson@example.org',
        createdAt: expect.any(String),
        organisation: { code: 'adda' },
      });

      const expiresAt = '2030-06-30T12:00:00+02:00';
      const issued = await token(created.m.id, { expiresAt, name: 'Annas laptop' });

      expect(issued.token).toMatch(/^kk_[A-Za-z0-9_-]{43}$/); // 256 random bits
      expect(issued.apiToken).toEqual({
        id: expect.any(String),
        prefix: issued.token.slice(0, 10),
        name: 'Annas laptop',
        role: 'CONTACT_PERSON',
        status: 'ACTIVE',
        expiresAt: '2030-06-30T10:00:00.000Z',
        revokedAt: null,
        createdAt: expect.any(String),
        principal: { id: created.m.id, name: 'Anna Andersson', kind: 'MEMBER', organisation: { code: 'adda' } },
      });
      expect((await gqlData('{ me { principal { id } role tokenId } }', {}, issued.token)).me).toEqual({
        principal: { id: created.m.id },
        role: 'CONTACT_PERSON',
        tokenId: issued.apiToken.id,
      });

      const hash = createHash('sha256').update(issued.token).digest('hex');
      const [row] = await sut.dataSource.query(`SELECT * FROM api_tokens WHERE id = '${issued.apiToken.id}'`);
      expect(row.token_hash).toBe(hash);
      expect(JSON.stringify(row)).not.toContain(issued.token);
      const events = await sut.dataSource.query('SELECT type, payload FROM events');
      expect(JSON.stringify(events)).not.toContain(issued.token.slice(10));
      expect(JSON.stringify(events)).not.toContain(hash);
      // The list never shows the secret or the hash; the schema has no field for either.
      const listed = await sut.gql(
        `query ($p: ID) { tokens(filter: { principalId: $p }) { totalCount nodes { ${TOKEN_FIELDS} } } }`,
        { p: created.m.id },
        TOKENS.admin,
      );
      expect(dataOf(listed).tokens).toEqual({ totalCount: 1, nodes: [issued.apiToken] });
      expect(JSON.stringify(listed)).not.toContain(issued.token);
      expect(JSON.stringify(listed)).not.toContain(hash);
      expect(codeOf(await sut.gql('{ tokens { nodes { tokenHash } } }', {}, TOKENS.admin))).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
    });

    it('revokeToken: refused at once; listed only with includeRevoked; a second revocation is a CONFLICT', async () => {
      const person = await member();
      const issued = await token(person.id);
      expect((await gqlData('{ me { tokenId } }', {}, issued.token)).me.tokenId).toBe(issued.apiToken.id);

      const revoked = await gqlData(
        `mutation ($id: ID!) { m: revokeToken(id: $id) { ${TOKEN_FIELDS} } }`,
        { id: issued.apiToken.id },
        TOKENS.admin,
      );

      expect(revoked.m).toEqual({ ...issued.apiToken, status: 'REVOKED', revokedAt: expect.any(String) });
      expectError(await sut.gql('{ me { tokenId } }', {}, issued.token), 'UNAUTHENTICATED', 'revoked');
      const list = (includeRevoked: boolean) =>
        gqlData(
          'query ($p: ID, $r: Boolean) { tokens(filter: { principalId: $p, includeRevoked: $r }) { totalCount nodes { id status } } }',
          { p: person.id, r: includeRevoked },
          TOKENS.admin,
        );
      expect((await list(false)).tokens).toEqual({ totalCount: 0, nodes: [] });
      expect((await list(true)).tokens).toEqual({
        totalCount: 1,
        nodes: [{ id: issued.apiToken.id, status: 'REVOKED' }],
      });

      const before = await databaseSnapshot(sut);
      expectError(
        await sut.gql('mutation ($id: ID!) { revokeToken(id: $id) { id } }', { id: issued.apiToken.id }, TOKENS.admin),
        'CONFLICT',
        'already revoked',
      );
      expect(await databaseSnapshot(sut)).toEqual(before);
    });

    it('principals lists members and API clients of the organisation, by kind, in pages', async () => {
      const a = await member(`Första ${uniqueSuffix()}`);
      const client = (
        await gqlData('mutation { m: createApiClient(input: { name: "Ett verktyg" }) { id } }', {}, TOKENS.admin)
      ).m;

      const all = await gqlData(
        '{ principals(first: 100) { totalCount nodes { id kind organisation { code } } } }',
        {},
        TOKENS.admin,
      );
      const clients = await gqlData(
        '{ principals(first: 100, filter: { kind: API_CLIENT }) { totalCount nodes { id kind } } }',
        {},
        TOKENS.admin,
      );

      expect(all.principals.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining([a.id, client.id]));
      expect(all.principals.nodes.every((n: any) => n.organisation.code === 'adda')).toBe(true);
      expect(clients.principals.nodes.every((n: any) => n.kind === 'API_CLIENT')).toBe(true);
      expect(clients.principals.nodes.map((n: any) => n.id)).toContain(client.id);
      // Keyset pages: one at a time, every principal once.
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = (
          await gqlData(
            'query ($a: String) { principals(first: 1, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }',
            { a: after },
            TOKENS.admin,
          )
        ).principals;
        seen.push(...page.nodes.map((n: any) => n.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(all.principals.nodes.map((n: any) => n.id));
    });

    it.each<[string, string, () => Promise<Record<string, unknown>>, string, string[]]>([
      [
        'an e-mail address without @',
        'mutation ($i: CreateMemberInput!) { createMember(input: $i) { id } }',
        async () => ({ i: { name: 'Anna', email: 'anna.example.org' } }),
        'email',
        ['is not an e-mail address'],
      ],
      [
        'a member without an e-mail address',
        'mutation ($i: CreateMemberInput!) { createMember(input: $i) { id } }',
        async () => ({ i: { name: 'Anna', email: '  ' } }),
        'email',
        ['needs an e-mail address'],
      ],
      [
        'a blank name',
        'mutation ($i: CreateMemberInput!) { createMember(input: $i) { id } }',
        async () => ({ i: { name: '   ', email: 'a@example.org' } }),
        'name',
        ['must not be blank'],
      ],
      [
        'a blank API client name',
        'mutation ($i: CreateApiClientInput!) { createApiClient(input: $i) { id } }',
        async () => ({ i: { name: '' } }),
        'name',
        [],
      ],
      [
        'an expiry in the past',
        'mutation ($i: CreateTokenInput!) { createToken(input: $i) { token } }',
        async () => ({
          i: { principalId: (await member()).id, role: 'READER', name: 'x', expiresAt: '2020-01-01T00:00:00Z' },
        }),
        'expiresAt',
        ['in the past'],
      ],
      [
        'an expiry that is not a date',
        'mutation ($i: CreateTokenInput!) { createToken(input: $i) { token } }',
        async () => ({ i: { principalId: (await member()).id, role: 'READER', name: 'x', expiresAt: 'tomorrow' } }),
        'expiresAt',
        ['date-time-string'],
      ],
      [
        'an expiry without a zone',
        'mutation ($i: CreateTokenInput!) { createToken(input: $i) { token } }',
        async () => ({
          i: { principalId: (await member()).id, role: 'READER', name: 'x', expiresAt: '2030-01-01T12:00' },
        }),
        'expiresAt',
        ['date-time-string'],
      ],
      [
        'a role that does not exist',
        'mutation ($i: CreateTokenInput!) { createToken(input: $i) { token } }',
        async () => ({ i: { principalId: (await member()).id, role: 'BOSS', name: 'x' } }),
        '',
        ['BOSS'],
      ],
      [
        'a principalId that is not an id',
        'mutation ($i: CreateTokenInput!) { createToken(input: $i) { token } }',
        async () => ({ i: { principalId: 'anna', role: 'READER', name: 'x' } }),
        'principalId',
        ['must be an id'],
      ],
    ])('%s is BAD_USER_INPUT and stores nothing', async (_label, query, variables, field, reason) => {
      const vars = await variables();
      const before = await databaseSnapshot(sut);

      const r = await sut.gql(query, vars, TOKENS.admin);

      expectError(r, 'BAD_USER_INPUT', ...reason);
      if (field) expect(r.errors?.[0]?.message).toContain(field);
      expect(await databaseSnapshot(sut)).toEqual(before);
    });

    it.each<[string, string, Record<string, unknown>]>([
      [
        'createMember in an organisation that does not exist',
        'mutation ($i: CreateMemberInput!) { createMember(input: $i) { id } }',
        { i: { organisationId: randomUUID(), name: 'Anna', email: 'a@example.org' } },
      ],
      [
        'createApiClient in an organisation that does not exist',
        'mutation ($i: CreateApiClientInput!) { createApiClient(input: $i) { id } }',
        { i: { organisationId: randomUUID(), name: 'Verktyg' } },
      ],
      [
        'createToken for a principal that does not exist',
        'mutation ($i: CreateTokenInput!) { createToken(input: $i) { token } }',
        { i: { principalId: randomUUID(), role: 'READER', name: 'x' } },
      ],
      [
        'revokeToken of a token that does not exist',
        'mutation ($id: ID!) { revokeToken(id: $id) { id } }',
        { id: randomUUID() },
      ],
      [
        'tokens of an organisation that does not exist',
        'query ($o: ID) { tokens(filter: { organisationId: $o }) { totalCount } }',
        { o: randomUUID() },
      ],
      [
        'tokens of a principal that does not exist',
        'query ($p: ID) { tokens(filter: { principalId: $p }) { totalCount } }',
        { p: randomUUID() },
      ],
      [
        'principals of an organisation that does not exist',
        'query ($o: ID) { principals(filter: { organisationId: $o }) { totalCount } }',
        { o: randomUUID() },
      ],
    ])('%s: NOT_FOUND, and nothing changes', async (_label, query, variables) => {
      const before = await databaseSnapshot(sut);

      const r = await sut.gql(query, variables, TOKENS.admin);

      expectError(r, 'NOT_FOUND', 'was not found');
      expect(await databaseSnapshot(sut)).toEqual(before);
    });

    it.each<[string, string, () => Promise<Record<string, unknown>>]>([
      [
        'createMember in Skåne',
        'mutation ($i: CreateMemberInput!) { createMember(input: $i) { id } }',
        async () => ({ i: { organisationId: ids.skane, name: 'Kapad', email: 'k@example.org' } }),
      ],
      [
        'createApiClient in Skåne',
        'mutation ($i: CreateApiClientInput!) { createApiClient(input: $i) { id } }',
        async () => ({ i: { organisationId: ids.skane, name: 'Kapat verktyg' } }),
      ],
      [
        "createToken for Skåne's contact person (it would read Skåne's confidential notes)",
        'mutation ($i: CreateTokenInput!) { createToken(input: $i) { token } }',
        async () => ({ i: { principalId: ids.skanePrincipal, role: 'ADMIN', name: 'Kapad' } }),
      ],
      [
        "revokeToken of Skåne's token",
        'mutation ($id: ID!) { revokeToken(id: $id) { id } }',
        async () => ({
          id: (await admin().create({ organisationCode: 'region-skane', role: 'READER', name: 'Skånsk läsare' }))
            .summary.id,
        }),
      ],
      [
        'tokens of Skåne',
        'query ($o: ID) { tokens(filter: { organisationId: $o }) { totalCount } }',
        async () => ({ o: ids.skane }),
      ],
      [
        "tokens of Skåne's contact person",
        'query ($p: ID) { tokens(filter: { principalId: $p }) { totalCount } }',
        async () => ({ p: ids.skanePrincipal }),
      ],
      [
        'principals of Skåne',
        'query ($o: ID) { principals(filter: { organisationId: $o }) { totalCount } }',
        async () => ({ o: ids.skane }),
      ],
    ])("Adda's ADMIN: %s is FORBIDDEN, and nothing changes", async (_label, query, variables) => {
      const vars = await variables();
      const before = await databaseSnapshot(sut);

      const r = await sut.gql(query, vars, TOKENS.admin);

      expectError(r, 'FORBIDDEN', 'another organisation');
      expect(r.data ?? null).toBeNull();
      expect(await databaseSnapshot(sut)).toEqual(before);
    });

    it('no principal may issue a token above its own role (checked in the service, whoever calls it)', async () => {
      const principalId = (
        await admin().create({ organisationCode: 'region-skane', role: 'READER', name: 'Skånsk läsare' })
      ).summary.principalId;
      const coordinator: Principal = {
        principalId: ids.skanePrincipal,
        organisationId: ids.skane,
        role: Role.COORDINATOR,
        tokenId: randomUUID(),
        name: 'Samordnare',
      };
      const before = await databaseSnapshot(sut);

      await expect(
        admin().issueToken({ principalId, role: 'ADMIN', name: 'Uppgradering' }, coordinator),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('above your own role COORDINATOR'),
      });
      expect(await databaseSnapshot(sut)).toEqual(before);
      // Its own role or below is fine.
      await expect(
        admin().issueToken({ principalId, role: 'COORDINATOR', name: 'Samma nivå' }, coordinator),
      ).resolves.toMatchObject({ token: expect.stringMatching(/^kk_/) });
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('auditLog', () => {
    const ENTRY =
      'id type occurredAt actor { id name kind } actorName actorOrganisation { code } subjectType subjectId followUpId payload';
    const audit = (variables: Record<string, unknown>, token: string = TOKENS.admin) =>
      sut.gql(
        `query ($f: AuditLogFilter, $first: Int, $after: String, $o: AuditLogOrder) { auditLog(filter: $f, first: $first, after: $after, orderBy: $o) {
          totalCount nodes { ${ENTRY} } edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        variables,
        token,
      );
    const log = async (variables: Record<string, unknown>, token?: string) =>
      dataOf(await audit(variables, token)).auditLog;

    async function productWithFollowUp(o: Partial<RecordFollowUpInput> = {}) {
      const product = await f.product((await f.supplier()).id);
      const fu = await f.record(
        buildFollowUp({ productId: product.id, requirementIds: [ids.pht], measurements: phthalates('PVC', {}), ...o }),
        TOKENS.skane,
        'id',
      );
      return fu.id as string;
    }

    it('says who did what: the acting principal and organisation, the subject and a JSON payload', async () => {
      const id = await productWithFollowUp();

      const found = await log({ f: { subjectId: id } });

      expect(found.totalCount).toBe(1);
      expect(found.nodes[0]).toEqual({
        id: expect.stringMatching(/^\d+$/),
        type: 'RECORDED',
        occurredAt: expect.any(String),
        actor: { id: ids.skanePrincipal, name: 'Demo Kontaktperson Skåne', kind: 'MEMBER' },
        actorName: 'Demo Kontaktperson Skåne',
        actorOrganisation: { code: 'region-skane' },
        subjectType: 'FOLLOW_UP',
        subjectId: id,
        followUpId: id,
        payload: expect.any(String),
      });
      expect(JSON.parse(found.nodes[0].payload)).toMatchObject({
        status: 'COMPLETED',
        method: 'LAB_ANALYSIS',
        requirementIds: [ids.pht],
        measurements: 4,
      });
      // The same entry through the other filters.
      const byWho = await log({
        f: { organisationId: ids.skane, principalId: ids.skanePrincipal, type: 'RECORDED', subjectType: 'FOLLOW_UP' },
        first: 100,
      });
      expect(byWho.nodes.map((n: any) => n.subjectId)).toContain(id);
      expect(byWho.nodes.every((n: any) => n.type === 'RECORDED' && n.actorOrganisation.code === 'region-skane')).toBe(
        true,
      );
    });

    it('newest first by default, oldest first on request, in pages by seq', async () => {
      const person = (
        await gqlData(
          'mutation { m: createMember(input: { name: "Loggperson", email: "logg@example.org" }) { id } }',
          {},
          TOKENS.admin,
        )
      ).m;
      const issued = (
        await gqlData(
          'mutation ($i: CreateTokenInput!) { m: createToken(input: $i) { token } }',
          { i: { principalId: person.id, role: 'CONTACT_PERSON', name: 'logg' } },
          TOKENS.admin,
        )
      ).m.token;
      const suppliers: string[] = [];
      for (let i = 0; i < 3; i++)
        suppliers.push(
          (
            await gqlData(
              'mutation ($i: CreateSupplierInput!) { m: createSupplier(input: $i) { id } }',
              { i: build.supplier() },
              issued,
            )
          ).m.id,
        );

      const newest = await log({ f: { principalId: person.id } });
      const oldest = await log({ f: { principalId: person.id }, o: 'OLDEST_FIRST' });

      expect(newest.totalCount).toBe(3);
      expect(newest.nodes.map((n: any) => n.subjectId)).toEqual([...suppliers].reverse());
      expect(oldest.nodes.map((n: any) => n.subjectId)).toEqual(suppliers);
      expect(newest.nodes.map((n: any) => n.type)).toEqual([
        'SUPPLIER_CREATED',
        'SUPPLIER_CREATED',
        'SUPPLIER_CREATED',
      ]);
      expect(newest.edges.map((e: any) => e.cursor)).toEqual(newest.nodes.map((n: any) => n.id));
      const page1 = await log({ f: { principalId: person.id }, first: 2 });
      const page2 = await log({ f: { principalId: person.id }, first: 2, after: page1.pageInfo.endCursor });
      expect(page1.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, endCursor: newest.nodes[1].id });
      expect(page2.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, endCursor: newest.nodes[2].id });
      expect([...page1.nodes, ...page2.nodes]).toEqual(newest.nodes);
      // A time window: from the second write on.
      const second = oldest.nodes[1];
      const window = await log({ f: { principalId: person.id, from: second.occurredAt }, o: 'OLDEST_FIRST' });
      expect(window.nodes.map((n: any) => n.subjectId)).toEqual(expect.arrayContaining(suppliers.slice(1)));
      expect(window.nodes.every((n: any) => n.occurredAt >= second.occurredAt)).toBe(true);
      expect((await log({ f: { principalId: person.id, from: `${daysFromNow(1)}T00:00:00Z` } })).totalCount).toBe(0);
      expect((await log({ f: { principalId: person.id, to: `${daysAgo(1)}T23:59:59.999Z` } })).totalCount).toBe(0);
      expect(
        (
          await log({
            f: { principalId: person.id, from: `${daysAgo(1)}T00:00:00Z`, to: `${daysFromNow(1)}T23:59:59.999Z` },
          })
        ).totalCount,
      ).toBe(3);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['a cursor it did not issue', { after: 'abc' }, 'BAD_USER_INPUT', 'after'],
      ['a time that is not one', { f: { from: '2025-13-01T00:00:00Z' } }, 'BAD_USER_INPUT', 'f.from'],
      [
        'a window that ends before it starts',
        { f: { from: '2025-06-02T00:00:00Z', to: '2025-06-01T00:00:00Z' } },
        'BAD_USER_INPUT',
        'filter.to',
      ],
      ['a page size of 0', { first: 0 }, 'BAD_USER_INPUT', 'first'],
      ['a page size above 100', { first: 101 }, 'BAD_USER_INPUT', 'first'],
      ['an organisation that does not exist', { f: { organisationId: randomUUID() } }, 'NOT_FOUND', 'Organisation'],
      ['a principal that does not exist', { f: { principalId: randomUUID() } }, 'NOT_FOUND', 'Principal'],
    ])('refuses %s', async (_label, variables, code, part) => {
      expectError(await audit(variables), code, part);
    });

    it("leaves out the events of another organisation's PRIVATE follow-up; that organisation's ADMIN sees them", async () => {
      const id = await productWithFollowUp({ visibility: 'PRIVATE' });
      await f.openDeviation({ followUpId: id, severity: 'MINOR', description: 'Privat' }, TOKENS.skane);
      const skaneAdmin = (
        await admin().create({ organisationCode: 'region-skane', role: 'ADMIN', name: 'Admin Skåne' })
      ).token;

      const asAdda = await log({ f: { subjectId: id } });
      const deviationsAsAdda = await log({ f: { organisationId: ids.skane, subjectType: 'DEVIATION' }, first: 100 });
      const asSkane = await log({ f: { subjectType: 'FOLLOW_UP', subjectId: id } }, skaneAdmin);
      const allAsSkane = await log({ f: { organisationId: ids.skane }, first: 100 }, skaneAdmin);

      expect(asAdda).toMatchObject({ totalCount: 0, nodes: [] });
      expect(deviationsAsAdda.nodes.map((n: any) => n.followUpId)).not.toContain(id);
      expect(asSkane.nodes.map((n: any) => n.type)).toEqual(['RECORDED']);
      expect(
        allAsSkane.nodes
          .filter((n: any) => n.followUpId === id)
          .map((n: any) => n.type)
          .sort(),
      ).toEqual(['DEVIATION_OPENED', 'RECORDED']);
    });

    it('leaves out the member and token administration of other organisations', async () => {
      const skaneAdmin = (
        await admin().create({ organisationCode: 'region-skane', role: 'ADMIN', name: 'Admin Skåne 2' })
      ).token;
      await gqlData('mutation { m: createApiClient(input: { name: "Skånes verktyg" }) { id } }', {}, skaneAdmin);

      const asAdda = await log({ f: { organisationId: ids.skane, subjectType: 'PRINCIPAL' } });
      const tokensAsAdda = await log({ f: { organisationId: ids.skane, subjectType: 'API_TOKEN' } });
      const asSkane = await log({ f: { organisationId: ids.skane, subjectType: 'PRINCIPAL' } }, skaneAdmin);
      const ownAsAdda = await log({ f: { organisationId: ids.adda, subjectType: 'PRINCIPAL' }, first: 1 });

      expect(asAdda.totalCount).toBe(0);
      expect(tokensAsAdda.totalCount).toBe(0);
      expect(asSkane.totalCount).toBeGreaterThan(0);
      expect(asSkane.nodes[0]).toMatchObject({
        type: 'PRINCIPAL_CREATED',
        actorOrganisation: { code: 'region-skane' },
      });
      expect(ownAsAdda.nodes[0]).toMatchObject({ type: 'PRINCIPAL_CREATED', actorOrganisation: { code: 'adda' } });
    });

    it('never holds confidential text or a token secret: not in the events table, not in the answer', async () => {
      const marker = `HEMLIGT${randomBytes(6).toString('hex')}`;
      const id = await productWithFollowUp({ confidentialNotes: `Receptur ${marker}` });
      dataOf(
        await f.updateRaw(
          id,
          1,
          { confidentialNotes: `Receptur ${marker} v2`, notes: 'Offentlig' },
          TOKENS.skane,
          'id',
        ),
      );
      const person = (
        await gqlData(
          'mutation { m: createMember(input: { name: "Hemlis", email: "h@example.org" }) { id } }',
          {},
          TOKENS.admin,
        )
      ).m;
      const secret = (
        await gqlData(
          'mutation ($i: CreateTokenInput!) { m: createToken(input: $i) { token } }',
          { i: { principalId: person.id, role: 'READER', name: 'x' } },
          TOKENS.admin,
        )
      ).m.token;

      const rows = await sut.dataSource.query('SELECT payload FROM events');
      const entries = await log({ f: { subjectId: id }, o: 'OLDEST_FIRST' });

      expect(JSON.stringify(rows)).not.toContain(marker);
      expect(JSON.stringify(rows)).not.toContain(secret.slice(3));
      expect(entries.nodes.map((n: any) => n.type)).toEqual(['RECORDED', 'UPDATED']);
      expect(JSON.parse(entries.nodes[1].payload).changed).toEqual(
        expect.arrayContaining(['notes', 'confidentialNotes']),
      );
      expect(JSON.stringify(entries)).not.toContain(marker);
      expect(JSON.stringify(await log({ first: 100 }))).not.toContain(secret.slice(3));
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('token checks answered from memory (TOKEN_CACHE_MS), emptied by a revocation on every instance', () => {
    let other: TestApp;
    const poll = process.env.EVENTS_POLL_MS;

    beforeAll(async () => {
      // A second instance on the same SQLite file, without Redis: it hears of the log's growth by its poll.
      other = await startTestApp({ sharing: sut, env: { EVENTS_POLL_MS: '300' } });
      // Each instance's first token check also reads the log's head, once (TokenCache.ready).
      for (const app of [sut, other]) await app.gql('{ __typename }', {}, TOKENS.skane);
    }, 60_000);
    afterAll(async () => {
      await other?.close();
      if (poll === undefined) delete process.env.EVENTS_POLL_MS;
      else process.env.EVENTS_POLL_MS = poll;
    });

    /** No resolver runs: the token check is its one statement. */
    const typename = (app: TestApp, token: string) => app.gql('{ __typename }', {}, token);
    const me = (app: TestApp, token: string) => app.gql('{ me { tokenId } }', {}, token);

    it('checks a token in the database once, then from memory; a revoked one is refused at once where it was revoked and soon on the other instance', async () => {
      const { token, summary } = await admin().create({
        organisationCode: 'region-skane',
        role: 'READER',
        name: 'Cached on two instances',
      });
      await new Promise((resolve) => setTimeout(resolve, 700)); // the other instance's poll has seen the creation
      for (const app of [sut, other]) {
        expect(await app.countStatements(() => typename(app, token))).toBe(1);
        expect(await app.countStatements(() => typename(app, token))).toBe(0);
      }

      const revokedAt = Date.now();
      await admin().revoke(summary.id);
      expectError(await me(sut, token), 'UNAUTHENTICATED', 'revoked');

      // The other instance has no notification (no Redis): its poll (300 ms) reads the log, finds
      // TOKEN_REVOKED and empties its cache, well before the entry's own 10 s would run out.
      for (;;) {
        const r = await me(other, token);
        if (r.errors) {
          expectError(r, 'UNAUTHENTICATED', 'revoked');
          break;
        }
        if (Date.now() - revokedAt > 5_000) throw new Error('the other instance still accepts the revoked token');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(Date.now() - revokedAt).toBeLessThan(5_000);
    }, 30_000);

    it('keeps its cache through writes that concern no token, its creation included', async () => {
      const { token } = await admin().create({ organisationCode: 'region-skane', role: 'READER', name: 'Kept' });
      await new Promise((resolve) => setTimeout(resolve, 700)); // the other instance's poll has seen the creation
      expect(await other.countStatements(() => typename(other, token))).toBe(1);
      await f.supplier(); // an event, about a supplier
      await new Promise((resolve) => setTimeout(resolve, 700)); // the other instance's poll has seen it
      expect(await other.countStatements(() => typename(other, token))).toBe(0);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('forged and broken tokens', () => {
    const random = () => `kk_${randomBytes(32).toString('base64url')}`;
    const flip = (t: string) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A');

    const HEADERS: Array<[string, () => Promise<string | null>, string]> = [
      ['a random kk_ token', async () => `Bearer ${random()}`, 'the token is not valid'],
      ['another random kk_ token, lower-case scheme', async () => `bearer ${random()}`, 'the token is not valid'],
      [
        'a real token with its last character changed',
        async () =>
          `Bearer ${flip((await admin().create({ organisationCode: 'adda', role: 'ADMIN', name: 'Äkta' })).token)}`,
        'the token is not valid',
      ],
      ['a demo token with a character added', async () => `Bearer ${TOKENS.admin}x`, 'the token is not valid'],
      [
        'the SHA-256 hash of a real token (what the database stores)',
        async () => `Bearer ${createHash('sha256').update(TOKENS.admin).digest('hex')}`,
        'the token is not valid',
      ],
      ['the prefix of a real token', async () => `Bearer ${TOKENS.admin.slice(0, 10)}`, 'the token is not valid'],
      ['an empty bearer', async () => 'Bearer ', 'Authorization must be "Bearer <token>"'],
      ['the scheme alone', async () => 'Bearer', 'Authorization must be "Bearer <token>"'],
      ['two tokens', async () => `Bearer ${TOKENS.admin} ${TOKENS.skane}`, 'Authorization must be "Bearer <token>"'],
      ['the token without a scheme', async () => TOKENS.admin, 'Authorization must be "Bearer <token>"'],
      [
        'Basic credentials',
        async () => `Basic ${Buffer.from('admin:kk_demo_admin').toString('base64')}`,
        'Authorization must be "Bearer <token>"',
      ],
      ['another scheme', async () => `Token ${TOKENS.admin}`, 'Authorization must be "Bearer <token>"'],
      ['an empty header', async () => '', 'needs a token'],
    ];

    it.each(HEADERS)(
      '%s: UNAUTHENTICATED for a query and a mutation, and nothing changes',
      async (_label, header, reason) => {
        const authorization = await header();
        const before = await databaseSnapshot(sut);

        const query = await withHeader('{ me { principal { id } } suppliers { totalCount } }', authorization);
        const mutation = await withHeader(
          'mutation ($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }',
          authorization,
          { i: build.supplier() },
        );

        for (const r of [query, mutation]) {
          expectError(r, 'UNAUTHENTICATED', reason);
          expect(r.data ?? null).toBeNull();
          // The refusal never echoes what was sent.
          const token = authorization?.split(' ')[1];
          if (token && token.length > 12) expect(r.errors?.[0]?.message).not.toContain(token);
        }
        expect(await databaseSnapshot(sut)).toEqual(before);
      },
    );

    it('publicStatistics answers without a token, but a forged one is refused there too', async () => {
      expect(
        dataOf(await withHeader('{ publicStatistics { followUpCount } }', null)).publicStatistics.followUpCount,
      ).toEqual(expect.any(Number));
      expectError(
        await withHeader('{ publicStatistics { followUpCount } }', `Bearer ${random()}`),
        'UNAUTHENTICATED',
        'the token is not valid',
      );
    });

    it('an expired token is refused with its expiry; a token is not accepted before it is valid again', async () => {
      const expiresAt = new Date(Date.now() + 1200).toISOString();
      const { token } = await admin().create({ organisationCode: 'adda', role: 'ADMIN', name: 'Kort liv', expiresAt });
      expect(dataOf(await sut.gql('{ me { expiresAt } }', {}, token)).me.expiresAt).toBe(expiresAt);
      await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 50));

      expectError(await sut.gql('{ me { expiresAt } }', {}, token), 'UNAUTHENTICATED', `expired at ${expiresAt}`);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('confidentiality through every path (Stockholm reads Skåne)', () => {
    const SECRET = `Leverantörens receptur ${uniqueSuffix()}`;
    const PRIVATE_SECRET = `Utkastets receptur ${uniqueSuffix()}`;
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
      r.shared = (
        await f.record(
          buildFollowUp({
            productId: r.product,
            requirementIds: [ids.pht],
            measurements: phthalates('PVC', {}, 10),
            confidentialNotes: SECRET,
            performedOn: daysAgo(40),
          }),
          TOKENS.skane,
          'id',
        )
      ).id;
      r.private = (
        await f.record(
          buildFollowUp({
            productId: r.product,
            requirementIds: [ids.pht],
            measurements: phthalates('PVC', { [CAS.DEHP]: 800 }),
            visibility: 'PRIVATE',
            notes: 'Utkast',
            confidentialNotes: PRIVATE_SECRET,
            performedOn: daysAgo(20),
          }),
          TOKENS.skane,
          'id',
        )
      ).id;
      r.sharedDeviation = (
        await f.openDeviation(
          { followUpId: r.shared, severity: 'MAJOR', description: 'Delad', dueDate: daysFromNow(30) },
          TOKENS.skane,
        )
      ).id;
      r.privateDeviation = (
        await f.openDeviation(
          { followUpId: r.private, severity: 'CRITICAL', description: 'Privat', dueDate: daysAgo(2) },
          TOKENS.skane,
        )
      ).id;
      r.reuse = dataOf(await f.recordReuseRaw(r.shared, r.stockholmContract, TOKENS.stockholm)).recordReuse.id;
    }, 60_000);

    const PATHS = `query ($id: ID!, $p: ID!, $s: ID!, $sc: ID!, $stc: ID!) {
      followUp(id: $id) {
        confidentialNotes
        measurements { followUp { id confidentialNotes } }
        deviations { id followUp { id confidentialNotes } }
        reuses { followUp { id confidentialNotes } }
        history { type details }
      }
      followUps(first: 100, filter: { productId: $p }) { totalCount nodes { id confidentialNotes } }
      supplierStatus(supplierId: $s) { light openDeviations { id followUp { id confidentialNotes } } overdueDeviations { id } }
      evaluateProduct(productId: $p, contractId: $sc) { requirements { followUps { id confidentialNotes } parts { substances { followUp { id confidentialNotes } } } } }
      reusableFollowUps(productId: $p, contractId: $stc, includeRejected: true) { followUp { id confidentialNotes } }
    }`;
    const read = async (token: string) =>
      dataOf(
        await sut.gql(
          PATHS,
          { id: r.shared, p: r.product, s: r.supplier, sc: r.skaneContract, stc: r.stockholmContract },
          token,
        ),
      );
    /** Every `{ id, confidentialNotes }` pair anywhere in an answer. */
    const followUpsIn = (value: unknown, out: Array<{ id: string; confidentialNotes: string | null }> = []) => {
      if (Array.isArray(value)) value.forEach((v) => followUpsIn(v, out));
      else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        if ('confidentialNotes' in o && 'id' in o)
          out.push({ id: o.id as string, confidentialNotes: o.confidentialNotes as string | null });
        Object.values(o).forEach((v) => followUpsIn(v, out));
      }
      return out;
    };

    it.each([
      ['Stockholm (a contact person of another region)', TOKENS.stockholm],
      ['Uppsala (a reader)', TOKENS.reader],
      ['Västra Götaland (a coordinator)', TOKENS.coordinator],
      ['Adda (an ADMIN of another organisation)', TOKENS.admin],
    ])(
      '%s reaches the SHARED follow-up on every path with confidentialNotes null, and the PRIVATE one on none',
      async (_label, token) => {
        const d = await read(token);

        const reached = followUpsIn(d);
        expect(reached.length).toBeGreaterThanOrEqual(8);
        expect(new Set(reached.map((x) => x.id))).toEqual(new Set([r.shared]));
        expect(reached.every((x) => x.confidentialNotes === null)).toBe(true);
        expect(d.followUp.confidentialNotes).toBeNull();
        expect(d.followUps.totalCount).toBe(1);
        expect(d.followUp.deviations.map((x: any) => x.id)).toEqual([r.sharedDeviation]);
        expect(d.supplierStatus).toEqual({
          light: 'YELLOW',
          openDeviations: [{ id: r.sharedDeviation, followUp: { id: r.shared, confidentialNotes: null } }],
          overdueDeviations: [],
        });
        const text = JSON.stringify(d);
        for (const hidden of [SECRET, PRIVATE_SECRET, r.private, r.privateDeviation])
          expect(text).not.toContain(hidden);
      },
    );

    it('Skåne, its owner, reads its notes on the same paths, and its PRIVATE follow-up', async () => {
      const d = await read(TOKENS.skane);

      const reached = followUpsIn(d);
      expect(new Set(reached.map((x) => x.id))).toEqual(new Set([r.shared, r.private]));
      expect(reached.every((x) => x.confidentialNotes === (x.id === r.shared ? SECRET : PRIVATE_SECRET))).toBe(true);
      expect(d.followUps.totalCount).toBe(2);
      expect(d.supplierStatus.light).toBe('RED');
      expect(d.supplierStatus.overdueDeviations).toEqual([{ id: r.privateDeviation }]);
    });

    it('the history and the event log never carry the confidential text, even for its owner', async () => {
      dataOf(await f.updateRaw(r.shared, 1, { confidentialNotes: `${SECRET} (rev. 2)` }, TOKENS.skane, 'id'));

      const history = (await read(TOKENS.skane)).followUp.history;

      expect(history.map((e: any) => e.type)).toContain('UPDATED');
      expect(JSON.stringify(history)).not.toContain(SECRET);
      expect(JSON.stringify(await sut.dataSource.query('SELECT payload FROM events'))).not.toContain(SECRET);
    });

    /** Operations that name a follow-up (or its deviation): the same answer for a PRIVATE one of another organisation as for an id nobody has. */
    const BY_ID: Array<[string, string, (id: string) => Record<string, unknown>, 'followUp' | 'deviation']> = [
      ['followUp', 'query ($id: ID!) { followUp(id: $id) { id } }', (id) => ({ id }), 'followUp'],
      [
        'updateFollowUp',
        'mutation ($id: ID!) { updateFollowUp(id: $id, expectedVersion: 1, input: { notes: "x" }) { id } }',
        (id) => ({ id }),
        'followUp',
      ],
      ['startFollowUp', 'mutation ($id: ID!) { startFollowUp(id: $id) { id } }', (id) => ({ id }), 'followUp'],
      ['completeFollowUp', 'mutation ($id: ID!) { completeFollowUp(id: $id) { id } }', (id) => ({ id }), 'followUp'],
      ['closeFollowUp', 'mutation ($id: ID!) { closeFollowUp(id: $id) { id } }', (id) => ({ id }), 'followUp'],
      [
        'retractFollowUp',
        'mutation ($id: ID!) { retractFollowUp(id: $id, reason: "x") { id } }',
        (id) => ({ id }),
        'followUp',
      ],
      [
        'openDeviation',
        'mutation ($id: ID!) { openDeviation(input: { followUpId: $id, severity: MINOR, description: "x" }) { id } }',
        (id) => ({ id }),
        'followUp',
      ],
      [
        'recordReuse',
        'mutation ($id: ID!, $c: ID!) { recordReuse(followUpId: $id, contractId: $c) { id } }',
        (id) => ({ id, c: r.stockholmContract }),
        'followUp',
      ],
      [
        'updateDeviation',
        'mutation ($id: ID!) { updateDeviation(id: $id, input: { description: "x" }) { id } }',
        (id) => ({ id }),
        'deviation',
      ],
      ['resolveDeviation', 'mutation ($id: ID!) { resolveDeviation(id: $id) { id } }', (id) => ({ id }), 'deviation'],
    ];

    it.each(BY_ID)(
      "%s: Skåne's PRIVATE record answers exactly like an id nobody has, and nothing changes",
      async (_label, query, variables, kind) => {
        const hiddenId = kind === 'followUp' ? r.private : r.privateDeviation;
        const unknownId = randomUUID();
        const before = await databaseSnapshot(sut);

        const hidden = await sut.gql(query, variables(hiddenId), TOKENS.stockholm);
        const unknown = await sut.gql(query, variables(unknownId), TOKENS.stockholm);

        // followUp(id) answers null without an error for both; the others refuse both alike.
        if (kind === 'followUp' && !query.startsWith('mutation')) expect(hidden).toEqual(unknown);
        else expect(hidden.errors?.[0]?.extensions?.code).toMatch(/^(NOT_FOUND|BAD_USER_INPUT)$/);
        // The whole error (message, extensions.problems' reasons) alike, but for the id itself.
        expect(JSON.stringify(hidden.errors?.[0] ?? null).replaceAll(hiddenId, '<id>')).toBe(
          JSON.stringify(unknown.errors?.[0] ?? null).replaceAll(unknownId, '<id>'),
        );
        expect(JSON.stringify(hidden)).not.toContain(PRIVATE_SECRET);
        expect(await databaseSnapshot(sut)).toEqual(before);
      },
    );

    it('Skåne cannot make PRIVATE a follow-up Stockholm relies on (issue 12): Stockholm keeps every path to it, its reuse and deviation included', async () => {
      const product = (await f.product(r.supplier)).id;
      const fu = await f.record(
        buildFollowUp({
          productId: product,
          requirementIds: [ids.pht],
          measurements: phthalates('PVC', {}, 10),
          confidentialNotes: SECRET,
        }),
        TOKENS.skane,
        'id version',
      );
      dataOf(await f.recordReuseRaw(fu.id, r.stockholmContract, TOKENS.stockholm));
      const ownDeviation = (
        await f.openDeviation(
          { followUpId: fu.id, contractId: r.stockholmContract, severity: 'MINOR', description: 'Stockholms egen' },
          TOKENS.stockholm,
        )
      ).id;

      expectError(await f.updateRaw(fu.id, fu.version, { visibility: 'PRIVATE' }, TOKENS.skane, 'id'), 'CONFLICT');

      const after = await gqlData(
        `query ($p: ID!, $s: ID!, $id: ID!) {
          followUp(id: $id) { id visibility confidentialNotes reuses { id } }
          followUps(filter: { productId: $p }) { totalCount }
          supplierStatus(supplierId: $s) { openDeviations { id } }
        }`,
        { p: product, s: r.supplier, id: fu.id },
        TOKENS.stockholm,
      );
      expect(after.followUp).toMatchObject({ id: fu.id, visibility: 'SHARED', confidentialNotes: null });
      expect(after.followUp.reuses).toHaveLength(1);
      expect(after.followUps.totalCount).toBe(1);
      expect(after.supplierStatus.openDeviations.map((d: any) => d.id)).toContain(ownDeviation);
      expect(JSON.stringify(after)).not.toContain(SECRET);
    });

    it('when Skåne makes PRIVATE a SHARED follow-up nobody relies on, Stockholm loses every path to it', async () => {
      const product = (await f.product(r.supplier)).id;
      const fu = await f.record(
        buildFollowUp({ productId: product, requirementIds: [ids.pht], measurements: phthalates('PVC', {}, 10) }),
        TOKENS.skane,
        'id version',
      );

      dataOf(await f.updateRaw(fu.id, fu.version, { visibility: 'PRIVATE' }, TOKENS.skane, 'id'));

      expect(await sut.gql('query ($id: ID!) { followUp(id: $id) { id } }', { id: fu.id }, TOKENS.stockholm)).toEqual({
        status: 200,
        data: { followUp: null },
      });
      const after = await gqlData(
        `query ($p: ID!, $c: ID!) {
          followUps(filter: { productId: $p }) { totalCount }
          evaluateProduct(productId: $p, contractId: $c) { verdict requirements { followUps { id } } }
          reusableFollowUps(productId: $p, contractId: $c, includeRejected: true) { followUp { id } }
        }`,
        { p: product, c: r.stockholmContract },
        TOKENS.stockholm,
      );
      expect(after.followUps.totalCount).toBe(0);
      expect(after.evaluateProduct).toEqual({ verdict: 'NO_DATA', requirements: [{ followUps: [] }] });
      expect(after.reusableFollowUps).toEqual([]);
      expect(JSON.stringify(after)).not.toContain(fu.id);
    });
  });
});
