import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_FILE } from '../src/graphql/schema-file.js';
import { daysAgo } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

const PRE_AUDIT = readFileSync(join(SCHEMA_FILE, '..', 'operations', 'PreAuditQuestion.graphql'), 'utf8');

/**
 * "Has anyone tested the product with GTIN X (or anything from supplier 556…) for phthalates in the
 * last three years?": one request (schema/operations/PreAuditQuestion.graphql) on fresh demo data.
 * The demo play mat (GTIN-13 7350012340018, Lekverket Nordic AB 556812-3474) was analysed by Skåne
 * for K-PHT-01 (report AR-26-SE-004711).
 */
describe('the pre-audit question, one request on the demo data', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ demo: true });
  });
  afterAll(() => sut.close());

  const ask = async (variables: Record<string, unknown>) => {
    const r = await sut.gql(PRE_AUDIT, { performedFrom: daysAgo(3 * 365), ...variables }, TOKENS.stockholm);
    return dataOf(r).followUps as { totalCount: number; nodes: Array<Record<string, any>> };
  };

  it('by the GTIN-14 form of the play mat and the phthalate requirement code', async () => {
    const answer = await ask({ gtin: '07350012340018', requirementCodes: ['K-PHT-01'] });

    expect(answer.nodes.map((n) => n.reportReference)).toContain('AR-26-SE-004711');
    for (const node of answer.nodes) {
      expect(node.product.gtin).toBe('7350012340018');
      expect(node.requirements.map((r: { code: string }) => r.code)).toContain('K-PHT-01');
    }
  });

  it('by the supplier’s organisationsnummer and the ORTHO_PHTHALATE group', async () => {
    const answer = await ask({ supplierOrganisationNumber: '5568123474', substanceGroup: 'ORTHO_PHTHALATE' });

    expect(answer.nodes.map((n) => n.reportReference)).toContain('AR-26-SE-004711');
    for (const node of answer.nodes) expect(node.supplier.organisationNumber).toBe('556812-3474');
  });

  it('a product nobody tested answers an empty list, not an error', async () => {
    expect(await ask({ gtin: '4006381333931', requirementCodes: ['K-PHT-01'] })).toMatchObject({
      totalCount: 0,
      nodes: [],
    });
  });
});
