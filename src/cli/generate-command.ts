import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TransactionService } from '../database/transaction.service.js';
import { DatasetGenerator, SCALE_1 } from '../dataset/dataset-generator.js';
import { FollowUpImportService } from '../import/follow-up-import.service.js';
import { SeedService } from '../seeding/seed.service.js';
import { progressBar } from './progress.js';

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
