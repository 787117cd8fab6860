// node bench/profile.mjs [--db <sqlite file>] [--draw uniform|popular] [--duration s] [--connections n] [--top n]
//                        [--env K=V …]
//
// Profiles the service under the bench's uniform lookup (after `npm run build`): starts
// `node --cpu-prof dist/main.js` on a generated dataset (by default the full bench's scale 1),
// warms it up, loads it with the lookup of products drawn uniformly (or, --draw popular, from the 50
// most followed-up), stops it, and prints the
// functions with the most self time and the packages/folders the time is spent in. The profile
// (.cpuprofile, for Chrome's DevTools) stays in the printed folder.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as b from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/kemkollen-bench-full/scale-1.sqlite' },
    draw: { type: 'string', default: 'uniform' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    top: { type: 'string', default: '25' },
    env: { type: 'string', multiple: true },
  },
});
const env = Object.fromEntries((args.env ?? []).map((kv) => kv.split(/=(.*)/s).slice(0, 2)));
const dir = mkdtempSync(join(tmpdir(), 'kemkollen-profile-'));
const db = args.db;
const token = b.createToken(db, 'region-stockholm', 'CONTACT_PERSON', 'Profile');
if (!['uniform', 'popular'].includes(args.draw)) throw new Error(`--draw: uniform or popular, got ${args.draw}`);
const all = args.draw === 'popular' ? await b.popularProducts(db, 50) : await b.allProducts(db);
// Served from memory, as in the bench's rounds (see warmFile), not from this machine's slow disk.
b.warmFile(db);
const service = await b.startService(db, env, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
try {
  await b.warmUp(service, token, b.lookupRequests.graphql(b.draw(all, 3)));
  const result = await b.load({
    url: service.url,
    token,
    makeRequest: b.lookupRequests.graphql(b.draw(all, 5)),
    connections: Number(args.connections),
    duration: Number(args.duration),
    pid: service.pid,
  });
  console.log(
    `${args.draw} lookup: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.cpuMsPerRequest?.toFixed(2)} CPU ms/request, ${result.errors} errors`,
  );
} finally {
  await service.stop();
}

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
// Only the samples of the measured load (the last `duration` seconds before the stop), not the start-up or warm-up.
const from = profile.endTime - (Number(args.duration) + 0.5) * 1e6;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += deltas[i] ?? 0;
  if (at >= from) self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, x) => a + x, 0);
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
const functions = new Map();
const places = new Map();
for (const [id, t] of self) {
  const { callFrame: f } = byId.get(id);
  const where = f.url.replace(/^file:\/\//, '').replace(b.ROOT, '');
  const key = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + t);
  const place = idle.has(f.functionName)
    ? f.functionName
    : (/node_modules\/((@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
      (where.startsWith('dist/') ? where.split('/').slice(0, 3).join('/') : where ? 'node:internal' : '(native)'));
  places.set(place, (places.get(place) ?? 0) + t);
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
console.log(`\nself time by package or folder (${(total / 1e6).toFixed(1)} s sampled):`);
for (const [k, t] of [...places].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(`${pct(t)}  ${k}`);
console.log(`\nfunctions by self time:`);
for (const [k, t] of [...functions].sort((x, y) => y[1] - x[1]).slice(0, Number(args.top)))
  console.log(`${pct(t)}  ${k}`);
console.log(`\nprofile: ${join(dir, file)}`);
