import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

describe('smoke', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  it('answers a query with the demo data', async () => {
    const r = await sut.gql('{ organisations(first: 100) { totalCount } }', {}, TOKENS.reader);
    expect(r.errors).toBeUndefined();
    expect(r.data.organisations.totalCount).toBeGreaterThanOrEqual(21);
  });
});
