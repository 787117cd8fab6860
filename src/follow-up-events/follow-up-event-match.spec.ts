import fc from 'fast-check';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { FOLLOW_UP_EVENT_TYPES } from '../vocabulary/vocabulary.js';
import {
  type FollowUpEventFacts,
  matchesFollowUpEvent,
  type ResolvedFilter,
  selectPage,
} from './follow-up-event-match.js';

const viewer = (organisationId: string): Principal => ({
  principalId: `p-${organisationId}`,
  organisationId,
  role: Role.READER,
  tokenId: 't',
  name: organisationId,
});
const SKANE = viewer('org-skane');
const STOCKHOLM = viewer('org-stockholm');
/** A member of supplier-1 (issue 19): its own supplier's SHARED follow-ups only. */
const SUPPLIER_1: Principal = { ...viewer('org-supplier-1'), role: Role.SUPPLIER, supplierId: 'supplier-1' };
const ALL = { types: FOLLOW_UP_EVENT_TYPES } as const;

/** Skåne's SHARED follow-up of product-1 (supplier-1, category cat-child) that checked req-1 and req-2. */
type Override = Omit<Partial<FollowUpEventFacts>, 'followUp'> & { followUp?: Partial<FollowUpEventFacts['followUp']> };
const event = (o: Override = {}): FollowUpEventFacts => ({
  seq: 1,
  type: 'RECORDED',
  requirementIds: ['req-1', 'req-2'],
  categoryId: 'cat-child',
  ...o,
  followUp: {
    visibility: 'SHARED',
    organisationId: 'org-skane',
    supplierId: 'supplier-1',
    productId: 'product-1',
    ...o.followUp,
  },
});
const PRIVATE = { followUp: { visibility: 'PRIVATE' as const } };
const AUDIT = { followUp: { productId: null }, categoryId: null };

describe('matchesFollowUpEvent: the SQL filter of the events read, in memory', () => {
  const cases: Array<[string, Principal | null, ResolvedFilter, FollowUpEventFacts, boolean]> = [
    ['no filter: every event the viewer may see', STOCKHOLM, ALL, event(), true],
    ['no viewer: nothing', null, ALL, event(), false],
    ["another organisation's PRIVATE follow-up: never", STOCKHOLM, ALL, event(PRIVATE), false],
    ['its own PRIVATE follow-up: yes', SKANE, ALL, event(PRIVATE), true],
    ["a supplier member: its own supplier's SHARED follow-up", SUPPLIER_1, ALL, event(), true],
    ["a supplier member: its own supplier's PRIVATE follow-up, never", SUPPLIER_1, ALL, event(PRIVATE), false],
    [
      "a supplier member: another supplier's SHARED follow-up, never",
      SUPPLIER_1,
      ALL,
      event({ followUp: { supplierId: 'supplier-2' } }),
      false,
    ],
    ['type among the types', STOCKHOLM, { types: ['UPDATED', 'RECORDED'] }, event(), true],
    ['type not among them', STOCKHOLM, { types: ['RETRACTED'] }, event(), false],
    ['a type that is no follow-up event type', STOCKHOLM, ALL, event({ type: 'CONTRACT_CREATED' }), false],
    ['supplier equal', STOCKHOLM, { ...ALL, supplierId: 'supplier-1' }, event(), true],
    ['supplier different', STOCKHOLM, { ...ALL, supplierId: 'supplier-2' }, event(), false],
    ['ids compare exactly (case)', STOCKHOLM, { ...ALL, supplierId: 'SUPPLIER-1' }, event(), false],
    [
      'an empty id is no condition, as in SQL',
      STOCKHOLM,
      { ...ALL, supplierId: '', productId: '', organisationId: '', requirementId: '' },
      event(),
      true,
    ],
    ['product equal', STOCKHOLM, { ...ALL, productId: 'product-1' }, event(), true],
    ['product different', STOCKHOLM, { ...ALL, productId: 'product-2' }, event(), false],
    ['product filter, follow-up without product', STOCKHOLM, { ...ALL, productId: 'product-1' }, event(AUDIT), false],
    ['organisation that recorded it', STOCKHOLM, { ...ALL, organisationId: 'org-skane' }, event(), true],
    ['another organisation', STOCKHOLM, { ...ALL, organisationId: 'org-stockholm' }, event(), false],
    ['a requirement it checked', STOCKHOLM, { ...ALL, requirementId: 'req-2' }, event(), true],
    ['a requirement it did not check', STOCKHOLM, { ...ALL, requirementId: 'req-3' }, event(), false],
    [
      'requirement filter, no requirements checked',
      STOCKHOLM,
      { ...ALL, requirementId: 'req-1' },
      event({ requirementIds: [] }),
      false,
    ],
    [
      "the product's category among the ids",
      STOCKHOLM,
      { ...ALL, categoryIds: ['cat-parent', 'cat-child'] },
      event(),
      true,
    ],
    ["the product's category not among them", STOCKHOLM, { ...ALL, categoryIds: ['cat-parent'] }, event(), false],
    [
      'category filter, product without category',
      STOCKHOLM,
      { ...ALL, categoryIds: ['cat-child'] },
      event({ categoryId: null }),
      false,
    ],
    [
      'category filter, follow-up without product',
      STOCKHOLM,
      { ...ALL, categoryIds: ['cat-child'] },
      event(AUDIT),
      false,
    ],
    ['an empty list of category ids matches nothing', STOCKHOLM, { ...ALL, categoryIds: [] }, event(), false],
    [
      'all conditions at once (AND)',
      SKANE,
      {
        types: ['RECORDED'],
        supplierId: 'supplier-1',
        productId: 'product-1',
        organisationId: 'org-skane',
        requirementId: 'req-1',
        categoryIds: ['cat-child'],
      },
      event(PRIVATE),
      true,
    ],
    [
      'all but one',
      SKANE,
      {
        types: ['RECORDED'],
        supplierId: 'supplier-1',
        productId: 'product-1',
        organisationId: 'org-skane',
        requirementId: 'req-9',
        categoryIds: ['cat-child'],
      },
      event(PRIVATE),
      false,
    ],
  ];

  it.each(cases)('%s', (_name, who, filter, e, expected) => {
    expect(matchesFollowUpEvent(who, filter, e)).toBe(expected);
  });
});

describe('selectPage: one page of a stretch for one viewer', () => {
  const stretch = [
    event({ seq: 3 }),
    event({ seq: 4, ...PRIVATE }),
    event({ seq: 5, type: 'UPDATED' }),
    event({ seq: 7 }),
    event({ seq: 8, followUp: { supplierId: 'supplier-2' } }),
    event({ seq: 9 }),
  ];
  const seqs = (rows: FollowUpEventFacts[]) => rows.map((r) => r.seq);

  it.each([
    ['the whole stretch', SKANE, ALL, 2, 9, 100, [3, 4, 5, 7, 8, 9]],
    ['without what the viewer may not see', STOCKHOLM, ALL, 2, 9, 100, [3, 5, 7, 8, 9]],
    ['only after `after` and up to `upTo`', STOCKHOLM, ALL, 4, 8, 100, [5, 7, 8]],
    ['at most `limit`, oldest first', STOCKHOLM, ALL, 0, 9, 2, [3, 5]],
    ['the limit counts matches, not rows read', STOCKHOLM, { ...ALL, supplierId: 'supplier-1' }, 3, 9, 2, [5, 7]],
    ['filtered', SKANE, { types: ['UPDATED'] }, 0, 9, 100, [5]],
    ['nothing matches', SKANE, { types: ['CLOSED'] }, 0, 9, 100, []],
    ['limit 0', SKANE, ALL, 0, 9, 0, []],
  ] as const)('%s', (_name, who, filter, after, upTo, limit, expected) => {
    expect(seqs(selectPage(stretch, who, filter, after, upTo, limit))).toEqual(expected);
  });

  it('is the rows that match, in range, cut at the limit (any stretch, filter and viewer)', () => {
    const ids = (prefix: string) => fc.constantFrom(`${prefix}-1`, `${prefix}-2`);
    const facts = fc.record({
      type: fc.constantFrom(...FOLLOW_UP_EVENT_TYPES),
      requirementIds: fc.subarray(['req-1', 'req-2', 'req-3']),
      categoryId: fc.option(ids('cat')),
      followUp: fc.record({
        visibility: fc.constantFrom('SHARED' as const, 'PRIVATE' as const),
        organisationId: ids('org'),
        supplierId: ids('supplier'),
        productId: fc.option(ids('product')),
      }),
    });
    const filter = fc.record(
      {
        types: fc.subarray([...FOLLOW_UP_EVENT_TYPES], { minLength: 1 }),
        supplierId: ids('supplier'),
        productId: ids('product'),
        organisationId: ids('org'),
        requirementId: ids('req'),
        categoryIds: fc.subarray(['cat-1', 'cat-2']),
      },
      { requiredKeys: ['types'] },
    );
    fc.assert(
      fc.property(
        fc.array(facts, { maxLength: 30 }),
        filter,
        ids('org'),
        fc.nat(40),
        fc.nat(40),
        fc.nat(10),
        (list, f, org, after, span, limit) => {
          const rows = list.map((e, i) => ({ ...e, seq: i + 1 }));
          const who = viewer(org);
          const page = selectPage(rows, who, f, after, after + span, limit);
          const all = rows.filter((r) => r.seq > after && r.seq <= after + span && matchesFollowUpEvent(who, f, r));
          expect(page).toEqual(all.slice(0, limit));
          // A full page ends at its last row; otherwise nothing in the range was left out.
          if (page.length < limit) expect(page).toEqual(all);
        },
      ),
    );
  });
});
