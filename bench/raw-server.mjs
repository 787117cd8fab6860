// The baseline of the benchmark: a bare node:http handler that runs the SQL equivalent of the
// pre-audit lookup and of evaluateProduct with better-sqlite3 directly, on the same database file.
// It does what the service does for these requests, minus the framework: the bearer token is
// checked with the same query, the same visibility rule applies, the lookup returns the same page
// (20 follow-ups, newest first, with totalCount, organisation, measurements and substances), and
// the evaluation runs the same pure rules (dist/evaluation/product-verdict.js) on the same facts.
//
//   node bench/raw-server.mjs <database file> <port>      (prints "listening <port>" when ready)
//
// RAW_STABLE_PLANS=1 writes its key placeholders `+?` as the service does (see
// src/database/read/stable-plan.ts): SQLite then plans each statement once instead of compiling it
// again for every new product (STAT4). Off by default: the baseline is the handler as one would
// first write it. bench/report.md (section p) shows the service against both.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { applicableLimit, evaluateRequirement, productVerdict } from '../dist/evaluation/product-verdict.js';
import { stablePlan } from '../dist/database/read/stable-plan.js';
import { sqlConstantList } from '../dist/database/sql-constants.js';
import { COUNTING_STATUSES } from '../dist/vocabulary/vocabulary.js';

const PAGE = 20;

export function createRawHandler(file, stablePlans = process.env.RAW_STABLE_PLANS === '1') {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const prepare = (sql) => db.prepare(stablePlans ? stablePlan(sql) : sql);
  const stmt = {
    token: prepare(
      'SELECT t.role, t.expires_at, t.revoked_at, p.id AS principal_id, p.organisation_id FROM api_tokens t JOIN principals p ON p.id = t.principal_id WHERE t.token_hash = ?',
    ),
    count: prepare(
      "SELECT COUNT(*) AS n FROM follow_ups f WHERE f.product_id = ? AND (f.visibility = 'SHARED' OR f.organisation_id = ?)",
    ),
    page: prepare(
      `SELECT f.id, f.method, f.status, f.performed_on, f.organisation_id FROM follow_ups f
       WHERE f.product_id = ? AND (f.visibility = 'SHARED' OR f.organisation_id = ?)
       ORDER BY COALESCE(f.performed_on, '0001-01-01') DESC, f.id ASC LIMIT ${PAGE + 1}`,
    ),
    product: prepare('SELECT id, name FROM products WHERE id = ?'),
    contract: prepare('SELECT id, organisation_id FROM contracts WHERE id = ?'),
    contractRequirements: prepare(
      'SELECT requirement_id, limit_value, limit_unit FROM contract_requirements WHERE contract_id = ? ORDER BY created_at',
    ),
    requirement: prepare(
      'SELECT id, code, kind, default_limit_value, default_limit_unit, aggregation FROM requirements WHERE id = ?',
    ),
    requirementSubstances: prepare('SELECT substance_id FROM requirement_substances WHERE requirement_id = ?'),
    counting: prepare(
      `SELECT f.id, f.organisation_id, f.performed_on, f.created_at, f.method FROM follow_ups f
       WHERE f.product_id = ? AND f.status IN (${sqlConstantList(COUNTING_STATUSES)}) AND f.performed_on <= ? AND f.valid_until >= ?
       AND (f.visibility = 'SHARED' OR f.organisation_id = ?)`,
    ),
  };
  const many = (sql, ids) =>
    ids.length ? prepare(sql.replace('(?)', `(${ids.map(() => '?').join(', ')})`)).all(...ids) : [];

  function authenticate(req) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const row = match ? stmt.token.get(createHash('sha256').update(match[1], 'utf8').digest('hex')) : undefined;
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= new Date().toISOString())) return null;
    return row;
  }

  function lookup(productId, viewer) {
    const totalCount = stmt.count.get(productId, viewer.organisation_id).n;
    const rows = stmt.page.all(productId, viewer.organisation_id).slice(0, PAGE);
    const ids = rows.map((r) => r.id);
    const measurements = many(
      `SELECT m.follow_up_id, m.part, m.value, m.loq, m.unit, m.detected, s.cas_number, s.name FROM measurements m JOIN substances s ON s.id = m.substance_id
       WHERE m.follow_up_id IN (?) ORDER BY m.follow_up_id, m.position`,
      ids,
    );
    const organisations = new Map(
      many('SELECT id, name FROM organisations WHERE id IN (?)', [...new Set(rows.map((r) => r.organisation_id))]).map(
        (o) => [o.id, o],
      ),
    );
    const byFollowUp = new Map(ids.map((id) => [id, []]));
    for (const m of measurements) {
      byFollowUp.get(m.follow_up_id).push({
        part: m.part,
        value: m.value,
        loq: m.loq,
        unit: m.unit,
        detected: Boolean(m.detected),
        substance: { casNumber: m.cas_number, name: m.name },
      });
    }
    return {
      followUps: {
        totalCount,
        nodes: rows.map((r) => ({
          id: r.id,
          method: r.method,
          status: r.status,
          performedOn: r.performed_on,
          organisation: { name: organisations.get(r.organisation_id).name },
          measurements: byFollowUp.get(r.id),
        })),
      },
    };
  }

  function evaluate(productId, contractId, viewer) {
    if (!stmt.product.get(productId) || !stmt.contract.get(contractId)) return null;
    const rules = stmt.contractRequirements.all(contractId).map((row) => {
      const r = stmt.requirement.get(row.requirement_id);
      const { limit } = applicableLimit(
        { value: row.limit_value, unit: row.limit_unit },
        { value: r.default_limit_value, unit: r.default_limit_unit },
      );
      return {
        code: r.code,
        rule: {
          requirementId: r.id,
          kind: r.kind,
          aggregation: r.aggregation,
          substanceIds: stmt.requirementSubstances.all(r.id).map((s) => s.substance_id),
          limit,
        },
      };
    });
    const today = new Date().toISOString().slice(0, 10);
    const followUps = stmt.counting.all(productId, today, today, viewer.organisation_id);
    const byId = new Map(followUps.map((f) => [f.id, f]));
    const substanceIds = [...new Set(rules.flatMap((r) => r.rule.substanceIds))];
    const ids = followUps.map((f) => f.id);
    const measurements =
      ids.length && substanceIds.length
        ? prepare(
            `SELECT id, follow_up_id, substance_id, part, detected, value, loq, unit, uncertainty FROM measurements WHERE follow_up_id IN (${ids.map(() => '?').join(',')}) AND substance_id IN (${substanceIds.map(() => '?').join(',')})`,
          ).all(...ids, ...substanceIds)
        : [];
    const checked = many(
      'SELECT follow_up_id, requirement_id FROM follow_up_requirements WHERE follow_up_id IN (?)',
      ids,
    );
    const deviations = many(
      'SELECT follow_up_id, requirement_id, organisation_id, severity, status FROM deviations WHERE follow_up_id IN (?)',
      ids,
    );
    const facts = {
      followUps: followUps.map((f) => ({
        followUpId: f.id,
        organisationId: f.organisation_id,
        method: f.method,
        performedOn: f.performed_on,
        recordedAt: f.created_at,
      })),
      measurements: measurements.map((m) => {
        const f = byId.get(m.follow_up_id);
        return {
          measurementId: m.id,
          followUpId: f.id,
          organisationId: f.organisation_id,
          performedOn: f.performed_on ?? '0001-01-01',
          recordedAt: f.created_at,
          substanceId: m.substance_id,
          part: m.part,
          detected: Boolean(m.detected),
          value: m.value,
          loq: m.loq,
          unit: m.unit,
          uncertainty: m.uncertainty,
        };
      }),
      checked: checked.map((c) => ({ followUpId: c.follow_up_id, requirementId: c.requirement_id })),
      deviations: deviations.map((d) => ({
        followUpId: d.follow_up_id,
        requirementId: d.requirement_id,
        organisationId: d.organisation_id,
        severity: d.severity,
        status: d.status,
      })),
    };
    const requirements = rules.map(({ code, rule }) => {
      const result = evaluateRequirement(rule, facts);
      return {
        requirement: { code },
        verdict: result.verdict,
        parts:
          result.decidedBy === 'MEASUREMENTS'
            ? result.evaluation.parts.map((p) => ({ part: p.part, verdict: p.verdict }))
            : [],
      };
    });
    return { evaluateProduct: { verdict: productVerdict(requirements.map((r) => r.verdict)), requirements } };
  }

  return (req, res) => {
    const url = new URL(req.url, 'http://raw');
    const viewer = authenticate(req);
    const send = (status, body) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (!viewer) return send(401, { error: 'unauthenticated' });
    // The floor: the token check and an answer, as `{ __typename }` is for the service.
    if (url.pathname === '/empty') return send(200, { data: { __typename: 'Query' } });
    if (url.pathname === '/lookup') return send(200, { data: lookup(url.searchParams.get('productId'), viewer) });
    if (url.pathname === '/evaluate') {
      const data = evaluate(url.searchParams.get('productId'), url.searchParams.get('contractId'), viewer);
      return data ? send(200, { data }) : send(404, { error: 'not found' });
    }
    send(404, { error: 'no such path' });
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, port] = process.argv.slice(2);
  const server = createServer(createRawHandler(file));
  server.listen(Number(port ?? 0), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
