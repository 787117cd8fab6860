/**
 * A supplier's traffic light from its deviations (DOMAIN.md, "Deviations"). Pure function.
 */

export type Severity = 'OBSERVATION' | 'MINOR' | 'MAJOR' | 'CRITICAL';

export type DeviationStatus = 'OPEN' | 'ACTION_PLAN_AGREED' | 'RESOLVED';

export interface DeviationFact {
  id: string;
  severity: Severity;
  status: DeviationStatus;
  /** 'YYYY-MM-DD', the last day to resolve it; null when no due date is set. */
  dueDate: string | null;
}

export type TrafficLight = 'RED' | 'YELLOW' | 'GREEN';

export interface TrafficLightResult {
  light: TrafficLight;
  /** Unresolved deviations past their due date. */
  overdue: DeviationFact[];
  /** All unresolved deviations that carry colour, the overdue ones included. */
  open: DeviationFact[];
}

/**
 * RED when an unresolved deviation is past its due date (the due date itself is still in time);
 * YELLOW when deviations are unresolved but in time (an agreed action plan is still unresolved);
 * GREEN when none are open. Observations are ignored: they note something, they demand nothing.
 * A deviation without a due date is open but never overdue.
 * @param today 'YYYY-MM-DD'; ISO dates order as strings.
 */
export function trafficLight(deviations: DeviationFact[], today: string): TrafficLightResult {
  const open = deviations.filter((d) => d.severity !== 'OBSERVATION' && d.status !== 'RESOLVED');
  const overdue = open.filter((d) => d.dueDate !== null && d.dueDate < today);
  const light: TrafficLight = overdue.length > 0 ? 'RED' : open.length > 0 ? 'YELLOW' : 'GREEN';
  return { light, overdue, open };
}
