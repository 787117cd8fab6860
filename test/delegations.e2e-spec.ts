import { TokenAdminService } from '../src/auth/token-admin.service.js';
import { build } from './factories/catalogue.js';
import {
  buildFollowUp,
  CAS,
  daysAgo,
  daysFromNow,
  FollowUpFactory,
  phthalates,
  type RecordFollowUpInput,
  type Token,
} from './factories/follow-ups.js';
import { uniqueSuffix } from './factories/identifiers.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * Issue 12, item 1: an organisation's ADMIN acts for its own organisation only; another organisation
 * (Adda, a central purchasing body) acts for a region under a delegation the region's ADMIN grants:
 * scoped, expiring, revocable, and what it records says "recorded by Adda on behalf of the region".
 */
describe('delegations', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let skaneAdmin: string;
  let stockholmAdmin: string;
  /** A contact person of Adda: the delegate's everyday hand. */
  let addaContact: string;
  const ids: Record<string, string> = {};

  const FOLLOW_UP = 'id organisation { code } recordedBy { code } visibility notes version status';
  const GRANT =
    'mutation ($to: ID!, $s: [DelegationScope!]!, $e: Date!) { m: grantDelegation(toOrganisationId: $to, scopes: $s, expiresOn: $e) { id scopes expiresOn active revokedAt organisation { code } delegate { code } } }';
  const REVOKE = 'mutation ($id: ID!) { m: revokeDelegation(id: $id) { id active revokedAt } }';

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    const admin = sut.app.get(TokenAdminService);
    const token = async (organisationCode: string, role: 'ADMIN' | 'CONTACT_PERSON') =>
      (await admin.create({ organisationCode, role, name: `Delegering ${organisationCode} ${role} ${uniqueSuffix()}` }))
        .token;
    skaneAdmin = await token('region-skane', 'ADMIN');
    stockholmAdmin = await token('region-stockholm', 'ADMIN');
    addaContact = await token('adda', 'CONTACT_PERSON');
    const orgs = dataOf(await sut.gql('{ organisations(first: 100) { nodes { id code } } }', {}, TOKENS.reader))
      .organisations.nodes as Array<{ id: string; code: string }>;
    for (const o of orgs) ids[o.code] = o.id;
    ids.supplier = (await f.supplier()).id;
    ids.product = (await f.product(ids.supplier)).id;
    ids.pht = await f.requirementId('K-PHT-01');
  });
  afterAll(() => sut.close());

  const input = (o: Partial<RecordFollowUpInput> & { organisationId?: string } = {}) =>
    buildFollowUp({ productId: ids.product, requirementIds: [ids.pht], measurements: phthalates('PVC', {}), ...o });
  const record = (o: Parameters<typeof input>[0], token: string) =>
    f.recordRaw(input(o) as RecordFollowUpInput, token as Token, FOLLOW_UP);
  const grant = (token: string, to: string, scopes: string[], expiresOn = daysFromNow(30)) =>
    sut.gql(GRANT, { to, s: scopes, e: expiresOn }, token);
  const importCsv = (organisation: string, token: string, extra: { visibility?: string; confidential?: string } = {}) =>
    sut.gql(
      'mutation ($csv: String!) { m: importFollowUps(csv: $csv) { imported followUps errors { row column reason } } }',
      {
        // A report reference of its own: the same follow-up imported again would be UNCHANGED, and accepted.
        csv: ((key) =>
          'follow_up_key,organisation,product_id,method,status,performed_on,visibility,confidential_notes,report_reference,substance_cas,part,detected,value,unit\n' +
          `${key},${organisation},${ids.product},LAB_ANALYSIS,COMPLETED,${daysAgo(10)},${extra.visibility ?? 'SHARED'},${extra.confidential ?? ''},R-${key},${CAS.DEHP},PVC,true,20,MG_PER_KG\n`)(
          `d-${uniqueSuffix()}`,
        ),
      },
      token,
    );
  const skaneContract = async () => (await f.contract(TOKENS.skane, ids.supplier, [{ code: 'K-PHT-01' }])).id;

  describe('without a delegation, an ADMIN of another organisation is refused on every write for Skåne', () => {
    it.each<[string, () => Promise<any>]>([
      ['recordFollowUp for Skåne', () => record({ organisationId: ids['region-skane'] }, TOKENS.admin)],
      [
        "updateFollowUp of Skåne's SHARED follow-up (DEHP 20 → 5000)",
        async () => {
          const own = await f.record(input(), TOKENS.skane, 'id version');
          return f.updateRaw(
            own.id,
            own.version,
            { measurements: phthalates('PVC', { [CAS.DEHP]: 5000 }) },
            TOKENS.admin,
          );
        },
      ],
      [
        'retractFollowUp',
        async () => f.retractRaw((await f.record(input(), TOKENS.skane, 'id')).id, 'x', TOKENS.admin),
      ],
      [
        'its confidential notes',
        async () => {
          const own = await f.record(input(), TOKENS.skane, 'id version');
          return f.updateRaw(own.id, own.version, { confidentialNotes: 'Skrivet av Adda' }, TOKENS.admin);
        },
      ],
      [
        'createContract for Skåne',
        () =>
          sut.gql(
            'mutation ($i: CreateContractInput!) { m: createContract(input: $i) { id } }',
            { i: build.contract(ids.supplier, { organisationId: ids['region-skane'] }) },
            TOKENS.admin,
          ),
      ],
      [
        "setContractRequirement on Skåne's contract",
        async () =>
          sut.gql(
            'mutation ($c: ID!, $r: ID!) { m: setContractRequirement(contractId: $c, requirementId: $r, limit: { value: 5000, unit: MG_PER_KG }) { id } }',
            { c: await skaneContract(), r: ids.pht },
            TOKENS.admin,
          ),
      ],
    ])('%s: FORBIDDEN', async (_name, call) => {
      const r = await call();
      expectError(r, 'FORBIDDEN', 'another organisation');
    });

    it('importFollowUps with rows filed under Skåne: every row refused, nothing stored', async () => {
      const r = dataOf(await importCsv('region-skane', TOKENS.admin)).m;
      expect(r).toMatchObject({ imported: false, followUps: 0 });
      expect(r.errors[0]).toMatchObject({
        column: 'organisation',
        reason: expect.stringContaining('delegated IMPORTS'),
      });
    });

    it('createOrganisation: not a power of the ADMIN role', async () => {
      const r = await sut.gql(
        'mutation ($i: CreateOrganisationInput!) { m: createOrganisation(input: $i) { id } }',
        { i: { code: `org-${uniqueSuffix()}`, name: 'Ny kommun', kind: 'MUNICIPALITY' } },
        TOKENS.admin,
      );
      expectError(r, 'FORBIDDEN', 'operator');
    });
  });

  describe('granting', () => {
    it('only an ADMIN grants, for its own organisation, to another existing organisation, from today on', async () => {
      expectError(await grant(TOKENS.skane, ids.adda!, ['FOLLOW_UPS']), 'FORBIDDEN');
      expectError(await grant(skaneAdmin, ids['region-skane']!, ['FOLLOW_UPS']), 'BAD_USER_INPUT', 'toOrganisationId');
      expectError(await grant(skaneAdmin, ids.adda!, ['FOLLOW_UPS'], daysAgo(1)), 'BAD_USER_INPUT', 'expiresOn');
      expectError(await grant(skaneAdmin, ids.adda!, []), 'BAD_USER_INPUT', 'scopes');
      expectError(await grant(skaneAdmin, ids.adda!, ['EVERYTHING']), 'BAD_USER_INPUT');
      const supplierOrganisation = dataOf(
        await sut.gql('{ organisations(first: 1, filter: { kind: SUPPLIER }) { nodes { id } } }', {}, TOKENS.reader),
      ).organisations.nodes[0];
      expect(supplierOrganisation).toBeTruthy();
      expectError(await grant(skaneAdmin, supplierOrganisation.id, ['FOLLOW_UPS']), 'BAD_USER_INPUT', 'supplier');
    });
  });

  describe('under a delegation from Skåne to Adda', () => {
    let delegationId: string;
    beforeAll(async () => {
      const d = dataOf(await grant(skaneAdmin, ids.adda!, ['IMPORTS', 'FOLLOW_UPS', 'CONTRACTS'])).m;
      expect(d).toMatchObject({
        scopes: ['CONTRACTS', 'FOLLOW_UPS', 'IMPORTS'],
        active: true,
        revokedAt: null,
        organisation: { code: 'region-skane' },
        delegate: { code: 'adda' },
      });
      delegationId = d.id;
    });

    it('both organisations see it in delegations; a third does not', async () => {
      const list = async (token: string) =>
        dataOf(await sut.gql('{ delegations { totalCount nodes { id } } }', {}, token)).delegations.nodes.map(
          (n: any) => n.id,
        );
      expect(await list(skaneAdmin)).toContain(delegationId);
      expect(await list(TOKENS.admin)).toContain(delegationId);
      expect(await list(stockholmAdmin)).not.toContain(delegationId);
    });

    it('a delegate records a follow-up on Skåne\'s behalf: the field, the event and the export say "by Adda on behalf of Skåne"', async () => {
      const saved = dataOf(await record({ organisationId: ids['region-skane'] }, addaContact)).recordFollowUp;
      expect(saved).toMatchObject({ organisation: { code: 'region-skane' }, recordedBy: { code: 'adda' } });
      const trail = await f.trail(saved.id, TOKENS.skane);
      expect(trail.history[0]).toMatchObject({ type: 'RECORDED', actorOrganisation: { code: 'adda' } });
      expect(JSON.parse(trail.history[0].details)).toMatchObject({
        onBehalfOfOrganisationId: ids['region-skane'],
        delegationId,
      });
      const csv = dataOf(
        await sut.gql('query ($p: ID!) { followUpsCsv(filter: { productId: $p }) }', { p: ids.product }, TOKENS.skane),
      ).followUpsCsv as string;
      const [header, ...rows] = csv.trim().split('\n');
      const at = header!.split(',').indexOf('recorded_by');
      const row = rows.find((r) => r.startsWith(saved.id))!;
      expect(row.split(',')[at]).toBe('adda');
      // Skåne's own follow-ups say nothing of a delegate.
      const own = await f.record(input(), TOKENS.skane, FOLLOW_UP);
      expect(own.recordedBy).toBeNull();
    });

    it('a delegate records SHARED only, and never writes confidential notes', async () => {
      expectError(
        await record({ organisationId: ids['region-skane'], visibility: 'PRIVATE' }, addaContact),
        'BAD_USER_INPUT',
        'visibility',
      );
      expectError(
        await record({ organisationId: ids['region-skane'], confidentialNotes: 'Hemligt' }, addaContact),
        'BAD_USER_INPUT',
        'confidentialNotes',
      );
    });

    it('a delegate changes what it recorded, but never visibility, confidential notes or retraction', async () => {
      const saved = dataOf(
        await record(
          { organisationId: ids['region-skane'], status: 'IN_PROGRESS', measurements: [], performedOn: daysAgo(3) },
          addaContact,
        ),
      ).recordFollowUp;
      const changed = dataOf(
        await f.updateRaw(saved.id, saved.version, { notes: 'Kompletterat av Adda' }, addaContact as Token, FOLLOW_UP),
      ).updateFollowUp;
      expect(changed.notes).toBe('Kompletterat av Adda');
      expect(dataOf(await f.transitionRaw('complete', saved.id, addaContact as Token)).result.status).toBe('COMPLETED');
      expectError(
        await f.updateRaw(saved.id, changed.version + 1, { visibility: 'PRIVATE' }, addaContact as Token),
        'FORBIDDEN',
        'visibility',
      );
      expectError(
        await f.updateRaw(saved.id, changed.version + 1, { confidentialNotes: 'x' }, addaContact as Token),
        'FORBIDDEN',
        'confidentialNotes',
      );
      expectError(await f.retractRaw(saved.id, 'Fel', addaContact as Token), 'FORBIDDEN', 'retract');
      // The organisation itself still does all of these.
      expect((await f.retract(saved.id, TOKENS.skane)).status).toBe('RETRACTED');
    });

    it('a delegate never changes the measurements Skåne recorded itself', async () => {
      const own = await f.record(
        input({ measurements: phthalates('PVC', { [CAS.DEHP]: 20 }) }),
        TOKENS.skane,
        'id version',
      );
      expectError(
        await f.updateRaw(
          own.id,
          own.version,
          { measurements: phthalates('PVC', { [CAS.DEHP]: 5000 }) },
          addaContact as Token,
        ),
        'FORBIDDEN',
        'delegate changes only what it recorded',
      );
      expectError(await f.transitionRaw('close', own.id, addaContact as Token), 'FORBIDDEN');
    });

    it("under CONTRACTS a delegate creates Skåne's contracts and keeps the limits of those it created, never of Skåne's own", async () => {
      const created = dataOf(
        await sut.gql(
          'mutation ($i: CreateContractInput!) { m: createContract(input: $i) { id organisation { code } recordedBy { code } } }',
          { i: build.contract(ids.supplier, { organisationId: ids['region-skane'] }) },
          addaContact,
        ),
      ).m;
      expect(created).toMatchObject({ organisation: { code: 'region-skane' }, recordedBy: { code: 'adda' } });
      const setLimit = (c: string) =>
        sut.gql(
          'mutation ($c: ID!, $r: ID!) { m: setContractRequirement(contractId: $c, requirementId: $r, limit: { value: 50, unit: MG_PER_KG }) { id } }',
          { c, r: ids.pht },
          addaContact,
        );
      expect((await setLimit(created.id)).errors).toBeUndefined();
      expectError(await setLimit(await skaneContract()), 'FORBIDDEN', 'delegate changes only what it recorded');
    });

    it('under IMPORTS a delegate imports rows filed under Skåne, SHARED and without confidential notes', async () => {
      const ok = dataOf(await importCsv('region-skane', addaContact)).m;
      expect(ok).toMatchObject({ imported: true, followUps: 1, errors: [] });
      const refused = dataOf(
        await importCsv('region-skane', addaContact, { visibility: 'PRIVATE', confidential: 'x' }),
      ).m;
      expect(refused.imported).toBe(false);
      expect(refused.errors.map((e: any) => e.column).sort()).toEqual(['confidential_notes', 'visibility']);
      const imported = (await f.list({ productId: ids.product }, TOKENS.skane)).ids;
      const recordedBy = await Promise.all(
        imported.map(async (id) => (await f.get(id, TOKENS.skane, FOLLOW_UP)).recordedBy),
      );
      expect(recordedBy).toContainEqual({ code: 'adda' });
    });

    it("a delegate's import UPDATE changes only what it recorded, never visibility, and says on whose behalf", async () => {
      const upsert = (reference: string, value: number, token: string) =>
        sut.gql(
          'mutation ($csv: String!) { m: importFollowUps(csv: $csv, onExisting: UPDATE) { imported created updated outcomes { followUpId } errors { column reason } } }',
          {
            csv:
              'follow_up_key,organisation,product_id,method,status,performed_on,visibility,report_reference,substance_cas,part,detected,value,unit\n' +
              `k-${reference},region-skane,${ids.product},LAB_ANALYSIS,COMPLETED,${daysAgo(10)},SHARED,${reference},${CAS.DEHP},PVC,true,${value},MG_PER_KG\n`,
          },
          token,
        );
      const mine = `D-${uniqueSuffix()}`;
      const first = dataOf(await upsert(mine, 20, addaContact)).m;
      expect(first).toMatchObject({ imported: true, created: 1, errors: [] });
      const id = first.outcomes[0].followUpId as string;
      expect(dataOf(await upsert(mine, 30, addaContact)).m).toMatchObject({ imported: true, updated: 1, errors: [] });
      const trail = await f.trail(id, TOKENS.skane);
      const updated = trail.history.find((h: any) => h.type === 'UPDATED');
      expect(updated).toMatchObject({ actorOrganisation: { code: 'adda' } });
      expect(JSON.parse(updated.details)).toMatchObject({
        onBehalfOfOrganisationId: ids['region-skane'],
        delegationId,
      });

      // Skåne's own follow-up, found by its report reference: not the delegate's to change.
      const own = `S-${uniqueSuffix()}`;
      expect(dataOf(await upsert(own, 20, TOKENS.skane)).m).toMatchObject({ imported: true, created: 1 });
      const refused = dataOf(await upsert(own, 5000, addaContact)).m;
      expect(refused).toMatchObject({ imported: false, updated: 0 });
      expect(refused.errors).toEqual([
        expect.objectContaining({ column: 'follow_up_key', reason: expect.stringContaining('recorded itself') }),
      ]);

      // Skåne makes the delegate's follow-up PRIVATE: the delegate's SHARED file does not undo that.
      const current = await f.get(id, TOKENS.skane, 'version');
      dataOf(await f.updateRaw(id, current.version, { visibility: 'PRIVATE' }, TOKENS.skane));
      const hidden = dataOf(await upsert(mine, 40, addaContact)).m;
      expect(hidden.imported).toBe(false);
      expect(hidden.errors).toEqual([
        expect.objectContaining({
          column: 'visibility',
          reason: expect.stringContaining('does not change visibility'),
        }),
      ]);
    });

    it('a delegation is scoped: Stockholm delegating CONTRACTS only lets Adda record no follow-up for it', async () => {
      dataOf(await grant(stockholmAdmin, ids.adda!, ['CONTRACTS']));
      expectError(await record({ organisationId: ids['region-stockholm'] }, addaContact), 'FORBIDDEN', 'FOLLOW_UPS');
      const r = dataOf(await importCsv('region-stockholm', addaContact)).m;
      expect(r.imported).toBe(false);
    });

    it('an expired delegation stops at once', async () => {
      const mine = dataOf(
        await record(
          { organisationId: ids['region-skane'], status: 'IN_PROGRESS', measurements: [], performedOn: daysAgo(1) },
          addaContact,
        ),
      ).recordFollowUp;
      await sut.dataSource.query(`UPDATE delegations SET expires_on = '${daysAgo(1)}' WHERE id = '${delegationId}'`);
      try {
        expectError(await record({ organisationId: ids['region-skane'] }, addaContact), 'FORBIDDEN');
        expectError(
          await f.transitionRaw('complete', mine.id, addaContact as Token),
          'FORBIDDEN',
          'ended or was revoked',
        );
        expect(dataOf(await importCsv('region-skane', addaContact)).m.imported).toBe(false);
      } finally {
        await sut.dataSource.query(
          `UPDATE delegations SET expires_on = '${daysFromNow(30)}' WHERE id = '${delegationId}'`,
        );
      }
      expect((await record({ organisationId: ids['region-skane'] }, addaContact)).errors).toBeUndefined();
    });

    it('a revoked delegation stops at once; only the granting organisation revokes, once', async () => {
      expectError(await sut.gql(REVOKE, { id: delegationId }, TOKENS.admin), 'FORBIDDEN', 'granted');
      expectError(await sut.gql(REVOKE, { id: delegationId }, stockholmAdmin), 'NOT_FOUND');
      const revoked = dataOf(await sut.gql(REVOKE, { id: delegationId }, skaneAdmin)).m;
      expect(revoked).toMatchObject({ active: false, revokedAt: expect.any(String) });
      expectError(await sut.gql(REVOKE, { id: delegationId }, skaneAdmin), 'CONFLICT');
      expectError(await record({ organisationId: ids['region-skane'] }, addaContact), 'FORBIDDEN');
      expect(dataOf(await importCsv('region-skane', addaContact)).m.imported).toBe(false);
      const history = await sut.gql('{ auditLog(first: 100) { nodes { type } } }', {}, skaneAdmin);
      expect(dataOf(history).auditLog.nodes.map((n: any) => n.type)).toEqual(
        expect.arrayContaining(['DELEGATION_GRANTED', 'DELEGATION_REVOKED']),
      );
    });
  });
});

describe('createOrganisation with an operator organisation configured', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ env: { OPERATOR_ORGANISATION: 'adda' } });
  });
  afterAll(async () => {
    delete process.env.OPERATOR_ORGANISATION;
    await sut.close();
  });

  it("an ADMIN of the operator organisation creates organisations; another organisation's ADMIN does not", async () => {
    const create = (token: string) =>
      sut.gql(
        'mutation ($i: CreateOrganisationInput!) { m: createOrganisation(input: $i) { code } }',
        { i: { code: `org-${uniqueSuffix()}`, name: 'Ny kommun', kind: 'MUNICIPALITY' } },
        token,
      );
    expect(dataOf(await create(TOKENS.admin)).m.code).toMatch(/^org-/);
    const skaneAdmin = (
      await sut.app
        .get(TokenAdminService)
        .create({ organisationCode: 'region-skane', role: 'ADMIN', name: 'Admin Skåne' })
    ).token;
    expectError(await create(skaneAdmin), 'FORBIDDEN', 'operator');
  });
});
