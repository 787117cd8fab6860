import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync, statSync } from 'node:fs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TransactionService } from '../database/transaction.service.js';
import { DatasetGenerator, SCALE_1 } from '../import/dataset-generator.js';
import { FollowUpImportService } from '../import/follow-up-import.service.js';
import { SeedService } from '../seeding/seed.service.js';
import { progressBar } from './progress.js';

/**
 * `import <file>`: checks the whole file, then stores it in one transaction, or nothing. Every
 * bad row is printed (`row 12, column loq: must be positive`) and the exit code is 1.
 */
export async function runImport(
  app: INestApplicationContext,
  options: { file: string; organisation?: string; dryRun: boolean },
): Promise<void> {
  process.stderr.write(`reading ${options.file} (${(statSync(options.file).size / 2 ** 20).toFixed(1)} MiB)\n`);
  const text = readFileSync(options.file, 'utf8');
  const progress = progressBar();
  const outcome = await app.get(FollowUpImportService).importCsv(
    text,
    { principal: null, defaultOrganisationCode: options.organisation ?? null },
    {
      dryRun: options.dryRun,
      onProgress: (p) => {
        if (p.phase === 'checking') progress.update(p.checked, p.rows, 'checking rows');
        else
          progress.update(
            p.measurements,
            p.totalMeasurements,
            `writing measurements (${p.followUps.toLocaleString('en')}/${p.totalFollowUps.toLocaleString('en')} follow-ups)`,
          );
      },
    },
  );
  progress.done();
  if (outcome.errors.length) {
    for (const e of outcome.errors) console.error(`row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.reason}`);
    const rows = new Set(outcome.errors.map((e) => e.row)).size;
    throw new Error(
      `${options.file}: ${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; nothing was imported`,
    );
  }
  console.log(
    options.dryRun
      ? `Dry run: ${options.file} is valid; it would import ${outcome.followUps} follow-ups with ${outcome.measurements} measurements.`
      : `Imported ${outcome.followUps} follow-ups with ${outcome.measurements} measurements from ${options.file}.`,
  );
}

/** `generate --scale <n>`: the reference data (and demo data when asked), then a generated registry. */
export async function runGenerate(
  app: INestApplicationContext,
  options: { scale: number; seed: number; demo: boolean },
): Promise<void> {
  const started = performance.now();
  await app.get(SeedService).seed({ demo: options.demo });
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const generator = new DatasetGenerator(dataSource, app.get(TransactionService), app.get(FollowUpImportService));
  const progress = progressBar();
  const report = await generator.generate({
    scale: options.scale,
    seed: options.seed,
    onProgress: (phase, done, total) => progress.update(done, total, phase),
  });
  progress.done();
  const total = (performance.now() - started) / 1000;
  console.log(
    `Generated at scale ${options.scale} (scale 1: ${SCALE_1.followUps.toLocaleString('en')} follow-ups, ${SCALE_1.measurements.toLocaleString('en')} measurements):`,
  );
  for (const key of ['organisations', 'suppliers', 'products', 'contracts', 'followUps', 'measurements'] as const)
    console.log(`  ${key.padEnd(13)} ${report[key].toLocaleString('en')}`);
  console.log(
    `  seconds       ${total.toFixed(1)} (${Object.entries(report.seconds)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')})`,
  );
}
