import { evaluateLimit, type MeasurementFact } from '../../../../src/evaluation/evaluate';
import type { Aggregation, Unit, Verdict } from '../../../../src/vocabulary/vocabulary';
import type { MeasurementInputValues } from './measurement-grid';

export interface PreviewRequirement {
  id: string;
  code: string;
  title: string;
  kind: string;
  aggregation: Aggregation;
  substanceIds: readonly string[];
  limit: { value: number; unit: Unit; unitSymbol: string } | null;
}

export interface PreviewRow {
  requirement: PreviewRequirement;
  /** null: decided by the method (NOT_ADDED, DOCUMENTATION), shown once saved. */
  verdict: Verdict | null;
  parts: { part: string; verdict: Verdict }[];
}

/**
 * The verdict of the new results alone against my contract's limits, before saving: the service's own
 * rule (src/evaluation/evaluate.ts, pure functions) run in the browser, so the preview and the saved
 * verdict cannot disagree on a LIMIT requirement.
 */
export function previewVerdicts(
  requirements: readonly PreviewRequirement[],
  measurements: readonly MeasurementInputValues[],
  substanceIdOf: (cas: string) => string | undefined,
  performedOn: string,
): PreviewRow[] {
  const facts: MeasurementFact[] = measurements.flatMap((m, index) => {
    const substanceId = substanceIdOf(m.substanceCas);
    return substanceId
      ? [
          {
            measurementId: `preview-${index}`,
            followUpId: 'preview',
            organisationId: 'me',
            performedOn,
            recordedAt: new Date().toISOString(),
            substanceId,
            part: m.part,
            detected: m.detected,
            value: m.value,
            loq: m.loq,
            unit: m.unit,
            uncertainty: m.uncertainty,
          },
        ]
      : [];
  });
  return requirements.map((requirement) => {
    if (requirement.kind !== 'LIMIT' || !requirement.limit || requirement.limit.value <= 0)
      return { requirement, verdict: null, parts: [] };
    const result = evaluateLimit(
      {
        value: requirement.limit.value,
        unit: requirement.limit.unit,
        aggregation: requirement.aggregation,
        substanceIds: requirement.substanceIds,
      },
      facts,
    );
    return {
      requirement,
      verdict: result.verdict,
      parts: result.parts.map((p) => ({ part: p.part, verdict: p.verdict })),
    };
  });
}
