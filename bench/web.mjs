// The web app's two figures (issue 14), written into bench/report.md between the markers below:
// 1. the start page's JavaScript and CSS, gzipped: what index.html loads (the entry script, the chunks
//    it preloads, the stylesheet), and the chunk of the anonymous start page (the statistics);
// 2. the time from navigation to the first search result on the demo data, in Debian's Chromium
//    (Playwright), against the built service (node dist/main.js) on a fresh SQLite file: the first
//    visit with an empty browser cache, then warm visits (median).
// `npm run build` first. `node bench/web.mjs [--runs 7]`.
/* global window, document, MutationObserver -- code passed to the browser runs there */
import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, startService } from './lib.mjs';

const DIST = join(ROOT, 'web', 'dist');
const REPORT = join(ROOT, 'bench', 'report.md');
export const START = '<!-- web-app:start -->';
export const END = '<!-- web-app:end -->';
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const TARGET = { kB: 250, ms: 1000 };

const gz = (file) => gzipSync(readFileSync(join(DIST, file))).length;
const kB = (bytes) => (bytes / 1024).toFixed(1);

/** The files index.html makes the browser load: scripts, preloaded modules, stylesheets. */
function startPageFiles() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}

function sizes() {
  const files = startPageFiles();
  const js = files.filter((f) => f.endsWith('.js'));
  const css = files.filter((f) => f.endsWith('.css'));
  const statistics = readdirSync(join(DIST, 'assets')).filter((f) => /^StatisticsPage-.*\.js$/.test(f));
  return {
    files,
    jsGzip: js.reduce((sum, f) => sum + gz(f), 0),
    cssGzip: css.reduce((sum, f) => sum + gz(f), 0),
    statisticsGzip: statistics.reduce((sum, f) => sum + gz(join('assets', f)), 0),
  };
}

/** ms from navigation start to the first result link of a search, measured in the page. */
async function timeToFirstResult(context, base, text) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('.result-list a')) {
        window.__firstResult = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${base}/search?q=${encodeURIComponent(text)}`);
  await page.waitForFunction(() => window.__firstResult !== undefined, null, { timeout: 30_000 });
  const ms = await page.evaluate(() => window.__firstResult);
  await page.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  const size = sizes();
  const dir = mkdtempSync(join(tmpdir(), 'kemkollen-bench-web-'));
  const service = await startService(join(dir, 'demo.sqlite'), {
    NODE_ENV: 'development',
    SEED_ON_START: 'true',
    DEMO_DATA: 'true',
  });
  const base = service.url.replace(/\/graphql$/, '');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext();
    await context.addInitScript(() => sessionStorage.setItem('kemkollen.token', 'kk_demo_stockholm'));
    const cold = await timeToFirstResult(context, base, 'Lekmatta');
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await timeToFirstResult(context, base, i % 2 ? 'Lekverket' : 'Lekmatta'));
    const figures = {
      measuredAt: new Date().toISOString(),
      machine: { cores: cpus().length, loadAverage1min: Number(loadavg()[0].toFixed(1)) },
      startPage: { files: size.files, jsGzipBytes: size.jsGzip, cssGzipBytes: size.cssGzip },
      statisticsChunkGzipBytes: size.statisticsGzip,
      firstSearchResultMs: { cold: Math.round(cold), warmMedian: Math.round(median(warm)), warm: warm.map(Math.round) },
    };
    writeFileSync(join(ROOT, 'bench', 'report-web.json'), JSON.stringify(figures, null, 2) + '\n');
    writeSection(render(figures));
    console.log(render(figures));
  } finally {
    await browser.close();
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function render(f) {
  const total = f.startPage.jsGzipBytes + f.startPage.cssGzipBytes;
  const ok = (good) => (good ? 'within the target' : '**over the target**');
  return `${START}
## (w) The web app

Measured ${f.measuredAt.slice(0, 10)} by \`node bench/web.mjs\` (after \`npm run build\`), on this machine: ${f.machine.cores} cores,
load average ${f.machine.loadAverage1min} at the end of the run (other work shares the machine; the times grow with it).

| figure | value | target |
|---|---|---|
| start page JavaScript, gzipped (${f.startPage.files.filter((x) => x.endsWith('.js')).length} files) | ${kB(f.startPage.jsGzipBytes)} kB | |
| start page CSS, gzipped | ${kB(f.startPage.cssGzipBytes)} kB | |
| start page JS + CSS, gzipped | ${kB(total)} kB | ≤ ${TARGET.kB} kB: ${ok(total / 1024 <= TARGET.kB)} |
| the public statistics' chart chunk, gzipped (loaded when visited) | ${kB(f.statisticsChunkGzipBytes)} kB | |
| navigation to the first search result, empty browser cache | ${f.firstSearchResultMs.cold} ms | ≤ ${TARGET.ms} ms: ${ok(f.firstSearchResultMs.cold <= TARGET.ms)} |
| navigation to the first search result, cached assets (median of ${f.firstSearchResultMs.warm.length}) | ${f.firstSearchResultMs.warmMedian} ms | |

The time is the page's own clock (\`performance.now()\`, from navigation start) when the first result link enters the
DOM: HTML, scripts, the token check, the search query (one request for all four kinds) and the render, in Debian's
Chromium on loopback against \`node dist/main.js\` on SQLite with the demo data. Gzip is Node's default level; the
service sends the files uncompressed on loopback (a reverse proxy compresses in production).
${END}`;
}

/** Puts the section into bench/report.md, replacing the previous one (a full bench run keeps it too). */
function writeSection(section) {
  const report = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Benchmark\n';
  const start = report.indexOf(START);
  const end = report.indexOf(END);
  const next =
    start >= 0 && end > start
      ? report.slice(0, start) + section + report.slice(end + END.length)
      : `${report.trimEnd()}\n\n${section}\n`;
  writeFileSync(REPORT, next);
}

await main();
