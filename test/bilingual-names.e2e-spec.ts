import { SeedService } from '../src/seeding/seed.service.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * A database migrated from before the bilingual names (name_sv, name_en empty) gets the reference
 * data's names, and their search text, from `npm run seed` (SeedService.seed), idempotently.
 */
describe('bilingual names on an existing database', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  const find = async (search: string) =>
    dataOf(
      await sut.gql(
        `query ($q: String) { substances(filter: { search: $q }) { nodes { casNumber nameSv } }
          requirements(filter: { search: $q }) { nodes { code nameEn } } }`,
        { q: search },
        TOKENS.reader,
      ),
    );

  it('the seed fills the missing names and their search text, and a second run changes nothing', async () => {
    await sut.dataSource.query(
      "UPDATE substances SET name_sv = NULL, search_text = 'bis(2-ethylhexyl) phthalate (dehp) 117-81-7' WHERE cas_number = '117-81-7'",
    );
    await sut.dataSource.query(
      "UPDATE requirements SET name_en = NULL, search_text = 'k-pht-01 ortoftalater' WHERE code = 'K-PHT-01'",
    );
    expect((await find('etylhexyl')).substances.nodes).toEqual([]);

    await sut.app.get(SeedService).seed({ demo: true });
    const again = await sut.app.get(SeedService).seed({ demo: true });

    const d = await find('etylhexyl');
    expect(d.substances.nodes).toEqual([{ casNumber: '117-81-7', nameSv: 'Bis(2-etylhexyl)ftalat (DEHP)' }]);
    expect((await find('ortho-phthalates')).requirements.nodes).toEqual([
      { code: 'K-PHT-01', nameEn: 'Ortho-phthalates DEHP, DBP, BBP and DIBP' },
    ]);
    expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
  });
});
