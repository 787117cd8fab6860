/**
 * A supplier's traffic light from its deviations (DOMAIN.md, "Deviations"). Pure function.
 */
import {
  type ActionPlanStatus,
  DEVIATION_STATUS_RESOLVED,
  SEVERITY_DEMANDS_ACTION,
  type DeviationStatus,
  type Severity,
  type TrafficLight,
} from '../vocabulary/vocabulary.js';

export interface DeviationFact {
  id: string;
  severity: Severity;
  status: DeviationStatus;
  /** 'YYYY-MM-DD', the last day to resolve it; null when no due date is set. */
  dueDate: string | null;
  /** The supplier's action plan (respondToDeviation), if it answered: its status and the date it promises. */
  actionPlanStatus?: ActionPlanStatus | null;
  actionPlanDueDate?: string | null;
}

export interface TrafficLightResult {
  light: TrafficLight;
  /** Unresolved deviations past their due date. */
  overdue: DeviationFact[];
  /** All unresolved deviations that carry colour, the overdue ones included. */
  open: DeviationFact[];
}

/**
 * A deviation that still demands something of the supplier: unresolved, and more than an
 * observation (observations note something, they demand nothing).
 */
export function countsAgainstSupplier(d: Pick<DeviationFact, 'severity' | 'status'>): boolean {
  return SEVERITY_DEMANDS_ACTION[d.severity] && !DEVIATION_STATUS_RESOLVED[d.status];
}

/**
 * The last day to resolve a deviation: the date of the supplier's action plan once the opening
 * organisation ACCEPTED it (DOMAIN.md: an accepted plan within its date is YELLOW, even when the
 * deviation's own due date has passed), else the deviation's due date.
 */
export function dueBy(d: Pick<DeviationFact, 'dueDate' | 'actionPlanStatus' | 'actionPlanDueDate'>): string | null {
  return d.actionPlanStatus === 'ACCEPTED' && d.actionPlanDueDate ? d.actionPlanDueDate : d.dueDate;
}

/**
 * RED when an unresolved deviation is past its due date (`dueBy`) (the due date itself is still in time);
 * YELLOW when deviations are unresolved but in time (an agreed action plan is still unresolved);
 * GREEN when none are open. Observations are ignored: they note something, they demand nothing.
 * A deviation without a due date is open but never overdue.
 * @param today 'YYYY-MM-DD'; ISO dates order as strings.
 */
export function trafficLight(deviations: DeviationFact[], today: string): TrafficLightResult {
  const open = deviations.filter((d) => countsAgainstSupplier(d));
  const overdue = open.filter((d) => {
    const due = dueBy(d);
    return due !== null && due < today;
  });
  const light: TrafficLight = overdue.length > 0 ? 'RED' : open.length > 0 ? 'YELLOW' : 'GREEN';
  return { light, overdue, open };
}
