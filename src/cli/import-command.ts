import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync, statSync } from 'node:fs';
import { FollowUpImportService } from '../import/follow-up-import.service.js';
import type { ImportFormat } from '../import/import-file.js';
import type { OnExisting } from '../vocabulary/vocabulary.js';
import { progressBar } from './progress.js';

/**
 * `import <file>`: checks the whole file, then stores it in one transaction, or nothing. Every
 * bad row is printed (`row 12, column loq: must be positive`) and the exit code is 1.
 */
export async function runImport(
  app: INestApplicationContext,
  options: { file: string; organisation?: string; dryRun: boolean; onExisting: OnExisting; sheet?: string },
): Promise<void> {
  process.stderr.write(`reading ${options.file} (${(statSync(options.file).size / 2 ** 20).toFixed(1)} MiB)\n`);
  const bytes = readFileSync(options.file);
  const progress = progressBar();
  const outcome = await app.get(FollowUpImportService).importFile(
    bytes,
    { principal: null, defaultOrganisationCode: options.organisation ?? null },
    {
      dryRun: options.dryRun,
      onExisting: options.onExisting,
      sheet: options.sheet ?? null,
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
  if (outcome.format) process.stderr.write(`read as ${describeFormat(outcome.format)}\n`);
  if (outcome.errors.length) {
    for (const e of outcome.errors) console.error(`row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.reason}`);
    const rows = new Set(outcome.errors.map((e) => e.row)).size;
    throw new Error(
      `${options.file}: ${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; nothing was imported`,
    );
  }
  if (options.dryRun)
    for (const o of outcome.outcomes.filter((x) => x.outcome === 'CHANGED')) {
      console.log(`${o.key} (row ${o.row}) CHANGED, follow-up ${o.followUpId}:`);
      for (const d of o.differences) console.log(`  ${d.field}: ${d.stored ?? '(none)'} -> ${d.imported ?? '(none)'}`);
    }
  const counts = `${outcome.created} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged, ${outcome.skipped} skipped`;
  console.log(
    options.dryRun
      ? `Dry run: ${options.file} is valid; it would import ${outcome.followUps} follow-ups with ${outcome.measurements} measurements (${counts}).`
      : `Imported ${outcome.followUps} follow-ups with ${outcome.measurements} measurements from ${options.file} (${counts}).`,
  );
}

/** "CSV, UTF-8 with BOM, separated by ";", decimal comma" or "XLSX, sheet "Resultat"". */
export function describeFormat(f: ImportFormat): string {
  const decimals = f.decimalSeparator === ',' ? 'decimal comma' : 'decimal point';
  if (f.kind === 'XLSX') return `XLSX, sheet "${f.sheet}", ${decimals}`;
  const delimiter = f.delimiter === '\t' ? 'tab' : `"${f.delimiter}"`;
  return `CSV${f.encoding ? `, ${f.encoding}` : ''}, separated by ${delimiter}, ${decimals}`;
}
