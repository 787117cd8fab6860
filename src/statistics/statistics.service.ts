import { Injectable } from '@nestjs/common';
import { SqlReader } from '../database/read/sql-reader.js';
import { sqlConstantList } from '../database/sql-constants.js';
import { evaluateSubstance } from '../evaluation/evaluate.js';
import { convert } from '../evaluation/units.js';
import {
  COUNTING_STATUSES,
  type Method,
  type SubstanceStatus,
  type Unit,
  type Verdict,
} from '../vocabulary/vocabulary.js';
import type { PublicStatistics } from './statistics.model.js';
import { suppressSmallCounts } from './suppression.js';

interface MeasurementRow {
  category_code: string | null;
  cas_number: string;
  substance_name: string;
  substance_id: string;
  detected: boolean | number;
  value: number | null;
  loq: number | null;
  unit: Unit;
}
interface LimitRow {
  substance_id: string;
  value: number;
  unit: Unit;
}

/** Completed or closed (COUNTING_STATUSES) and SHARED. */
const COUNTED = `f.status IN (${sqlConstantList(COUNTING_STATUSES)}) AND f.visibility = 'SHARED'`;

/**
 * Statistics anyone may read, without a token: counts only, grouped by category, substance and
 * verdict, counts below 3 withheld and totals of the shown counts only (suppression.ts). Only SHARED, completed or closed follow-ups count; nothing names a supplier, product
 * or organisation. Each result is judged against the strictest library default limit (EACH)
 * for its substance, as a neutral yardstick: contracts differ, the library is common ground.
 */
@Injectable()
export class StatisticsService {
  constructor(private readonly reader: SqlReader) {}

  async publicStatistics(): Promise<PublicStatistics> {
    const [byCategory, measurements, limits] = await Promise.all([
      this.reader.all<{ category_code: string | null; method: Method; n: string | number }>(
        `SELECT c.code AS category_code, f.method AS method, COUNT(*) AS n FROM follow_ups f
         LEFT JOIN products p ON p.id = f.product_id LEFT JOIN product_categories c ON c.id = p.category_id
         WHERE ${COUNTED} GROUP BY c.code, f.method ORDER BY c.code, f.method`,
      ),
      this.reader.all<MeasurementRow>(
        `SELECT c.code AS category_code, s.cas_number, s.name AS substance_name, s.id AS substance_id, m.detected, m.value, m.loq, m.unit
         FROM measurements m JOIN follow_ups f ON f.id = m.follow_up_id JOIN substances s ON s.id = m.substance_id
         LEFT JOIN products p ON p.id = f.product_id LEFT JOIN product_categories c ON c.id = p.category_id
         WHERE ${COUNTED}`,
      ),
      this.reader.all<LimitRow>(
        `SELECT rs.substance_id, r.default_limit_value AS value, r.default_limit_unit AS unit FROM requirement_substances rs
         JOIN requirements r ON r.id = rs.requirement_id WHERE r.default_limit_value IS NOT NULL AND r.default_limit_unit IS NOT NULL`,
      ),
    ]);
    const strictest = new Map<string, LimitRow[]>();
    for (const l of limits) strictest.set(l.substance_id, [...(strictest.get(l.substance_id) ?? []), l]);
    const counts = new Map<
      string,
      {
        categoryCode: string | null;
        casNumber: string;
        substanceName: string;
        verdict: Verdict | SubstanceStatus;
        count: number;
      }
    >();
    for (const m of measurements) {
      const limit = this.strictestFor(strictest.get(m.substance_id) ?? [], m.unit);
      if (!limit) continue;
      const result = evaluateSubstance(
        {
          measurementId: '',
          followUpId: '',
          organisationId: '',
          performedOn: '',
          recordedAt: '',
          substanceId: m.substance_id,
          part: '',
          detected: Boolean(m.detected),
          value: m.value,
          loq: m.loq,
          unit: m.unit,
          uncertainty: null,
        },
        limit,
      );
      const verdict = result.verdict ?? result.status;
      const key = [m.category_code, m.cas_number, verdict].join('\u0000');
      const entry = counts.get(key) ?? {
        categoryCode: m.category_code,
        casNumber: m.cas_number,
        substanceName: m.substance_name,
        verdict,
        count: 0,
      };
      entry.count++;
      counts.set(key, entry);
    }
    // Counts below 3 withheld, totals of what is shown only (suppression.ts; domain.md §13).
    const followUps = suppressSmallCounts(
      byCategory.map((r) => ({ categoryCode: r.category_code, method: r.method, count: Number(r.n) })),
    );
    const verdicts = suppressSmallCounts(
      [...counts.values()].sort(
        (a, b) =>
          (a.categoryCode ?? '').localeCompare(b.categoryCode ?? '') ||
          a.casNumber.localeCompare(b.casNumber) ||
          a.verdict.localeCompare(b.verdict),
      ),
    );
    return {
      followUpCount: followUps.shownTotal,
      measurementCount: verdicts.shownTotal,
      followUpsByCategory: followUps.cells,
      verdicts: verdicts.cells,
    };
  }

  /** The strictest comparable library limit for a result in `unit`; any limit if none is comparable (gives NOT_COMPARABLE). */
  private strictestFor(limits: LimitRow[], unit: Unit): { value: number; unit: Unit } | null {
    const comparable = limits
      .map((l) => ({ l, inUnit: convert(l.value, l.unit, unit) }))
      .filter((x): x is { l: LimitRow; inUnit: number } => x.inUnit !== null)
      .sort((a, b) => a.inUnit - b.inUnit);
    if (comparable.length) return { value: comparable[0]!.l.value, unit: comparable[0]!.l.unit };
    return limits[0] ? { value: limits[0].value, unit: limits[0].unit } : null;
  }
}
