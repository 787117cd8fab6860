import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

describe('probe', () => {
  let sut: TestApp;
  beforeAll(async () => { sut = await startTestApp(); });
  afterAll(() => sut.close());
  const show = async (q: string, v: Record<string, unknown> = {}, t: string | null = TOKENS.admin) => {
    const r = await sut.gql(q, v, t);
    console.log(q.slice(0, 90), JSON.stringify(v).slice(0, 200), '\n=>', r.status, JSON.stringify(r.errors ?? r.data).slice(0, 400));
    return r;
  };
  it('probes', async () => {
    const ids = (await sut.gql(`{ suppliers(first:1){nodes{id}} products(first:1){nodes{id}} productCategories(first:100){nodes{id code}} requirements(first:1, filter:{search:"K-PHT-01"}){nodes{id}} contracts(first:100){nodes{id title organisation{code}}} }`, {}, TOKENS.admin)).data;
    const sid = ids.suppliers.nodes[0].id, pid = ids.products.nodes[0].id, cid = ids.productCategories.nodes[0].id, rid = ids.requirements.nodes[0].id, kid = ids.contracts.nodes[0].id;
    for (const [m, id, arg] of [['updateSupplier', sid, 'name'], ['updateProduct', pid, 'name'], ['updateProductCategory', cid, 'name'], ['updateRequirement', rid, 'title'], ['updateRequirement', rid, 'text'], ['updateRequirement', rid, 'kind'], ['updateRequirement', rid, 'aggregation'], ['updateContract', kid, 'title'], ['updateSupplier', sid, 'country']]) {
      await show(`mutation($id: ID!) { ${m}(id: $id, input: {${arg}: null}) { id } }`, { id });
    }
    await show(`mutation { updateSubstance(casNumber: "50-00-0", input: {name: null}) { name } }`);
    await show(`mutation { updateSubstance(casNumber: "50-00-0", input: {groups: null}) { name groups } }`);
    await show(`mutation { createProductCategory(input: {code: "WS-1", name: "  "}) { name } }`);
    await show(`mutation { createSubstance(input: {casNumber: "99999-99-6", name: "  "}) { name } }`);
    await show(`mutation($s: ID!) { createProduct(input: {supplierId: $s, name: "  "}) { name } }`, { s: sid });
    await show(`mutation { createRequirement(input: {code: "WS-1", title: " ", text: " ", kind: DOCUMENTATION}) { title } }`);
    await show(`mutation($s: ID!) { createContract(input: {supplierId: $s, title: " "}) { title } }`, { s: sid }, TOKENS.skane);
    await show(`mutation($id: ID!) { setContractRequirement(contractId: $id, requirementId: "${rid}", limit: {value: 0, unit: MG_PER_KG}) { id } }`, { id: kid });
    await show(`mutation($id: ID!) { setContractRequirement(contractId: $id, requirementId: "${rid}", limit: {value: 5, unit: MG_PER_L}) { id } }`, { id: kid });
    await show(`mutation($id: ID!, $r: ID!) { setContractRequirement(contractId: $id, requirementId: $r, limit: {value: 5, unit: MG_PER_L}) { id } }`, { id: kid, r: 'nope' });
    await show(`{ products(filter: {supplierId: "nope"}) { totalCount } }`);
    await show(`{ products(filter: {categoryCode: "NOPE"}) { totalCount } }`);
    await show(`{ products(filter: {gtin: "7350012340019"}) { totalCount } }`);
    await show(`{ suppliers(filter: {country: "XX"}) { totalCount } }`);
    await show(`{ suppliers(filter: {organisationNumber: "5567341292"}) { totalCount } }`);
    await show(`{ substances(filter: {list: NOPE}) { totalCount } }`);
    await show(`{ requirements(filter: {substanceCas: "50-00-1"}) { totalCount } }`);
    await show(`{ requirements(filter: {kind: NOPE}) { totalCount } }`);
    await show(`{ requirements(filter: {categoryCode: "NOPE"}) { totalCount } }`);
    await show(`{ organisations(after: "${Buffer.from('{"a":1}').toString('base64url')}") { totalCount } }`);
    await show(`{ organisations(after: "${Buffer.from('["x"]').toString('base64url')}") { totalCount } }`);
    await show(`{ organisations(after: "${Buffer.from('[{"a":1},"b"]').toString('base64url')}") { totalCount } }`);
    await show(`{ organisations(after: "${Buffer.from('[1,2]').toString('base64url')}") { totalCount } }`);
    await show(`{ contracts(filter: {organisationId: "x"}) { totalCount } }`);
    await sut.app.getHttpServer();
    const res = await fetch(sut.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, body: JSON.stringify({ query: '{ suppliers { totalCount } }' }) });
    console.log(res.status, await res.text());
  });
});
