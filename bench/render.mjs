// The markdown report of bench/run.mjs, from its figures (report.json has the same figures).
import { combine } from './lib.mjs';

const f = (n, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? '–' : Number(n).toFixed(d));
const pct = (a, c) => (a !== null && a !== undefined && c ? `${f((a / c) * 100, 0)} %` : '–');
const share = (x) => (x === null || x === undefined ? '?' : `${f(x * 100, 0)} %`);
const ratio = (a, c) => (a !== null && a !== undefined && c ? a / c : null);
const verdict = (ok) => (ok === null ? '–' : ok ? 'met' : '**missed**');
const row = (name, x) =>
  x
    ? `| ${name} | ${f(x.rps, 0)} | ${f(x.p50)} | ${f(x.p99)} | ${f(x.cpuMsPerRequest, 2)} | ${x.requests} | ${x.errors} |`
    : `| ${name} | – | – | – | – | – | – |`;
/** Per-round ratios of `a` to `c` (each round's two figures were measured back to back). */
const perRound = (rounds, a, c) => rounds.map((r) => pct(a(r)?.rps, c(r)?.rps)).join(', ');
const sum = (xs) => xs.reduce((s, x) => s + x, 0);

export function render(r) {
  const scales = r.settings.scales;
  const [s1, s10] = scales;
  const one = r.scales[s1];
  const ten = s10 !== undefined ? r.scales[s10] : undefined;
  const L = [];
  const load = (x) =>
    `\`${x.uptime}\`; vmstat: ${x.vmstat.r} runnable, CPU ${x.vmstat.us} % user, ${x.vmstat.sy} % system, ${x.vmstat.id} % idle, ${x.vmstat.st} % stolen`;
  L.push(
    `# Benchmark report (${r.mode} mode)`,
    '',
    `Run ${r.started} → ${r.finished}; Node ${r.node}; ${r.cpus} cores, ${r.memoryGb} GiB. SQLite (better-sqlite3) for (a) to (f), the service and the raw handler on the same file; PostgreSQL for (g).`,
    '',
    ...(r.note ? [`**Note on this run:** ${r.note}`, ''] : []),
    ...(r.scalesLeftOut?.length
      ? [
          `**Scales left out of this run:** ${r.scalesLeftOut.join(', ')} (the mode measures ${[...scales, ...r.scalesLeftOut].sort((x, y) => x - y).join(' and ')}); the targets at those scales are not measured here.`,
          '',
        ]
      : []),
    `Machine load before: ${load(r.loadBefore)}. After: ${load(r.loadAfter)}. Other work on the machine makes absolute figures noisy; every comparison below is made in rounds in which the compared targets take turns (the order turning each round), and each round's ratio is given.`,
    '',
    `Load: autocannon, ${r.settings.connections} connections (peer: ${r.settings.peerConnections.join(' and ')}), ${r.settings.duration} s per measurement (cold and warm: as many requests as products drawn, at most ${r.settings.coldRequests}), ${r.settings.rounds} rounds. CPU ms/request is the target process's own CPU time (user + system) over its requests; PostgreSQL's CPU is not in it (it matters in (g): PostGraphile has PostgreSQL build the JSON).`,
    '',
    `The service runs with NODE_ENV=production and RATE_LIMIT_ENABLED=false. Draws: **uniform**, a product drawn at random from all products for every request (a region looking up its own product); **popular**, one of the ${r.settings.head} most followed-up products; **cold**, every request a product the instance has not seen before; **warm**, the same products again on that instance. Service and baseline get the same draw in a round.`,
    '',
  );

  // ---- Targets
  const t = [];
  const target = (name, figure, rounds, ok, flatters) =>
    t.push(`| ${name} | ${figure} | ${rounds} | ${verdict(ok)} | ${flatters} |`);
  for (const s of scales) {
    const x = r.scales[s];
    if (!x?.uniform) continue;
    const u = ratio(x.uniform.graphql.rps, x.uniform.raw.rps);
    target(
      `uniform lookup ≥ 50 % of the raw handler, scale ${s}`,
      pct(x.uniform.graphql.rps, x.uniform.raw.rps),
      perRound(
        x.rounds,
        (q) => q.uniform.graphql,
        (q) => q.uniform.raw,
      ),
      u >= 0.5,
      'nothing beyond the steady state of the cache under this draw' +
        (x.uniform.rawStable
          ? `; against the raw handler with its keys planned once (as the service's are): ${pct(x.uniform.graphql.rps, x.uniform.rawStable.rps)} (${perRound(
              x.rounds,
              (q) => q.uniform.graphql,
              (q) => q.uniform.rawStable,
            )})`
          : ''),
    );
    const p = ratio(x.popular.graphql.rps, x.popular.raw.rps);
    target(
      `popular lookup ≥ 60 % of the raw handler, scale ${s}`,
      pct(x.popular.graphql.rps, x.popular.raw.rps),
      perRound(
        x.rounds,
        (q) => q.popular.graphql,
        (q) => q.popular.raw,
      ),
      p >= 0.6,
      `${r.settings.head} products: their measurements stay in the cache (warm)`,
    );
  }
  const peer = r.peer;
  if (peer?.measured) {
    for (const c of r.settings.peerConnections) {
      const agg = (k) => sum(peer.rounds.map((q) => q[c][k].rps));
      target(
        `vs PostGraphile ≥ 150 % with the cache, ${c} connections`,
        pct(agg('graphql'), agg('peer')),
        perRound(
          peer.rounds,
          (q) => q[c].graphql,
          (q) => q[c].peer,
        ),
        agg('graphql') >= 1.5 * agg('peer'),
        'uniform draw; the service reaches its cache, PostGraphile has none',
      );
      target(
        `vs PostGraphile ≥ 100 % with the cache off, ${c} connections`,
        pct(agg('noCache'), agg('peer')),
        perRound(
          peer.rounds,
          (q) => q[c].noCache,
          (q) => q[c].peer,
        ),
        agg('noCache') >= agg('peer'),
        'none: both read every row from PostgreSQL',
      );
    }
    const c = Math.max(...r.settings.peerConnections);
    const p99 = (k) => Math.max(...peer.rounds.map((q) => q[c][k].p99));
    target(
      `p99 at ${c} connections not above PostGraphile's`,
      `${f(p99('graphql'), 0)} ms (cache off ${f(p99('noCache'), 0)} ms) vs ${f(p99('peer'), 0)} ms`,
      peer.rounds.map((q) => `${f(q[c].graphql.p99, 0)}/${f(q[c].peer.p99, 0)}`).join(', '),
      p99('graphql') <= p99('peer'),
      'highest p99 over the rounds, both sides',
    );
  } else if (peer) {
    target('vs PostGraphile', `not measured: ${peer.reason}`, '–', null, '–');
  }
  if (ten?.memory) {
    const uniform = ten.memory.uniformPeakMb;
    const mb = uniform ?? ten.memory.service.peakMb;
    target(
      `peak RSS ≤ 300 MB at scale ${s10} under uniform traffic`,
      `${f(mb, 0)} MB (cache off ${f(ten.memory.noCache.peakMb, 0)} MB)`,
      uniform === null || uniform === undefined
        ? '–'
        : ten.rounds.map((r) => `${f(r.uniformPeak?.peakMb, 0)} MB`).join(', '),
      mb <= 300,
      (uniform === null || uniform === undefined
        ? 'the instance also served the popular draw'
        : 'the cached instance during each round’s uniform runs (it served the popular draw between rounds)') +
        `; its peak over the whole run, popular draw included: ${f(ten.memory.service.peakMb, 0)} MB; ` +
        `the cold/warm instance (every product once): ${f(ten.memory.cold.peakMb, 0)} MB`,
    );
  }
  if (r.statements) {
    const st = r.statements;
    target(
      'statements independent of page size',
      `${st[10].statements} (10 nodes) vs ${st[100].statements} (100 nodes)`,
      '–',
      st[10].statements === st[100].statements,
      'counted at the driver',
    );
  }
  if (r.import) {
    const ratioImport = sum(r.import.runs.map((x) => x.service.seconds)) / sum(r.import.runs.map((x) => x.raw.seconds));
    target(
      'import within 4 × the raw baseline',
      `${f(ratioImport, 2)} ×`,
      r.import.runs.map((x) => `${f(x.service.seconds / x.raw.seconds, 2)} ×`).join(', '),
      ratioImport <= 4,
      'both timed from process start to exit; the CLI pays Nest start-up, the raw script does not',
    );
  }
  if (r.fanOut) {
    const fan = r.fanOut;
    target(
      `fan-out to ${r.settings.subscribers} subscribers within 500 ms`,
      fan.measured ? `${f(fan.lastMs, 0)} ms (${fan.received}/${fan.subscribers} received)` : fan.reason,
      '–',
      fan.measured ? fan.lastMs <= 500 && fan.received === fan.subscribers : null,
      fan.measured ? `one write; each subscriber selects ${fan.payloadBytes} bytes` : '–',
    );
  }
  if (ten?.uniform) {
    const p = ratio(ten.uniform.graphql.p50, one.uniform.graphql.p50);
    target(
      `scale-${s10} lookup p50 ≤ 1.5 × scale-${s1} p50 (uniform)`,
      `${f(ten.uniform.graphql.p50)} ms vs ${f(one.uniform.graphql.p50)} ms = ${f(p, 2)} ×`,
      '–',
      p <= 1.5,
      'median of the rounds\u2019 p50',
    );
  }
  L.push('## Targets', '', '| target | figure | per round | | what flatters it |', '|---|---|---|---|---|', ...t, '');

  // ---- Datasets
  L.push('## Datasets', '', '| dataset | generated in | what |', '|---|---|---|');
  for (const [key, d] of Object.entries(r.datasets))
    L.push(
      `| ${/^postgres/.test(key) ? `PostgreSQL, scale ${key.split('-')[1]}` : `SQLite, scale ${key}`} | ${d.seconds === null ? 'reused' : `${f(d.seconds)} s`} | ${
        d.summary === 'reused'
          ? ''
          : d.summary
              .split('\n')
              .slice(1, 7)
              .map((l) => l.trim().replace(/\s+/, ' '))
              .join(', ')
      } |`,
    );
  for (const s of scales) {
    const x = r.scales[s];
    if (x?.shape)
      L.push(
        '',
        `Scale ${s}: ${x.shape.products} products, the median one with ${x.shape.medianFollowUps} follow-ups, ${x.shape.withNone} with none; the ${r.settings.head} most followed-up have ${x.shape.headMin} to ${x.shape.headMax}.`,
      );
  }
  L.push('');

  // ---- (a)
  if (one?.uniform) {
    L.push(
      '## (a) The lookup: service against the raw handler',
      '',
      `Before loading, the answers of the service and the raw handler were compared (lookup and evaluation) for ${scales.map((s) => `${r.scales[s].compared} products at scale ${s}`).join(' and ')}: identical.`,
      '',
      '| scale, draw, target | req/s | p50 ms | p99 ms | CPU ms/request | requests | errors |',
      '|---|---|---|---|---|---|---|',
    );
    for (const s of scales) {
      const x = r.scales[s];
      L.push(
        row(`${s}, uniform, GraphQL`, x.uniform.graphql),
        row(`${s}, uniform, GraphQL, cache off`, x.uniform.noCache),
        row(`${s}, uniform, raw`, x.uniform.raw),
        ...(x.uniform.rawStable ? [row(`${s}, uniform, raw, keys planned once`, x.uniform.rawStable)] : []),
        row(`${s}, popular, GraphQL`, x.popular.graphql),
        row(`${s}, popular, raw`, x.popular.raw),
        row(`${s}, cold (first sight), GraphQL`, x.coldWarm.cold),
        row(`${s}, warm (same products again), GraphQL`, x.coldWarm.warm),
        row(`${s}, cold/warm products, raw`, x.coldWarm.raw),
      );
    }
    L.push('', 'Per round (each ratio measured back to back), service / raw:', '');
    for (const s of scales) {
      const x = r.scales[s];
      const rs = x.rounds;
      L.push(
        `- scale ${s}: uniform ${perRound(
          rs,
          (q) => q.uniform.graphql,
          (q) => q.uniform.raw,
        )}${
          rs.every((q) => q.uniform.rawStable)
            ? ` (against the raw handler with its keys planned once: ${perRound(
                rs,
                (q) => q.uniform.graphql,
                (q) => q.uniform.rawStable,
              )})`
            : ''
        }; cache off ${perRound(
          rs,
          (q) => q.uniform.noCache,
          (q) => q.uniform.raw,
        )}; popular ${perRound(
          rs,
          (q) => q.popular.graphql,
          (q) => q.popular.raw,
        )}; cold ${perRound(
          rs,
          (q) => q.cold.cold,
          (q) => q.cold.raw,
        )}; warm ${perRound(
          rs,
          (q) => q.cold.warm,
          (q) => q.cold.raw,
        )}. Cold runs drew from ${rs.map((q) => q.cold.distinct).join(', ')} distinct products and sent ${rs
          .map((q) => q.cold.cold.sent)
          .join(
            ', ',
          )} requests${rs.some((q) => q.cold.cold.sent > q.cold.distinct) ? ' (more requests than products: the excess met products already seen)' : ''}.`,
      );
      if (rs.every((q) => q.pageCache))
        L.push(
          `  The OS page cache held ${rs.map((q) => share(q.pageCache.before)).join(', ')} of the database file before each round; it was read through (${rs.map((q) => `${f(q.pageCache.seconds, 1)} s`).join(', ')}) to ${rs.map((q) => share(q.pageCache.after)).join(', ')}, and held ${rs.map((q) => share(q.pageCache.afterRound)).join(', ')} after the round (what was no longer held was read from the disk by whichever target asked first).`,
        );
    }
    if (one.evaluate)
      L.push(
        '',
        `evaluateProduct at scale ${s1} (uniform draw, one measurement each): ${f(one.evaluate.graphql.rps, 0)} req/s against the raw handler's ${f(one.evaluate.raw.rps, 0)}, ${pct(one.evaluate.graphql.rps, one.evaluate.raw.rps)} (p50 ${f(one.evaluate.graphql.p50)} vs ${f(one.evaluate.raw.p50)} ms).`,
      );
    L.push('');
  }

  // ---- (b)
  if (r.statements) {
    const st = r.statements;
    L.push(
      '## (b) SQL statements per request, counted at the driver',
      '',
      'Every execution of a better-sqlite3 statement in the service process, whoever issued it (TypeORM, the service\u2019s own prepared reads); transaction control and PRAGMAs left out.',
      '',
      '| request | statements | |',
      '|---|---|---|',
      ...[10, 100].map(
        (n) =>
          `| followUps(first: ${n}), nested | ${st[n].statements} | ${st[n].nodes} follow-ups, ${st[n].measurements} measurements |`,
      ),
      `| the lookup, a product seen for the first time (cold) | ${st.lookupCold.statements} | ${st.lookupCold.nodes} follow-ups |`,
      `| the same lookup again (warm) | ${st.lookupWarm.statements} | |`,
      `| \`{ __typename }\`, a token seen for the first time | ${st.emptyFirst?.statements ?? '–'} | ${st.emptyFirst?.texts.map((x) => `\`${x.slice(0, 40)}…\``).join(', ') ?? ''} |`,
      `| \`{ __typename }\`, the same token again | ${st.empty.statements} | |`,
      '',
      'The cold lookup ran: ' + st.lookupCold.texts.map((x) => `\`${x.slice(0, 90)}…\``).join('; '),
      '',
    );
  }

  // ---- (c)
  if (r.import) {
    const im = r.import;
    const x = im.runs[0];
    L.push(
      `## (c) Import of ${x.service.measurements.toLocaleString('en')} measurements (${x.service.followUps.toLocaleString('en')} follow-ups, ${f(im.csvBytes / 2 ** 20)} MiB of CSV)`,
      '',
      '| round | CLI import, start to exit | of which start-up (`migrate` alone) | raw script, start to exit | of which its transaction | ratio |',
      '|---|---|---|---|---|---|',
      ...im.runs.map(
        (q, i) =>
          `| ${i + 1} | ${f(q.service.seconds, 2)} s | ${f(q.service.startupSeconds, 2)} s | ${f(q.raw.seconds, 2)} s | ${f(q.raw.transactionSeconds, 2)} s | ${f(q.service.seconds / q.raw.seconds, 2)} × |`,
      ),
      '',
    );
  }

  // ---- (d)
  if (r.fanOut) {
    const fan = r.fanOut;
    L.push(
      '## (d) Fan-out',
      '',
      fan.measured
        ? `${fan.subscribers} graphql-ws subscribers to \`followUpEvents\` (${fan.subscribed} subscribed), each selecting the event with its follow-up, product, supplier, organisation and requirements (${fan.payloadBytes} bytes of JSON), one \`recordFollowUp\` (answered in ${f(fan.writeMs, 0)} ms): the first subscriber had the event after ${f(fan.firstMs, 0)} ms, half of them after ${f(fan.p50Ms, 0)} ms, the last after ${f(fan.lastMs, 0)} ms; ${fan.received} received it.${fan.errors?.length ? ` Errors: ${fan.errors.join('; ')}` : ''}`
        : `Not measured: ${fan.reason}.`,
      '',
    );
  }

  // ---- (e), (f)
  if (ten?.uniform) {
    L.push(
      `## (e) Lookup latency, scale ${s1} against scale ${s10}`,
      '',
      `Uniform draw, median of the rounds' p50: GraphQL ${f(one.uniform.graphql.p50)} ms → ${f(ten.uniform.graphql.p50)} ms; p99 (highest) ${f(one.uniform.graphql.p99)} → ${f(ten.uniform.graphql.p99)} ms. Raw handler p50 ${f(one.uniform.raw.p50)} → ${f(ten.uniform.raw.p50)} ms.`,
      '',
      `## (f) Memory`,
      '',
      '| scale | service, uniform runs | service (uniform + popular) | cache off | cold/warm instance |',
      '|---|---|---|---|---|',
      ...scales.map((s) => {
        const m = r.scales[s].memory;
        return `| ${s} | peak ${m.uniformPeakMb === null || m.uniformPeakMb === undefined ? '–' : `${f(m.uniformPeakMb, 0)} MB`} | peak ${f(m.service.peakMb, 0)} MB (now ${f(m.service.rssMb, 0)}) | peak ${f(m.noCache.peakMb, 0)} MB | peak ${f(m.cold.peakMb, 0)} MB |`;
      }),
      '',
    );
  }

  // ---- (g)
  if (peer) {
    L.push('## (g) The peer: PostGraphile v4 on the same PostgreSQL data', '');
    if (!peer.measured) L.push(`Not measured: ${peer.reason}.`, '');
    else {
      L.push(
        `PostgreSQL, scale ${peer.scale} (${peer.products} products), uniform draw. PostGraphile 4.14 (its own package in bench/postgraphile) serves the same schema; the visibility rule (SHARED, or the viewer's organisation's own; measurements with their follow-up) is row-level security for the role its JWT names, and it has the index its ordering needs. The service runs on the same schema with and without its measurement cache. Both have 10 pooled connections. Before loading, the answers were compared for ${peer.compared} products: identical.`,
        '',
        '| connections, target | req/s | p50 ms | p99 ms | CPU ms/request | requests | errors |',
        '|---|---|---|---|---|---|---|',
      );
      for (const c of r.settings.peerConnections) {
        const agg = (k) =>
          combine(
            peer.rounds.map((q) => q[c][k]),
            r.settings.duration,
          );
        L.push(
          row(`${c}, service`, agg('graphql')),
          row(`${c}, service, cache off`, agg('noCache')),
          row(`${c}, PostGraphile`, agg('peer')),
        );
      }
      if (peer.rounds.every((q) => q.prewarm))
        L.push(
          '',
          `Before each round, PostgreSQL's tables and indexes of the schema were read into the OS page cache (pg_prewarm): ${peer.rounds.map((q) => (q.prewarm.failed ? `not done (${q.prewarm.failed})` : `${f(q.prewarm.megabytes, 0)} MB in ${f(q.prewarm.seconds, 1)} s`)).join('; ')}.`,
        );
      L.push('', 'Per round, service / PostGraphile:', '');
      for (const c of r.settings.peerConnections)
        L.push(
          `- ${c} connections: with the cache ${perRound(
            peer.rounds,
            (q) => q[c].graphql,
            (q) => q[c].peer,
          )}; cache off ${perRound(
            peer.rounds,
            (q) => q[c].noCache,
            (q) => q[c].peer,
          )}`,
        );
      L.push(
        '',
        `Peak RSS: service ${f(peer.memory.service.peakMb, 0)} MB, cache off ${f(peer.memory.noCache.peakMb, 0)} MB, PostGraphile ${f(peer.memory.peer.peakMb, 0)} MB.`,
        '',
      );
    }
  }

  // ---- (h)
  if (r.fixedCost) {
    const fc = r.fixedCost;
    const names = fc.variants;
    L.push(
      '## (h) Fixed cost per request',
      '',
      `\`{ __typename }\` with a token (HTTP, the GraphQL server, the token check, the query limits, no resolver) against the raw handler's token check with a constant answer, at scale ${s1}${
        names.length > 1
          ? `; and the service beside ${Object.entries(fc.settings ?? {})
              .map(
                ([name, env]) =>
                  `${name} (${Object.entries(env)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(' ')})`,
              )
              .join(', ')}, with the uniform lookup too`
          : ''
      }.`,
      '',
      '| request, target | req/s | p50 ms | p99 ms | CPU ms/request | requests | errors |',
      '|---|---|---|---|---|---|---|',
    );
    const agg = (what, k) =>
      fc.rounds[0][what]
        ? combine(
            fc.rounds.map((q) => q[what][k]),
            r.settings.duration,
          )
        : null;
    for (const what of ['empty', 'lookup'])
      if (fc.rounds[0][what])
        for (const k of [...names, 'raw'])
          L.push(row(`${what === 'empty' ? '`{ __typename }`' : 'uniform lookup'}, ${k}`, agg(what, k)));
    L.push('', 'Per round:', '');
    for (const k of names)
      L.push(
        `- \`{ __typename }\`, ${k} / raw token check: ${perRound(
          fc.rounds,
          (q) => q.empty[k],
          (q) => q.empty.raw,
        )}`,
      );
    const [a, ...others] = names;
    for (const c of others)
      for (const what of ['empty', 'lookup'])
        L.push(
          `- ${what === 'empty' ? '`{ __typename }`' : 'uniform lookup'}, ${c} / ${a}: ${perRound(
            fc.rounds,
            (q) => q[what][c],
            (q) => q[what][a],
          )}`,
        );
    L.push('');
  }
  return L.join('\n');
}
