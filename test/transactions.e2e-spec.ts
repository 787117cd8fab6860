import { TransactionService } from '../src/database/transaction.service.js';
import { SupplierEntity } from '../src/suppliers/supplier.entity.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * Isolation of writes from reads, on both engines: while a transaction is open, requests must
 * not see its rows; if it rolls back, nobody ever saw them. (On SQLite this needs the private
 * writer connection: the main connection is shared by every request.)
 */
describe('transactions', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  const countSuppliers = async () =>
    (
      await sut.gql<{ suppliers: { totalCount: number } }>(
        '{ suppliers(filter: {search: "isolation probe"}) { totalCount } }',
        {},
        TOKENS.reader,
      )
    ).data!.suppliers.totalCount;

  it('an open transaction is invisible to readers, and a rolled-back one stays invisible', async () => {
    const tx = sut.app.get(TransactionService);
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));

    const work = tx.run(async ({ manager }) => {
      await manager.insert(
        SupplierEntity,
        manager.create(SupplierEntity, {
          name: 'Isolation probe AB',
          country: 'SE',
          organisationNumber: null,
          searchText: 'isolation probe ab',
        }),
      );
      inserted();
      await held;
      throw new Error('roll back on purpose');
    });

    await insertedSignal;
    expect(await countSuppliers()).toBe(0);
    release();
    await expect(work).rejects.toThrow('roll back on purpose');
    expect(await countSuppliers()).toBe(0);
  });

  it('a committed transaction is visible once it has committed', async () => {
    const tx = sut.app.get(TransactionService);
    await tx.run(async ({ manager }) => {
      await manager.insert(
        SupplierEntity,
        manager.create(SupplierEntity, {
          name: 'Isolation probe 2 AB',
          country: 'SE',
          organisationNumber: null,
          searchText: 'isolation probe 2 ab',
        }),
      );
    });
    expect(await countSuppliers()).toBe(1);
  });
});
