import { buildFollowUp, FollowUpFactory, phthalates, type Token } from './factories/follow-ups.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { startTestApp, TOKENS, usingPostgres, type TestApp } from './helpers/test-app.js';

/**
 * Issue 12, item 2: a follow-up another organisation relies on does not vanish. Turning it PRIVATE is
 * refused with CONFLICT once another organisation reused it or opened a deviation on it (retraction
 * stays possible); CLOSED means every deviation on it is resolved, whoever opened it; and a deviation
 * opened on a CLOSED follow-up moves it back to COMPLETED.
 */
describe('follow-ups that others rely on', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let supplierId: string;
  let pht: string;

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    supplierId = (await f.supplier()).id;
    pht = await f.requirementId('K-PHT-01');
  });
  afterAll(() => sut.close());

  const FIELDS = 'id status version visibility';
  /** A SHARED, COMPLETED Skåne lab analysis that passes K-PHT-01 (so Stockholm may reuse it). */
  async function skaneFollowUp() {
    const product = await f.product(supplierId);
    const followUp = await f.record(
      buildFollowUp({ productId: product.id, requirementIds: [pht], measurements: phthalates('PVC', {}, 10) }),
      TOKENS.skane,
      FIELDS,
    );
    return { product, followUp };
  }
  const makePrivate = (id: string, version: number) =>
    f.updateRaw(id, version, { visibility: 'PRIVATE' }, TOKENS.skane, FIELDS);
  const deviation = (followUpId: string, token: Token) =>
    f.openDeviation({ followUpId, severity: 'MINOR', description: 'Märkning saknas' }, token);

  describe('PRIVATE is refused once another organisation relies on the follow-up', () => {
    it('after another organisation recorded a reuse: CONFLICT, still SHARED, still reused; retraction possible', async () => {
      const { followUp } = await skaneFollowUp();
      const contract = await f.contract(TOKENS.stockholm, supplierId, [{ code: 'K-PHT-01' }]);
      dataOf(await f.recordReuseRaw(followUp.id, contract.id, TOKENS.stockholm));

      const r = await makePrivate(followUp.id, followUp.version);

      expectError(r, 'CONFLICT', 'PRIVATE', '1 reuse', 'retracted');
      const seen = await f.get(followUp.id, TOKENS.stockholm, `${FIELDS} reuses { id }`);
      expect(seen).toMatchObject({ visibility: 'SHARED', version: followUp.version, reuses: [expect.anything()] });
      expect((await f.retract(followUp.id, TOKENS.skane)).status).toBe('RETRACTED');
    });

    it('after another organisation opened a deviation on it: CONFLICT', async () => {
      const { followUp } = await skaneFollowUp();
      await deviation(followUp.id, TOKENS.stockholm);

      expectError(await makePrivate(followUp.id, followUp.version), 'CONFLICT', '1 deviation');
      expect((await f.get(followUp.id, TOKENS.stockholm, FIELDS)).visibility).toBe('SHARED');
    });

    it('its own deviations hold nothing back: PRIVATE is allowed', async () => {
      const { followUp } = await skaneFollowUp();
      await deviation(followUp.id, TOKENS.skane);

      expect(dataOf(await makePrivate(followUp.id, followUp.version)).updateFollowUp.visibility).toBe('PRIVATE');
    });
  });

  describe('CLOSED', () => {
    it('needs every deviation resolved, whoever opened it', async () => {
      const { followUp } = await skaneFollowUp();
      const theirs = await deviation(followUp.id, TOKENS.stockholm);

      expectError(await f.transitionRaw('close', followUp.id, TOKENS.skane), 'CONFLICT', '1 unresolved deviation');
      await f.resolveDeviation(theirs.id, TOKENS.stockholm);
      expect(dataOf(await f.transitionRaw('close', followUp.id, TOKENS.skane)).result.status).toBe('CLOSED');
    });

    it('a deviation opened on a CLOSED follow-up moves it back to COMPLETED, with an event', async () => {
      const { followUp } = await skaneFollowUp();
      const closed = dataOf(await f.transitionRaw('close', followUp.id, TOKENS.skane)).result;
      expect(closed.status).toBe('CLOSED');

      const opened = await deviation(followUp.id, TOKENS.stockholm);

      const after = await f.get(followUp.id, TOKENS.skane, `${FIELDS} history { type details }`);
      expect(after).toMatchObject({ status: 'COMPLETED', version: closed.version + 1 });
      const last = after.history[after.history.length - 1];
      expect(last.type).toBe('UPDATED');
      expect(JSON.parse(last.details)).toMatchObject({ status: 'COMPLETED', deviationId: opened.id });
      expectError(await f.transitionRaw('close', followUp.id, TOKENS.skane), 'CONFLICT', 'unresolved');
    });
  });

  it(`a reuse and turning PRIVATE at the same moment: never both (${usingPostgres() ? 'PostgreSQL row locks' : 'SQLite, one writer'})`, async () => {
    const contract = await f.contract(TOKENS.stockholm, supplierId, [{ code: 'K-PHT-01' }]);
    for (let i = 0; i < 6; i++) {
      const { followUp } = await skaneFollowUp();
      const [reuse, hide] = await Promise.all([
        f.recordReuseRaw(followUp.id, contract.id, TOKENS.stockholm),
        makePrivate(followUp.id, followUp.version),
      ]);
      const reused = !reuse.errors;
      const hidden = !hide.errors;
      expect([reused, hidden]).not.toEqual([true, true]);
      expect(reused || hidden).toBe(true);
      const now = await f.get(followUp.id, TOKENS.skane, `${FIELDS} reuses { id }`);
      expect(now.visibility).toBe(hidden ? 'PRIVATE' : 'SHARED');
      expect(now.reuses.length).toBe(reused ? 1 : 0);
    }
  });
});
