import { trafficLight, type DeviationFact } from './traffic-light.js';
import type { TrafficLight } from '../vocabulary/vocabulary.js';

const TODAY = '2025-06-01';

function deviation(id: string, overrides: Partial<DeviationFact> = {}): DeviationFact {
  return { id, severity: 'MAJOR', status: 'OPEN', dueDate: '2025-09-01', ...overrides };
}

describe('trafficLight', () => {
  it.each<[string, DeviationFact[], TrafficLight, string[], string[]]>([
    ['no deviations', [], 'GREEN', [], []],
    ['all resolved, even past due', [deviation('d1', { status: 'RESOLVED', dueDate: '2024-01-01' })], 'GREEN', [], []],
    ['open and in time', [deviation('d1')], 'YELLOW', ['d1'], []],
    ['action plan agreed, in time', [deviation('d1', { status: 'ACTION_PLAN_AGREED' })], 'YELLOW', ['d1'], []],
    ['due today is still in time', [deviation('d1', { dueDate: TODAY })], 'YELLOW', ['d1'], []],
    ['open without a due date', [deviation('d1', { dueDate: null })], 'YELLOW', ['d1'], []],
    ['past due and open', [deviation('d1', { dueDate: '2025-05-31' })], 'RED', ['d1'], ['d1']],
    [
      'past due with an agreed action plan',
      [deviation('d1', { status: 'ACTION_PLAN_AGREED', severity: 'MINOR', dueDate: '2025-01-01' })],
      'RED',
      ['d1'],
      ['d1'],
    ],
    [
      'an accepted action plan within its date, the deviation past its own: YELLOW',
      [
        deviation('d1', {
          status: 'ACTION_PLAN_AGREED',
          dueDate: '2025-05-01',
          actionPlanStatus: 'ACCEPTED',
          actionPlanDueDate: '2025-08-01',
        }),
      ],
      'YELLOW',
      ['d1'],
      [],
    ],
    [
      'an accepted action plan past its date: RED',
      [
        deviation('d1', {
          status: 'ACTION_PLAN_AGREED',
          dueDate: '2025-09-01',
          actionPlanStatus: 'ACCEPTED',
          actionPlanDueDate: '2025-05-31',
        }),
      ],
      'RED',
      ['d1'],
      ['d1'],
    ],
    [
      'a proposed (not yet accepted) plan does not move the due date: RED',
      [deviation('d1', { dueDate: '2025-05-01', actionPlanStatus: 'PROPOSED', actionPlanDueDate: '2025-08-01' })],
      'RED',
      ['d1'],
      ['d1'],
    ],
    [
      'a rejected plan does not move it either',
      [deviation('d1', { dueDate: '2025-05-01', actionPlanStatus: 'REJECTED', actionPlanDueDate: '2025-08-01' })],
      'RED',
      ['d1'],
      ['d1'],
    ],
    ['critical past due', [deviation('d1', { severity: 'CRITICAL', dueDate: '2025-05-01' })], 'RED', ['d1'], ['d1']],
    [
      'an overdue observation carries no colour',
      [deviation('o1', { severity: 'OBSERVATION', dueDate: '2024-01-01' })],
      'GREEN',
      [],
      [],
    ],
    [
      'an overdue observation does not turn an in-time deviation red',
      [deviation('o1', { severity: 'OBSERVATION', dueDate: '2024-01-01' }), deviation('d1')],
      'YELLOW',
      ['d1'],
      [],
    ],
    [
      'one overdue among several',
      [
        deviation('d1'),
        deviation('d2', { dueDate: '2025-02-01' }),
        deviation('d3', { status: 'RESOLVED', dueDate: '2024-02-01' }),
      ],
      'RED',
      ['d1', 'd2'],
      ['d2'],
    ],
  ])('%s → %s', (_case, deviations, light, open, overdue) => {
    const sut = trafficLight(deviations, TODAY);
    expect(sut.light).toBe(light);
    expect(sut.open.map((d) => d.id)).toEqual(open);
    expect(sut.overdue.map((d) => d.id)).toEqual(overdue);
  });
});
