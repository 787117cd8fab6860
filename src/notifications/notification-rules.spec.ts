import {
  type FollowUpFacts,
  reasonOfEvent,
  reuseRecipients,
  type WatcherFacts,
  watcherRecipients,
} from './notification-rules.js';

const F: FollowUpFacts = {
  id: 'f1',
  visibility: 'SHARED',
  organisationId: 'org-skane',
  supplierId: 'sup-1',
  productId: 'prod-1',
  requirementIds: ['req-1'],
};
const watcher = (o: Partial<WatcherFacts>): WatcherFacts => ({
  principalId: 'p-stockholm',
  organisationId: 'org-stockholm',
  supplierId: null,
  kind: 'PRODUCT',
  targetId: 'prod-1',
  contractWithSupplier: false,
  ...o,
});

describe('reasonOfEvent', () => {
  it.each<[string, string | null, string | null]>([
    ['COMPLETED', null, 'FOLLOW_UP_COMPLETED'],
    ['RECORDED', 'COMPLETED', 'FOLLOW_UP_COMPLETED'],
    ['RECORDED', 'CLOSED', 'FOLLOW_UP_COMPLETED'],
    ['RECORDED', 'IN_PROGRESS', null],
    ['PLANNED', 'PLANNED', null],
    ['UPDATED', null, null],
    ['ACTION_PLAN_PROPOSED', null, 'SUPPLIER_ANSWER'],
    ['COMMENTED', null, 'SUPPLIER_ANSWER'],
    ['REPORT_RELEASED', null, 'SUPPLIER_ANSWER'],
    ['ACTION_PLAN_ACCEPTED', null, null],
    ['RETRACTED', null, null],
  ])('%s (status %s) → %s', (type, status, reason) => {
    expect(reasonOfEvent(type, status)).toBe(reason);
  });
});

describe('watcherRecipients', () => {
  it.each<[string, Partial<WatcherFacts>[], Partial<FollowUpFacts>, string | null, string[]]>([
    ['its product', [{}], {}, null, ['p-stockholm']],
    ['another product', [{ targetId: 'prod-2' }], {}, null, []],
    ['its supplier', [{ kind: 'SUPPLIER', targetId: 'sup-1' }], {}, null, ['p-stockholm']],
    ['a requirement it checked', [{ kind: 'REQUIREMENT', targetId: 'req-1' }], {}, null, ['p-stockholm']],
    ['a requirement it did not check', [{ kind: 'REQUIREMENT', targetId: 'req-2' }], {}, null, []],
    [
      'CONTRACTS with the supplier',
      [{ kind: 'CONTRACTS', targetId: 'org-stockholm', contractWithSupplier: true }],
      {},
      null,
      ['p-stockholm'],
    ],
    ['CONTRACTS without one', [{ kind: 'CONTRACTS', targetId: 'org-stockholm' }], {}, null, []],
    [
      'told once for several matching watches',
      [{}, { kind: 'SUPPLIER', targetId: 'sup-1' }],
      {},
      null,
      ['p-stockholm'],
    ],
    ['never the one who acted', [{}], {}, 'p-stockholm', []],
    ["another organisation's PRIVATE follow-up: nobody", [{}], { visibility: 'PRIVATE' }, null, []],
    [
      'its own PRIVATE follow-up: yes',
      [{ organisationId: 'org-skane', principalId: 'p-skane' }],
      { visibility: 'PRIVATE' },
      null,
      ['p-skane'],
    ],
    ["a supplier member: its own supplier's", [{ principalId: 'p-sup', supplierId: 'sup-1' }], {}, null, ['p-sup']],
    ["a supplier member: another supplier's, never", [{ principalId: 'p-sup', supplierId: 'sup-2' }], {}, null, []],
  ])('%s', (_label, watches, f, actor, expected) => {
    const told = watcherRecipients('FOLLOW_UP_COMPLETED', { ...F, ...f }, watches.map(watcher), actor);

    expect(told.map((r) => r.principalId)).toEqual(expected);
  });
});

describe('reuseRecipients', () => {
  const members = new Map([
    ['p-stockholm', { organisationId: 'org-stockholm', supplierId: null }],
    ['p-uppsala', { organisationId: 'org-uppsala', supplierId: null }],
  ]);

  it('the one who recorded the reuse, and the reusing organisation’s contract watchers, once each', () => {
    const told = reuseRecipients(
      F,
      [{ organisationId: 'org-stockholm', principalId: 'p-stockholm' }],
      [
        watcher({ kind: 'CONTRACTS', targetId: 'org-stockholm' }),
        watcher({
          principalId: 'p-uppsala',
          organisationId: 'org-uppsala',
          kind: 'CONTRACTS',
          targetId: 'org-uppsala',
        }),
      ],
      members,
      'p-skane',
    );

    expect(told).toEqual([{ principalId: 'p-stockholm', reason: 'REUSE_RETRACTED' }]);
  });

  it('not the one who retracted, nor anyone who may not see the follow-up', () => {
    expect(
      reuseRecipients(F, [{ organisationId: 'org-stockholm', principalId: 'p-stockholm' }], [], members, 'p-stockholm'),
    ).toEqual([]);
    expect(
      reuseRecipients(
        { ...F, visibility: 'PRIVATE' },
        [{ organisationId: 'org-stockholm', principalId: 'p-stockholm' }],
        [],
        members,
        null,
      ),
    ).toEqual([]);
  });
});
