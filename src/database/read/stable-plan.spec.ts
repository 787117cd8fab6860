import Database from 'better-sqlite3';
import { stablePlan } from './stable-plan.js';

describe('stablePlan', () => {
  it('writes +? where a key is compared, and leaves filter values, limits and +? alone', () => {
    expect(
      stablePlan(
        'SELECT a FROM t f WHERE f.product_id = ? AND "organisation_id"=? AND id IN (?, ?) AND f.status = ? AND day >= ? ORDER BY a LIMIT ?',
      ),
    ).toBe(
      'SELECT a FROM t f WHERE f.product_id = +? AND "organisation_id"=+? AND id IN (+?, +?) AND f.status = ? AND day >= ? ORDER BY a LIMIT ?',
    );
    expect(stablePlan('SELECT a FROM t WHERE m.follow_up_id IN (?,?) AND valid = ?')).toBe(
      'SELECT a FROM t WHERE m.follow_up_id IN (+?,+?) AND valid = ?',
    );
    expect(stablePlan('SELECT a FROM t WHERE b_id = +?')).toBe('SELECT a FROM t WHERE b_id = +?');
    expect(stablePlan('SELECT a FROM t WHERE paid = ? AND rapid IN (?)')).toBe(
      'SELECT a FROM t WHERE paid = ? AND rapid IN (?)',
    );
  });

  describe('on SQLite, against the text as written', () => {
    let db: Database.Database;
    beforeAll(() => {
      db = new Database(':memory:');
      db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, product_id TEXT NOT NULL, n_id INTEGER, x REAL, day TEXT, b_id BLOB);
               CREATE INDEX t_product ON t (product_id, day);
               CREATE INDEX t_n ON t (n_id)`);
      const insert = db.prepare('INSERT INTO t (product_id, n_id, x, day, b_id) VALUES (?, ?, ?, ?, ?)');
      db.transaction(() => {
        // Skewed, so that STAT4's samples differ from the averages: one product has half the rows.
        for (let i = 0; i < 4000; i++)
          insert.run(
            i % 2 ? 'popular' : `p${i}`,
            i % 7,
            i / 3,
            `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
            Buffer.from([i % 5]),
          );
        insert.run('null-n', null, null, null, null);
        insert.run('42', 1, 1, '2026-01-01', null);
      })();
      db.exec('ANALYZE');
    });
    afterAll(() => db.close());

    const reads: Array<[string, unknown[]]> = [
      ['SELECT id FROM t WHERE product_id = ? ORDER BY day DESC, id LIMIT ?', ['popular', 20]],
      ['SELECT id FROM t WHERE product_id = ? ORDER BY day DESC, id LIMIT ?', ['p8', 20]],
      ['SELECT COUNT(*) FROM t WHERE product_id IN (?, ?, ?)', ['p2', 'p4', 'popular']],
      // A number against TEXT, text against INTEGER, a blob: the column's affinity converts the value either way.
      ['SELECT id FROM t WHERE n_id = ? ORDER BY id', ['3']],
      ['SELECT id FROM t WHERE n_id = ? ORDER BY id', [3]],
      ['SELECT id FROM t WHERE product_id = ? AND day >= ? ORDER BY id', ['popular', '2026-06-01']],
      ['SELECT id FROM t WHERE product_id = ? ORDER BY id', [BigInt(42)]],
      ['SELECT id FROM t WHERE b_id = ? ORDER BY id', [Buffer.from([3])]],
      ['SELECT id FROM t WHERE n_id IS ? OR id = ? ORDER BY id', [null, 5]],
      [
        'SELECT COALESCE(?, n_id) AS v, CAST(? AS TEXT) AS c, ? || product_id AS s FROM t WHERE id = ?',
        [null, 5, 'x', 7],
      ],
    ];

    it.each(reads)('%s %j: the same rows', (sql, params) => {
      expect(stablePlan(sql)).not.toBe(sql);
      const asWritten = db
        .prepare(sql)
        .raw(true)
        .all(...params);
      expect(asWritten.length).toBeGreaterThan(0);
      expect(
        db
          .prepare(stablePlan(sql))
          .raw(true)
          .all(...params),
      ).toEqual(asWritten);
    });

    it('plans a key once: the same plan for a rare and a popular value, from the averages', () => {
      const plan = (sql: string, value: string) =>
        db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(value)
          .map((r) => (r as { detail: string }).detail);
      const sql = 'SELECT id FROM t WHERE product_id = ? AND n_id = 3';
      // As written, STAT4 reads the value: the planner chooses by it (the popular product's rows are
      // better found through n), so the statement is compiled again each time it is bound.
      expect(plan(sql, 'popular')).not.toEqual(plan(sql, 'p8'));
      const stable = stablePlan(sql);
      expect(plan(stable, 'popular')).toEqual(plan(stable, 'p8'));
      expect(plan(stable, 'popular').join()).toContain('t_product');
    });
  });
});
