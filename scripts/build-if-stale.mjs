#!/usr/bin/env node
// Builds (tsc -p tsconfig.build.json) only when the build is older than the code: `npm run cli`,
// `seed` and `migrate` run this first, so a command costs a build only after an edit. A file is
// stale when anything under src/ (a file, or a folder: a deleted or renamed file changes its folder),
// tsconfig.json or tsconfig.build.json is newer than dist/cli/main.js, which every build writes.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'main.js');

function newest(path) {
  const stats = statSync(path);
  let time = stats.mtimeMs;
  if (stats.isDirectory()) for (const entry of readdirSync(path)) time = Math.max(time, newest(join(path, entry)));
  return time;
}

let builtAt = 0;
try {
  builtAt = statSync(built).mtimeMs;
} catch {
  // never built
}
const sources = Math.max(
  newest(join(root, 'src')),
  newest(join(root, 'tsconfig.json')),
  newest(join(root, 'tsconfig.build.json')),
);
if (sources > builtAt) {
  process.stderr.write(builtAt ? 'the code changed since the last build: building…\n' : 'building…\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
