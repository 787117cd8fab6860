// node bench/ab.mjs --old <another checkout's dist/main.js> [--db <sqlite file>] [--rounds n] [--duration s]
//
// This build's service against another build's (e.g. a worktree of the previous commit, built) on
// the same generated dataset, in alternating rounds (the order turning each round), with the
// lookup's products drawn uniformly and from the popular head: the A/B of a change without a
// switch. The database file is read through before each round (see warmFile in lib.mjs).
import { parseArgs } from 'node:util';
import * as b from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    old: { type: 'string' },
    db: { type: 'string', default: '/tmp/kemkollen-bench-full/scale-1.sqlite' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '8' },
  },
});
if (!args.old) throw new Error('--old: the dist/main.js of the build to compare with');
const db = args.db;
const token = b.createToken(db, 'region-stockholm', 'CONTACT_PERSON', 'A/B');
const all = await b.allProducts(db);
const head = await b.popularProducts(db, 50);
// The other build runs as the script node is given first (startService appends this build's main as an argument it ignores).
const targets = { old: await b.startService(db, {}, [args.old]), new: await b.startService(db, {}) };
try {
  for (const t of Object.values(targets)) await b.warmUp(t, token, b.lookupRequests.graphql(b.draw(all, 3)));
  for (let round = 0; round < Number(args.rounds); round++) {
    b.warmFile(db);
    for (const [draw, list] of [
      ['uniform', all],
      ['popular', head],
    ]) {
      const out = {};
      for (const name of round % 2 ? ['new', 'old'] : ['old', 'new'])
        out[name] = await b.load({
          url: targets[name].url,
          token,
          makeRequest: b.lookupRequests.graphql(b.draw(list, 100 + round)),
          duration: Number(args.duration),
          pid: targets[name].pid,
        });
      const line = (r) => `${r.rps.toFixed(0)} req/s, ${r.cpuMsPerRequest?.toFixed(2)} CPU ms/request`;
      console.log(
        `round ${round + 1} ${draw}: old ${line(out.old)}; new ${line(out.new)}; new/old ${((100 * out.new.rps) / out.old.rps).toFixed(0)} %`,
      );
    }
  }
} finally {
  await Promise.all(Object.values(targets).map((t) => t.stop()));
}
