// The import's baseline: reads the CSV file, parses it (csv-parse, as the service does) and writes
// the same rows as the service's import (follow-ups, requirement links, measurements, one event per
// follow-up) with raw prepared INSERTs in one transaction, checking nothing. Timed by the bench from
// the start of this process to its exit, like the CLI's import; prints what it wrote and how long
// the transaction alone took, as JSON.
//
//   node bench/raw-import.mjs <csv file> <database file>
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [csvFile, file] = process.argv.slice(2);
const rows = parse(readFileSync(csvFile, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const org = db.prepare("SELECT id FROM organisations WHERE code = 'region-stockholm'").get().id;
const req = db.prepare("SELECT id FROM requirements WHERE code = 'K-PHT-01'").get().id;
const substances = new Map(
  db
    .prepare('SELECT cas_number, id FROM substances')
    .all()
    .map((s) => [s.cas_number, s.id]),
);
const suppliers = new Map(
  db
    .prepare('SELECT id, supplier_id FROM products')
    .all()
    .map((p) => [p.id, p.supplier_id]),
);
const now = new Date().toISOString();
const followUps = new Map();
const measurements = [];
for (const v of rows) {
  let f = followUps.get(v.follow_up_key);
  if (!f) followUps.set(v.follow_up_key, (f = { id: randomUUID(), v, n: 0 }));
  const detected = v.detected === 'true';
  measurements.push([
    randomUUID(),
    f.id,
    substances.get(v.substance_cas),
    v.part,
    v.part.toLowerCase(),
    detected ? 1 : 0,
    detected ? Number(v.value) : null,
    detected ? null : Number(v.loq),
    v.unit,
    null,
    v.analytical_method,
    f.n++,
    now,
  ]);
}
const insertF = db.prepare(
  'INSERT INTO follow_ups (id, organisation_id, product_id, supplier_id, contract_id, method, performed_on, status, visibility, laboratory, report_reference, valid_until, notes, confidential_notes, retracted_reason, retracted_at, status_before_retraction, version, created_by_principal_id, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, 1, NULL, ?, ?)',
);
const insertR = db.prepare('INSERT INTO follow_up_requirements (follow_up_id, requirement_id) VALUES (?, ?)');
const insertM = db.prepare(
  'INSERT INTO measurements (id, follow_up_id, substance_id, part, part_key, detected, value, loq, unit, uncertainty, analytical_method, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
const insertE = db.prepare(
  "INSERT INTO events (type, occurred_at, actor_principal_id, actor_organisation_id, subject_type, subject_id, follow_up_id, payload) VALUES ('RECORDED', ?, NULL, ?, 'FollowUp', ?, ?, ?)",
);
const write = db.transaction(() => {
  for (const { id, v } of followUps.values()) {
    insertF.run(
      id,
      org,
      v.product_id,
      suppliers.get(v.product_id),
      v.method,
      v.performed_on,
      v.status,
      v.visibility,
      v.laboratory,
      v.report_reference,
      '2028-03-01',
      now,
      now,
    );
    insertR.run(id, req);
    insertE.run(now, org, id, id, '{"status":"COMPLETED"}');
  }
  for (const m of measurements) insertM.run(m);
});
const started = performance.now();
write();
const transactionSeconds = (performance.now() - started) / 1000;
db.close();
console.log(JSON.stringify({ followUps: followUps.size, measurements: measurements.length, transactionSeconds }));
